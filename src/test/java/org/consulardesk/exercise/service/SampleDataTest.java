package org.consulardesk.exercise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.create;

import java.nio.file.Path;
import java.util.List;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.registry.model.ConsentPurpose;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.RegistrySearch;
import org.consulardesk.registry.model.SearchSort;
import org.consulardesk.registry.service.SearchService;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {
    @TempDir
    Path tmp;

    private List<String> generateAndSearch(Path dir, long seed) {
        try (Session s = create(dir).session()) {
            assertThat(SampleData.generate(s, 1_500, seed, ProgressSink.NONE)).isEqualTo(1_500);
            SearchService search = new SearchService(s);
            assertThat(search.count(RegistrySearch.text(""))).isEqualTo(1_500);
            var verify = s.audit().verify();
            assertThat(verify.firstBreak()).isEmpty();
            List<String> rows = search.search(RegistrySearch.text("a"), 0, 20).stream()
                    .map(h -> h.familyName() + "|" + h.givenNames() + "|" + h.birthDate() + "|" + h.city()).toList();
            assertThat(rows).hasSize(20);
            return rows;
        }
    }

    @Test
    void sameSeedSamePeopleAndTheAuditChainHolds() {
        List<String> first = generateAndSearch(tmp.resolve("a"), 42);
        assertThat(generateAndSearch(tmp.resolve("b"), 42)).isEqualTo(first);
        assertThat(generateAndSearch(tmp.resolve("c"), 43)).isNotEqualTo(first);
    }

    @Test
    void plausibleProportionsAndSearchableInEveryScript() {
        try (Session s = create(tmp.resolve("r")).session()) {
            SampleData.generate(s, 3_000, 7, ProgressSink.NONE);
            SearchService search = new SearchService(s);
            int crisis = search.count(new RegistrySearch(null, null, null, null, null, null, ConsentPurpose.CRISIS_CONTACT,
                    SearchSort.NAME, false));
            assertThat(crisis).isBetween(1_800, 2_400);
            // Cyrillic, Arabic, Greek, Ge'ez and Devanagari originals are searchable in Latin and in their script.
            for (String q : List.of("иван", "ivanov", "حداد", "παπαδ", "ተስፋ", "शर्मा", "odegard", "garcia")) {
                assertThat(search.search(RegistrySearch.text(q), 0, 5)).as(q).isNotEmpty();
            }
            List<PersonHit> expiring = search.search(new RegistrySearch(null, null, null, null, null, 365, null, null, false), 0, 5);
            assertThat(expiring).isNotEmpty();
        }
    }
}
