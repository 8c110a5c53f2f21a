package org.consulardesk.registry.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.RegistrySearch;
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
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);

    private final Session session;
    private final SearchStore store = new SearchStore();

    public SearchService(Session session) {
        this.session = session;
    }

    public List<PersonHit> search(RegistrySearch search, int offset, int limit) {
        session.require(Permission.VIEW_REGISTRY);
        SearchStore.Query q = parse(search);
        return session.database().read(tx -> {
            List<PersonHit> exact = store.page(tx, q, null, offset, limit);
            if (exact.size() >= limit || q.words().isEmpty()) {
                return exact;
            }
            int exactTotal = offset + exact.size();
            List<PersonHit> fuzzy = fuzzy(tx, q);
            List<PersonHit> page = new ArrayList<>(exact);
            int skip = Math.max(0, offset - exactTotal);
            for (int i = skip; i < fuzzy.size() && page.size() < limit; i++) {
                page.add(fuzzy.get(i));
            }
            return page;
        });
    }

    public int count(RegistrySearch search) {
        session.require(Permission.VIEW_REGISTRY);
        SearchStore.Query q = parse(search);
        return session.database().read(tx -> {
            int exact = store.count(tx, q, null);
            return exact >= FUZZY_BELOW || q.words().isEmpty() ? exact : exact + fuzzy(tx, q).size();
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
            int exact = store.countUpTo(tx, q, cap);
            if (exact >= FUZZY_BELOW || exact >= cap || q.words().isEmpty()) {
                return exact;
            }
            return Math.min(cap, exact + fuzzy(tx, q).size());
        });
    }

    /** Persons matched only through similar tokens, best first (at most {@link #FUZZY_BELOW}). */
    private List<PersonHit> fuzzy(Tx tx, SearchStore.Query q) {
        List<Collection<String>> extra = new ArrayList<>();
        boolean any = false;
        for (String w : q.words()) {
            List<String> close = new ArrayList<>();
            if (w.length() >= 4) {
                Set<String> similar = store.similarTokens(tx, w, NameKeys.phonetic(w), SIMILAR_ROWS);
                for (String token : similar) {
                    if (!token.startsWith(w) && distance(w, token) <= maxTypos(w)) {
                        close.add(token);
                    }
                }
            }
            any |= !close.isEmpty();
            extra.add(close);
        }
        if (!any) {
            return List.of();
        }
        SearchStore.Query fuzzyQuery = new SearchStore.Query(q.words(), extra, null, null, q.wholeName(),
                q.filters().withSort(org.consulardesk.registry.model.SearchSort.NAME, false), q.today());
        List<PersonHit> hits = store.page(tx, fuzzyQuery, SearchStore.exactText(q), 0, FUZZY_BELOW);
        return hits.stream().map(h -> withScore(h, score(q.words(), h)))
                .sorted(Comparator.comparingDouble(PersonHit::score).reversed()).toList();
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

    private static double score(List<String> words, PersonHit h) {
        String[] names = NameKeys.searchName(h.familyName(), h.givenNames()).split(" ");
        double typos = 0;
        for (String w : words) {
            int best = Arrays.stream(names).mapToInt(n -> n.startsWith(w) ? 0 : distance(w, n)).min().orElse(3);
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
    public List<Long> rawNamePrefix(String typed, int limit) {
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
        return new SearchStore.Query(words, null, documentKey, phone, whole, search, today);
    }
}
