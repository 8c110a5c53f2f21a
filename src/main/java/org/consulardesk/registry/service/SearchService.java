package org.consulardesk.registry.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.RegistrySearch;
import org.consulardesk.registry.store.RankedSearchStore;
import org.consulardesk.registry.store.RegistrationStore;
import org.consulardesk.registry.store.SearchStore;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.Tx;

/**
 * Search-as-you-type over the registry: every typed word is a prefix of some name of the person
 * (any script, any order, no accents or case); with too few hits, sound-alike and one- or two-typo
 * names are added after the exact ones. Text with digits also finds document numbers and phones.
 */
public final class SearchService {
    /** Fuzzy candidates are looked for only when the exact matches are fewer than this. */
    static final int FUZZY_BELOW = 100;
    private static final int SIMILAR_ROWS = 20_000;
    /** Bounds of the fuzzy pass: persons read per similar word, and in all. */
    private static final int FUZZY_PER_WORD = 100;
    private static final int FUZZY_CANDIDATES = 400;
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);

    private final Session session;
    private final SearchStore store = new SearchStore();
    private final RankedSearchStore ranked = new RankedSearchStore();

    public SearchService(Session session) {
        this.session = session;
    }

    public List<PersonHit> search(RegistrySearch search, int offset, int limit) {
        session.require(Permission.VIEW_REGISTRY);
        SearchStore.Query q = parse(search);
        return session.database().read(tx -> {
            List<PersonHit> exact = SearchStore.ranked(q) ? ranked.page(tx, q, offset, limit) : store.page(tx, q, offset, limit);
            if (exact.size() >= limit || q.words().isEmpty()) {
                return exact;
            }
            int exactTotal = exact.isEmpty() && offset > 0 ? exactCountUpTo(tx, q, offset) : offset + exact.size();
            List<PersonHit> page = new ArrayList<>(exact);
            page.addAll(fuzzyHits(tx, q, fuzzy(tx, q), Math.max(0, offset - exactTotal), limit - exact.size()));
            return page;
        });
    }

    public int count(RegistrySearch search) {
        session.require(Permission.VIEW_REGISTRY);
        SearchStore.Query q = parse(search);
        return session.database().read(tx -> {
            int exact = exactCountUpTo(tx, q, Integer.MAX_VALUE);
            return exact >= FUZZY_BELOW || q.words().isEmpty() ? exact : exact + fuzzyCount(tx, q);
        });
    }

    /**
     * Like {@link #count}, but stops at {@code cap}: a result of {@code cap} means "cap or more"
     * (shown as "1,000+"), so a broad search never counts the whole registry.
     */
    public int countUpTo(RegistrySearch search, int cap) {
        session.require(Permission.VIEW_REGISTRY);
        SearchStore.Query q = parse(search);
        return session.database().read(tx -> {
            int exact = exactCountUpTo(tx, q, cap);
            if (exact >= FUZZY_BELOW || exact >= cap || q.words().isEmpty()) {
                return exact;
            }
            return Math.min(cap, exact + fuzzyCount(tx, q));
        });
    }

    private int exactCountUpTo(Tx tx, SearchStore.Query q, int cap) {
        if (SearchStore.ranked(q)) {
            return ranked.countUpTo(tx, q, cap);
        }
        return cap == Integer.MAX_VALUE ? store.count(tx, q) : store.countUpTo(tx, q, cap);
    }

    /** A person matched only through sound-alike or typo'd words, with how well their names match. */
    private record FuzzyMatch(long id, double score, String sortName, PersonHit row) {
    }

    /**
     * Persons matched only through sound-alike or one- or two-typo words, best first (at most
     * {@link #FUZZY_BELOW}), before the query's filters. Candidates come from the index range of
     * each similar word, bounded, and are checked and scored in memory against every typed word
     * from the name words the index carries: no person row is read here.
     */
    private List<FuzzyMatch> fuzzy(Tx tx, SearchStore.Query q) {
        List<Set<String>> close = new ArrayList<>();
        List<String> similarWords = new ArrayList<>();
        for (String w : q.words()) {
            Set<String> near = new LinkedHashSet<>();
            if (w.length() >= 4) {
                store.similarTokens(tx, w, NameKeys.phonetic(w), SIMILAR_ROWS).stream()
                        .filter(token -> !token.startsWith(w) && distance(w, token) <= maxTypos(w))
                        .sorted(Comparator.comparingInt(token -> distance(w, token)))
                        .forEach(near::add);
            }
            similarWords.addAll(near);
            close.add(near);
        }
        Map<Long, RankedSearchStore.IndexedPerson> persons = new LinkedHashMap<>();
        for (String token : similarWords) {
            if (persons.size() >= FUZZY_CANDIDATES) {
                break;
            }
            ranked.personsWithWord(tx, token, FUZZY_PER_WORD).forEach(persons::putIfAbsent);
        }
        // Candidates came in order of their word's distance to the typed word: the first ones are the closest.
        return persons.entrySet().stream().filter(e -> matchesOnlyWithTypos(q.words(), close, e.getValue().words()))
                .limit(FUZZY_BELOW)
                .map(e -> new FuzzyMatch(e.getKey(), score(q.words(), e.getValue().words()), e.getValue().sortName(),
                        e.getValue().row()))
                .sorted(Comparator.comparingDouble(FuzzyMatch::score).reversed().thenComparing(FuzzyMatch::sortName))
                .toList();
    }

    /**
     * The list rows of the fuzzy matches from {@code skip}, at most {@code limit}. Without filters
     * they are the rows the name index carried; with filters every match's person row is read, as
     * the filters decide the page.
     */
    private List<PersonHit> fuzzyHits(Tx tx, SearchStore.Query q, List<FuzzyMatch> matches, int skip, int limit) {
        if (limit <= 0 || matches.isEmpty()) {
            return List.of();
        }
        boolean filtered = SearchStore.hasFilters(q);
        if (!filtered) {
            // The rows as the name index carries them (ADR 0078): no person row is read.
            return matches.subList(Math.min(skip, matches.size()), Math.min(skip + limit, matches.size())).stream()
                    .map(m -> withScore(m.row(), m.score())).toList();
        }
        Map<Long, PersonHit> rows = new HashMap<>();
        ranked.hits(tx, matches.stream().map(FuzzyMatch::id).toList(), q).forEach(h -> rows.put(h.id(), h));
        List<PersonHit> inOrder = matches.stream().filter(m -> rows.containsKey(m.id()))
                .map(m -> withScore(rows.get(m.id()), m.score())).toList();
        return inOrder.subList(Math.min(skip, inOrder.size()), Math.min(skip + limit, inOrder.size()));
    }

    private int fuzzyCount(Tx tx, SearchStore.Query q) {
        List<FuzzyMatch> matches = fuzzy(tx, q);
        if (!SearchStore.hasFilters(q) || matches.isEmpty()) {
            return matches.size();
        }
        return ranked.hits(tx, matches.stream().map(FuzzyMatch::id).toList(), q).size();
    }

    /** Every typed word is the start of a name word or one of its similar words, and not every one is exact. */
    static boolean matchesOnlyWithTypos(List<String> typed, List<Set<String>> close, List<String> names) {
        if (names == null) {
            return false;
        }
        boolean allExact = true;
        for (int i = 0; i < typed.size(); i++) {
            String w = typed.get(i);
            boolean exact = names.stream().anyMatch(n -> n.startsWith(w));
            boolean near = names.stream().anyMatch(close.get(i)::contains);
            if (!exact && !near) {
                return false;
            }
            allExact &= exact;
        }
        return !allExact;
    }

    static int maxTypos(String word) {
        return word.length() >= 7 ? 2 : 1;
    }

    /** Edit distance of a typed word to a token, or to the token's start of the same length (typed prefix). */
    static int distance(String word, String token) {
        int whole = distanceOrMax(word, token);
        if (token.length() > word.length()) {
            whole = Math.min(whole, distanceOrMax(word, token.substring(0, word.length())));
        }
        return whole;
    }

    private static int distanceOrMax(String a, String b) {
        int d = DISTANCE.apply(a, b);
        return d < 0 ? Integer.MAX_VALUE : d;
    }

    private static double score(List<String> typed, List<String> names) {
        double typos = 0;
        for (String w : typed) {
            int best = names.stream().mapToInt(n -> n.startsWith(w) ? 0 : distance(w, n)).min().orElse(3);
            typos += Math.min(best, 3);
        }
        return Math.max(0.05, 0.9 - 0.2 * typos);
    }

    private static PersonHit withScore(PersonHit h, double score) {
        return new PersonHit(h.id(), h.familyName(), h.givenNames(), h.birthDate(), h.city(), h.district(), h.purpose(), score);
    }

    /**
     * The benchmark's "raw engine": one indexed prefix query on the normalised name column, with
     * no tokens, typo tolerance or filters.
     */
    public List<PersonHit> rawNamePrefix(String typed, int limit) {
        session.require(Permission.VIEW_REGISTRY);
        String prefix = NameKeys.normalise(typed);
        return session.database().read(tx -> store.rawPrefix(tx, prefix, limit));
    }

    /** {@code count} (family, given) pairs starting at a random person, for typing in benchmarks. */
    public List<String[]> sampleNames(long seed, int count) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> {
            long max = store.maxId(tx);
            long from = max <= count ? 0 : 1 + new java.util.SplittableRandom(seed).nextLong(max - count);
            return store.sampleNames(tx, from, count);
        });
    }

    SearchStore.Query parse(RegistrySearch search) {
        String text = search.text() == null ? "" : search.text().strip();
        String whole = NameKeys.normalise(text);
        List<String> words = whole.isEmpty() ? List.of() : List.of(whole.split(" "));
        String documentKey = null;
        String phone = null;
        if (text.chars().anyMatch(Character::isDigit)) {
            String key = RegistrationStore.documentKey(text);
            documentKey = key.length() >= 3 ? key : null;
            String digits = text.replaceAll("[^0-9]", "");
            if (text.matches("[+0-9 ()./-]+") && digits.length() >= 4) {
                phone = digits;
            }
            if (phone != null || text.matches(".*\\d.*\\d.*\\d.*")) {
                // A number is not a name: "AB 123456" or "+254 712" must not require name tokens "ab", "123456".
                words = List.of();
            }
        }
        LocalDate today = session.now().atOffset(ZoneOffset.UTC).toLocalDate();
        return new SearchStore.Query(words, documentKey, phone, whole, search, today);
    }
}
