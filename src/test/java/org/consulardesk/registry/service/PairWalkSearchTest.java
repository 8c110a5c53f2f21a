package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.create;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.consulardesk.registry.model.NationalityEvidence;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.RegistrySearch;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several typed words are walked through the pair index (ADR 0061): whichever word drives and
 * whichever other word's first two letters narrow the walk, the persons found are exactly those
 * holding a word that starts with every typed word, each once, in list order of the driving word.
 */
class PairWalkSearchTest {
    /** Words that share first letters with each other, so pair keys narrow some walks and not others. */
    private static final List<String> WORDS = List.of("Maria", "Mariam", "Marlow", "Mahmoud", "Nekesa", "Neema", "Hassan",
            "Haddad", "Hansen", "Garcia", "Gao", "Ng", "Osei", "Otieno", "Wanjiru", "Wang");

    @TempDir
    Path tmp;
    Session head;
    SearchService search;
    RegistrationService registrations;
    final Map<Long, Set<String>> wordsOf = new HashMap<>();

    @BeforeEach
    void setUp() {
        head = create(tmp.resolve("r")).session();
        search = new SearchService(head);
        registrations = new RegistrationService(head);
        SplittableRandom random = new SplittableRandom(61);
        for (int i = 0; i < 120; i++) {
            String family = pick(random);
            String given = random.nextInt(3) == 0 ? pick(random) + " " + pick(random) : pick(random);
            long id = registrations.save(person(family, given)).id();
            wordsOf.put(id, words(family + " " + given));
        }
    }

    @AfterEach
    void tearDown() {
        head.close();
    }

    @Test
    void findsExactlyThePersonsHoldingEveryTypedWordEachOnce() {
        List<String> typed = List.of("ma ne", "ne ma", "mar has", "has mar", "mari mariam", "ma ma", "h g", "g hassan",
                "wan ng", "ng wan", "o ot", "mar mar han", "hansen ha g", "neema wang osei", "m n", "garc mah");
        for (String text : typed) {
            List<Long> found = exactIds(text);
            assertThat(found).as(text).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(found)).as(text).isEqualTo(expected(text));
        }
    }

    @Test
    void listsInOrderOfTheDrivingWordThenWholeName() {
        List<PersonHit> hits = search.search(RegistrySearch.text("hassan ma"), 0, 500).stream().filter(h -> h.score() == 1.0)
                .toList();
        assertThat(hits).isNotEmpty();
        List<String> wholeNames = hits.stream().map(h -> (h.familyName() + " " + h.givenNames()).toLowerCase(Locale.ROOT)).toList();
        // Every hit holds "hassan" and a word starting "ma"; hits come grouped by their "ma" word or by
        // whole name, depending on which word drives: either way the page is stable between calls.
        assertThat(wholeNames).allMatch(n -> n.contains("hassan") && Arrays.stream(n.split(" ")).anyMatch(w -> w.startsWith("ma")));
        assertThat(search.search(RegistrySearch.text("hassan ma"), 0, 500)).isEqualTo(search.search(RegistrySearch.text("hassan ma"), 0, 500));
    }

    @Test
    void aRenamedPersonIsFoundByTheNewWordsOnly() {
        long id = registrations.save(person("Zoltan", "Quigley")).id();
        assertThat(exactIds("zol qui")).containsExactly(id);
        Registration stored = registrations.get(id);
        registrations.save(rename(stored, "Zoltan", "Quinn"));
        assertThat(exactIds("zol quig")).isEmpty();
        assertThat(exactIds("quinn zo")).containsExactly(id);
    }

    private List<Long> exactIds(String text) {
        return search.search(RegistrySearch.text(text), 0, 500).stream().filter(h -> h.score() == 1.0).map(PersonHit::id).toList();
    }

    private TreeSet<Long> expected(String text) {
        String[] typed = text.split(" ");
        TreeSet<Long> ids = new TreeSet<>();
        wordsOf.forEach((id, words) -> {
            if (Arrays.stream(typed).allMatch(t -> words.stream().anyMatch(w -> w.startsWith(t)))) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static Set<String> words(String name) {
        return new TreeSet<>(Arrays.asList(name.toLowerCase(Locale.ROOT).split(" ")));
    }

    private static String pick(SplittableRandom random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    private static Registration person(String family, String given) {
        return new Registration(0, 0, family, given, null, null, List.of(), 'M', "1990", null, NationalityEvidence.NONE, List.of(),
                null, PurposeOfStay.WORKER, new Whereabouts(null, null, null, "Nairobi", "KE", null, null, null, null), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    private static Registration rename(Registration r, String family, String given) {
        return new Registration(r.id(), r.version(), family, given, r.familyNameOriginal(), r.givenNamesOriginal(), r.aliases(),
                r.sex(), r.birthDate(), r.placeOfBirth(), r.nationalityEvidence(), r.languages(), r.notes(), r.purpose(),
                r.whereabouts(), r.contacts(), r.emergencyContacts(), r.documents(), r.employments(), r.vulnerabilities(),
                r.consents(), r.householdId());
    }
}
