package org.consulardesk.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.registry.model.IntakeField;
import org.consulardesk.registry.service.IntakeService;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake screen's state, with background work run synchronously (no FX thread needed). */
class IntakeViewModelTest {
    static final BackgroundTasks SYNC = new BackgroundTasks() {
        @Override
        public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.run(ProgressSink.NONE);
            } catch (Exception | Error e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    };

    @TempDir
    Path dir;
    Session session;
    IntakeViewModel model;

    @BeforeEach
    void open() {
        session = TestRegistries.create(dir.resolve("registry")).session();
        model = new IntakeViewModel(new IntakeService(session), SYNC);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void openSuggestsMappingCheckReportsAndImportCommits() {
        model.open(Path.of("sample-data/intake-example.xlsx"));

        assertThat(model.header).contains("Surname", "Mobile");
        assertThat(model.preview).hasSize(IntakeViewModel.PREVIEW_ROWS);
        assertThat(model.mapping.get().column(IntakeField.PHONE)).contains("Mobile");

        model.check();
        assertThat(model.report).isEmpty();
        assertThat(model.canImport.get()).isTrue();
        model.importRows();
        assertThat(model.message.get()).contains("Imported 20 registrations");

        model.check();
        assertThat(model.report).hasSizeGreaterThanOrEqualTo(20).allMatch(i -> i.duplicate());
        assertThat(model.canImport.get()).as("every row is a duplicate and they are left out").isFalse();
    }

    @Test
    void errorsBlockTheImportAndChangingTheMappingClearsTheReport() throws IOException {
        Path file = Files.writeString(dir.resolve("x.csv"), "Surname,Phone\nMwangi,12\n");
        model.open(file);
        model.check();

        assertThat(model.report).singleElement().satisfies(i -> assertThat(i.column()).isEqualTo("Phone"));
        assertThat(model.canImport.get()).isFalse();

        model.map(IntakeField.PHONE, "");
        assertThat(model.report).isEmpty();
        model.check();
        assertThat(model.canImport.get()).isTrue();

        model.saveMapping("Names only");
        assertThat(model.savedMappings).containsExactly("Names only");
    }

    @Test
    void aDamagedFileShowsItsMessage() throws IOException {
        model.open(Files.writeString(dir.resolve("broken.xlsx"), "not a zip"));

        assertThat(model.message.get()).contains("broken.xlsx").contains("damaged or incomplete");
        assertThat(model.header).isEmpty();
    }
}
