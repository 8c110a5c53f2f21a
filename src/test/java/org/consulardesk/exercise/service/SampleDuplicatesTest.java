package org.consulardesk.exercise.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.consulardesk.registry.model.DuplicateCandidate;
import org.consulardesk.registry.service.DuplicateService;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training registry has a handful of near-duplicates, the same for the same seed. */
class SampleDuplicatesTest {
    @TempDir
    Path tmp;

    @Test
    void trainingRegistryHasNearDuplicatesDeterministically() {
        List<String> first;
        try (Session s = TrainingRegistry.create(tmp.resolve("a"), 120, 7L, TestRegistries.FAST, tmp.resolve("state"),
                Clock.systemUTC())) {
            List<DuplicateCandidate> found = new DuplicateService(s).candidates(50);
            assertThat(found.size()).isGreaterThanOrEqualTo(TrainingRegistry.DUPLICATES);
            assertThat(found).flatExtracting(DuplicateCandidate::reasons).extracting(Enum::name)
                    .contains("SAME_DOCUMENT", "SAME_PHONE", "SIMILAR_NAME", "SAME_BIRTH_DATE");
            first = found.stream().map(c -> c.left().id() + "-" + c.right().id() + " " + c.reasons()).toList();
        }
        try (Session s = TrainingRegistry.create(tmp.resolve("b"), 120, 7L, TestRegistries.FAST, tmp.resolve("state2"),
                Clock.systemUTC())) {
            assertThat(new DuplicateService(s).candidates(50)).extracting(c -> c.left().id() + "-" + c.right().id() + " " + c.reasons())
                    .containsExactlyElementsOf(first);
        }
    }
}
