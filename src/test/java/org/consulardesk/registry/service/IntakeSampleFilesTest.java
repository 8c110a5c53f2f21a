package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.registry.model.IntakeAnalysis;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample files import cleanly into a fresh registry and say the same thing. */
class IntakeSampleFilesTest {
    @TempDir
    Path dir;

    IntakeAnalysis importInto(Path registry, Path file) {
        try (Session session = TestRegistries.create(registry).session()) {
            IntakeService intake = new IntakeService(session);
            IntakeAnalysis analysis = intake.analyse(file,
                    IntakeMappings.suggest(intake.preview(file, 3, ProgressSink.NONE).header()), ProgressSink.NONE);
            assertThat(analysis.issues()).as(file.toString()).isEmpty();
            assertThat(intake.commit(analysis, Set.of())).isEqualTo(20);
            return analysis;
        }
    }

    @Test
    void csvAndXlsxSamplesImportCleanlyAndAgree() {
        IntakeAnalysis csv = importInto(dir.resolve("a"), Path.of("sample-data/intake-example.csv"));
        IntakeAnalysis xlsx = importInto(dir.resolve("b"), Path.of("sample-data/intake-example.xlsx"));

        assertThat(xlsx.candidates()).isEqualTo(csv.candidates());
        assertThat(csv.candidates()).allSatisfy(c -> assertThat(c.registration().contacts().stream()
                .filter(m -> m.kind() == org.consulardesk.registry.model.ContactKind.PHONE))
                .singleElement().satisfies(m -> assertThat(m.value()).matches("\\+[0-9]{8,15}")));
    }
}
