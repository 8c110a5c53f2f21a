package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.create;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.consulardesk.registry.model.Consent;
import org.consulardesk.registry.model.ConsentChannel;
import org.consulardesk.registry.model.ConsentPurpose;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.NationalityEvidence;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.RegistrySearch;
import org.consulardesk.registry.model.SearchSort;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Vulnerability;
import org.consulardesk.registry.model.VulnerabilityCode;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchServiceTest {
    @TempDir
    Path tmp;
    Session head;
    SearchService search;
    RegistrationService registrations;
    LocalDate today;

    @BeforeEach
    void setUp() {
        head = create(tmp.resolve("r")).session();
        search = new SearchService(head);
        registrations = new RegistrationService(head);
        today = head.now().atOffset(ZoneOffset.UTC).toLocalDate();
        save("Ødegård", "Ingrid Sofie", null, null, "Nairobi", "Westlands", PurposeOfStay.WORKER, "PA 123-456", 400, "+254712345678",
                null, false, "1980-01-01");
        save("Ivanov", "Pavel", "Иванов", "Павел", "Mombasa", "Nyali", PurposeOfStay.STUDENT, "X9988776", 20, "+254733000111",
                VulnerabilityCode.NEEDS_MEDICATION, true, "1990-05-05");
        save("Okonkwo", "Chidi Emeka", null, null, "Nairobi", "Kilimani", PurposeOfStay.WORKER, "B7654321", 2000, null,
                null, true, "1975");
        save("Okafor", "Ada", null, null, "Kisumu", null, PurposeOfStay.TOURIST, null, 0, null,
                VulnerabilityCode.PREGNANCY, false, "2001-03-03");
    }

    @AfterEach
    void tearDown() {
        head.close();
    }

    private void save(String family, String given, String familyOrig, String givenOrig, String city, String district,
                      PurposeOfStay purpose, String doc, int expiresInDays, String phone, VulnerabilityCode vulnerability,
                      boolean consent, String born) {
        List<TravelDocument> docs = doc == null ? List.of()
                : List.of(new TravelDocument(0, DocumentType.PASSPORT, doc, "UTO", null, today.plusDays(expiresInDays), false));
        List<ContactMethod> contacts = phone == null ? List.of() : List.of(new ContactMethod(ContactKind.PHONE, phone, null, true));
        List<Vulnerability> v = vulnerability == null ? List.of() : List.of(new Vulnerability(vulnerability, null));
        List<Consent> c = consent ? List.of(new Consent(0, ConsentPurpose.CRISIS_CONTACT, null, today.minusDays(3),
                ConsentChannel.IN_PERSON, "h.ashvale", null)) : List.of();
        registrations.save(new Registration(0, 0, family, given, familyOrig, givenOrig, List.of(), 'F', born, null,
                NationalityEvidence.NONE, List.of(), null, purpose,
                new Whereabouts(null, null, district, city, "KE", null, null, null, null), contacts, List.of(), docs,
                List.of(), v, c, null));
    }

    private List<String> families(RegistrySearch q) {
        return search.search(q, 0, 20).stream().map(PersonHit::familyName).toList();
    }

    private List<String> families(String text) {
        return families(RegistrySearch.text(text));
    }

    @Test
    void findsByPrefixOfAnyNameInAnyOrder() {
        assertThat(families("oko")).containsExactly("Okonkwo");
        assertThat(families("ok")).containsExactly("Okafor", "Okonkwo");
        assertThat(families("emek okon")).containsExactly("Okonkwo");
        assertThat(families("chidi OKONKWO")).containsExactly("Okonkwo");
        assertThat(search.count(RegistrySearch.text("ok"))).isEqualTo(2);
        assertThat(families("")).hasSize(4);
    }

    @Test
    void ignoresAccentsCaseAndScript() {
        assertThat(families("odegard")).containsExactly("Ødegård");
        assertThat(families("ØDEG")).containsExactly("Ødegård");
        assertThat(families("ivanov")).containsExactly("Ivanov");
        assertThat(families("Иван")).containsExactly("Ivanov");
        assertThat(families("павел")).containsExactly("Ivanov");
    }

    @Test
    void toleratesOneOrTwoTypos() {
        assertThat(families("Okonkow")).startsWith("Okonkwo");
        assertThat(families("Okonkwa chidi")).containsExactly("Okonkwo");
        assertThat(families("Ivanof")).containsExactly("Ivanov");
        assertThat(families("odegrad")).containsExactly("Ødegård");
        List<PersonHit> hits = search.search(RegistrySearch.text("Okonkow"), 0, 10);
        assertThat(hits.get(0).score()).isLessThan(1.0).isPositive();
        assertThat(families("zzzzzz")).isEmpty();
    }

    @Test
    void typoMatchesPageAndFilterLikeExactOnes() {
        for (int i = 0; i < 7; i++) {
            save("Wanjiru", "Test" + (char) ('a' + i), null, null, i % 2 == 0 ? "Nakuru" : "Eldoret", null, PurposeOfStay.OTHER,
                    null, 0, null, null, false, null);
        }
        save("Wanjiku", "Best", null, null, "Nakuru", null, PurposeOfStay.OTHER, null, 0, null, null, false, null);
        RegistrySearch typo = RegistrySearch.text("wanjiro");
        List<PersonHit> all = search.search(typo, 0, 50);
        // Seven with one typo, then Wanjiku with two (a seven-letter word may have two).
        assertThat(all).hasSize(8).allMatch(h -> h.score() < 1.0);
        assertThat(all.subList(0, 7)).allMatch(h -> h.familyName().equals("Wanjiru"));
        assertThat(all.get(7).familyName()).isEqualTo("Wanjiku");
        assertThat(all.get(7).score()).isLessThan(all.get(6).score());
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < 8; offset += 3) {
            search.search(typo, offset, 3).forEach(h -> paged.add(h.id()));
        }
        assertThat(paged).isEqualTo(all.stream().map(PersonHit::id).toList());
        assertThat(search.count(typo)).isEqualTo(8);

        RegistrySearch inNakuru = new RegistrySearch("wanjiro", "Nakuru", null, null, null, null, null, SearchSort.RELEVANCE, false);
        assertThat(search.search(inNakuru, 0, 50)).hasSize(5).allMatch(h -> "Nakuru".equals(h.city()));
        assertThat(search.search(inNakuru, 2, 50)).hasSize(3);
        assertThat(search.count(inNakuru)).isEqualTo(5);
    }

    @Test
    void findsByDocumentNumberWithSpacesOrDashes() {
        assertThat(families("PA123456")).containsExactly("Ødegård");
        assertThat(families("pa 123-4")).containsExactly("Ødegård");
        assertThat(families("b765-4321")).containsExactly("Okonkwo");
    }

    @Test
    void findsByPhoneDigits() {
        assertThat(families("+254 712 345")).containsExactly("Ødegård");
        assertThat(families("0733 000111")).containsExactly("Ivanov");
        assertThat(families("254733")).containsExactly("Ivanov");
    }

    @Test
    void filtersNarrow() {
        RegistrySearch all = RegistrySearch.text("");
        assertThat(families(new RegistrySearch(null, "nairobi", null, null, null, null, null, SearchSort.NAME, false)))
                .containsExactly("Ødegård", "Okonkwo");
        assertThat(families(new RegistrySearch(null, null, "Nya", null, null, null, null, null, false))).containsExactly("Ivanov");
        assertThat(families(new RegistrySearch(null, null, null, VulnerabilityCode.PREGNANCY, null, null, null, null, false)))
                .containsExactly("Okafor");
        assertThat(families(new RegistrySearch(null, null, null, null, PurposeOfStay.WORKER, null, null, null, false)))
                .containsExactlyInAnyOrder("Okonkwo", "Ødegård");
        assertThat(families(new RegistrySearch(null, null, null, null, null, 30, null, null, false))).containsExactly("Ivanov");
        assertThat(families(new RegistrySearch(null, null, null, null, null, 500, null, null, false)))
                .containsExactlyInAnyOrder("Ivanov", "Ødegård");
        assertThat(families(new RegistrySearch(null, null, null, null, null, null, ConsentPurpose.CRISIS_CONTACT, null, false)))
                .containsExactlyInAnyOrder("Ivanov", "Okonkwo");
        assertThat(families(new RegistrySearch("ok", "nairobi", null, null, null, null, null, null, false)))
                .containsExactly("Okonkwo");
        assertThat(search.count(new RegistrySearch(null, "nairobi", null, null, PurposeOfStay.WORKER, null, null, null, false)))
                .isEqualTo(2);
        assertThat(search.count(all)).isEqualTo(4);
    }

    @Test
    void sortsInTheDatabase() {
        assertThat(families(new RegistrySearch(null, null, null, null, null, null, null, SearchSort.CITY, false)))
                .containsExactly("Okafor", "Ivanov", "Ødegård", "Okonkwo");
        assertThat(families(new RegistrySearch(null, null, null, null, null, null, null, SearchSort.BIRTH_DATE, true)))
                .containsExactly("Okafor", "Ivanov", "Ødegård", "Okonkwo");
        assertThat(families(new RegistrySearch(null, null, null, null, null, null, null, SearchSort.NAME, true)))
                .containsExactly("Okonkwo", "Okafor", "Ødegård", "Ivanov");
    }

    @Test
    void pagingIsStable() {
        for (int i = 0; i < 25; i++) {
            save("Marlow" + (char) ('a' + i), "Test", null, null, "Nakuru", null, PurposeOfStay.OTHER, null, 0, null, null,
                    false, null);
        }
        RegistrySearch q = RegistrySearch.text("marl");
        List<Long> pages = new ArrayList<>();
        for (int offset = 0; offset < 25; offset += 10) {
            search.search(q, offset, 10).forEach(h -> pages.add(h.id()));
        }
        assertThat(pages).hasSize(25).doesNotHaveDuplicates();
        assertThat(search.count(q)).isEqualTo(25);
        assertThat(search.search(q, 0, 30).stream().map(PersonHit::id).toList()).isEqualTo(pages);
    }

    @Test
    void countUpToStopsAtTheCap() {
        for (int i = 0; i < 25; i++) {
            save("Marlow" + (char) ('a' + i), "Test", null, null, "Nakuru", null, PurposeOfStay.OTHER, null, 0, null, null,
                    false, null);
        }
        RegistrySearch q = RegistrySearch.text("marl");
        assertThat(search.countUpTo(q, 10)).isEqualTo(10);
        assertThat(search.countUpTo(q, 1000)).isEqualTo(25);
        assertThat(search.countUpTo(RegistrySearch.text("marlow test"), 1000)).isEqualTo(25);
    }

    @Test
    void relevanceListsByMatchingWordThenWholeNameEachPersonOnce() {
        for (int i = 0; i < 6; i++) {
            save("Marlow" + (char) ('a' + i), "Test", null, null, "Nakuru", null, PurposeOfStay.OTHER, null, 0, null, null,
                    false, null);
            save("Zeller" + (char) ('a' + i), "Marla", null, null, "Nakuru", null, PurposeOfStay.OTHER, null, 0, null, null,
                    false, null);
        }
        save("Achterberg", "Marla Marlene", null, null, "Eldoret", null, PurposeOfStay.WORKER, null, 0, null, null, false, null);

        List<String> all = families("marl");
        assertThat(all).hasSize(13).doesNotHaveDuplicates();
        // "marla" comes before "marlowa"; within "marla", whole names in order; Achterberg once although two words match.
        assertThat(all).containsExactly("Achterberg", "Zellera", "Zellerb", "Zellerc", "Zellerd", "Zellere", "Zellerf",
                "Marlowa", "Marlowb", "Marlowc", "Marlowd", "Marlowe", "Marlowf");

        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < 13; offset += 4) {
            search.search(RegistrySearch.text("marl"), offset, 4).forEach(h -> paged.add(h.id()));
        }
        assertThat(paged).isEqualTo(search.search(RegistrySearch.text("marl"), 0, 50).stream().map(PersonHit::id).toList());
        assertThat(search.count(RegistrySearch.text("marl"))).isEqualTo(13);
        assertThat(search.countUpTo(RegistrySearch.text("marl"), 5)).isEqualTo(5);

        assertThat(families("marla zel")).hasSize(6).allMatch(f -> f.startsWith("Zeller"));
        assertThat(families(RegistrySearch.text("marl").withText("marl")
                .withSort(SearchSort.RELEVANCE, false))).hasSize(13);
        assertThat(families(new RegistrySearch("marl", "Eldoret", null, null, null, null, null, SearchSort.RELEVANCE, false)))
                .containsExactly("Achterberg");
    }

    /**
     * A page without filters is read from the name walk alone, whose entries carry a copy of the
     * list's row (ADR 0078): the copy follows every save, for one typed word and for the pair walk.
     */
    @Test
    void theSearchRowShowsTheRegistrationAsLastSaved() {
        long id = search.search(RegistrySearch.text("okafor"), 0, 20).get(0).id();
        Registration before = registrations.get(id);
        registrations.save(new Registration(before.id(), before.version(), "Okafor", "Adaeze Ngozi", null, null, List.of(), 'F',
                "2001-03", null, NationalityEvidence.NONE, List.of(), null, PurposeOfStay.STUDENT,
                new Whereabouts(null, null, "Milimani", "Eldoret", "KE", null, null, null, null), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null));

        PersonHit expected = new PersonHit(id, "Okafor", "Adaeze Ngozi", "2001-03", "Eldoret", "Milimani",
                PurposeOfStay.STUDENT, 1.0);
        for (String typed : List.of("okafor", "adaeze", "ngo", "okafor ad", "ad ngozi okaf")) {
            assertThat(search.search(RegistrySearch.text(typed), 0, 20)).as(typed).containsExactly(expected);
        }
        // A typo'd name: the row as the name index carries it, with the match's own score.
        assertThat(search.search(RegistrySearch.text("okafar"), 0, 20))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("score").containsExactly(expected);
        // The same row as the list reads from the person row (sorted by name, or with a filter).
        assertThat(search.search(RegistrySearch.text("okafor").withSort(SearchSort.NAME, false), 0, 20))
                .containsExactly(expected);
        assertThat(search.search(new RegistrySearch("okafor", "Eldoret", null, null, null, null, null, SearchSort.RELEVANCE,
                false), 0, 20)).containsExactly(expected);
    }
}
