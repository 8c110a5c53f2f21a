package org.consulardesk.registry.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.DuplicateCandidate;
import org.consulardesk.registry.model.DuplicateReason;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.store.DuplicateStore;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * Likely duplicate registrations, found with the keys search uses: the same document number, the
 * same phone (E.164 digits), or the same full date of birth with a sound-alike family name (Double
 * Metaphone, as in search); then scored on names (same, or similar: sound-alike or one or two typos,
 * in any order). Pairs dismissed as "not the same person" never come back.
 */
public final class DuplicateService {
    /** Below this score a pair is not shown (e.g. twins: same family name and birth date only). */
    static final double MIN_SCORE = 0.3;
    static final int KEY_BATCH = 5_000;
    /** Each blocking query reads at most this many pairs per candidate asked for. */
    static final int PAIRS_PER_CANDIDATE = 4;

    private static final org.apache.commons.text.similarity.LevenshteinDistance TYPOS =
            new org.apache.commons.text.similarity.LevenshteinDistance(2);

    private final Session session;
    private final DuplicateStore store = new DuplicateStore();

    public DuplicateService(Session session) {
        this.session = session;
    }

    /** The most likely duplicate pairs, best first, at most {@code limit}. */
    public List<DuplicateCandidate> candidates(int limit) {
        session.require(Permission.EDIT_REGISTRY);
        int max = Math.max(1, limit);
        refreshKeys();
        return session.database().read(tx -> {
            int cap = max * PAIRS_PER_CANDIDATE;
            Map<DuplicateStore.Pair, Set<DuplicateReason>> found = new LinkedHashMap<>();
            store.sameDocument(tx, cap).forEach(p -> found.computeIfAbsent(p, k -> EnumSet.noneOf(DuplicateReason.class))
                    .add(DuplicateReason.SAME_DOCUMENT));
            store.samePhone(tx, cap).forEach(p -> found.computeIfAbsent(p, k -> EnumSet.noneOf(DuplicateReason.class))
                    .add(DuplicateReason.SAME_PHONE));
            store.sameBirthAndFamilySound(tx, cap).forEach(p -> found.computeIfAbsent(p, k -> EnumSet.noneOf(DuplicateReason.class)));
            Set<Long> ids = new HashSet<>();
            found.keySet().forEach(p -> {
                ids.add(p.low());
                ids.add(p.high());
            });
            Map<Long, Person> persons = store.persons(tx, ids);
            List<DuplicateCandidate> out = new ArrayList<>();
            found.forEach((pair, reasons) -> {
                Person a = persons.get(pair.low());
                Person b = persons.get(pair.high());
                if (a == null || b == null) {
                    return;
                }
                DuplicateCandidate c = score(a, b, reasons);
                if (c.score() >= MIN_SCORE) {
                    out.add(c);
                }
            });
            out.sort(Comparator.comparingDouble(DuplicateCandidate::score).reversed()
                    .thenComparingLong(c -> c.left().id()).thenComparingLong(c -> c.right().id()));
            return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
        });
    }

    /**
     * Benchmark only: the blocking self-joins as plain indexed SQL, {@code limit} pairs each at most,
     * without filters or scoring (the raw counterpart of {@link #candidates}); returns the pairs read.
     */
    public int rawPairs(int limit) {
        session.require(Permission.EDIT_REGISTRY);
        return session.database().read(tx -> store.rawPairs(tx, limit));
    }

    /** Remembers that the two registrations are different people: the pair is not proposed again. */
    public void dismiss(long personA, long personB) {
        session.require(Permission.EDIT_REGISTRY);
        if (personA == personB) {
            throw new UserError("error.merge.samePerson");
        }
        DuplicateStore.Pair pair = DuplicateStore.Pair.of(personA, personB);
        session.database().write(tx -> {
            if (store.persons(tx, List.of(pair.low(), pair.high())).size() != 2) {
                throw new UserError("error.person.notFound", store.persons(tx, List.of(pair.low())).isEmpty() ? pair.low() : pair.high());
            }
            if (store.dismiss(tx, pair, session.user().username(), session.now())) {
                session.audit().record(tx, AuditEvent.on("DUPLICATE_DISMISSED", "person", pair.low())
                        .withDetail("not the same person as person " + pair.high()));
            }
            return null;
        });
    }

    /** Computes the blocking keys still missing (rows written before keys were kept on every write), in batches. */
    void refreshKeys() {
        while (true) {
            int done = session.database().write(tx -> {
                List<DuplicateStore.KeyRow> rows = store.keysToCompute(tx, KEY_BATCH);
                Map<Long, String> keys = new HashMap<>();
                rows.forEach(r -> keys.put(r.id(), blockingKey(r.familyName(), r.birthDate())));
                store.setKeys(tx, keys);
                return rows.size();
            });
            if (done < KEY_BATCH) {
                return;
            }
        }
    }

    /** "1984-07-12|PRKR" for a full date of birth, else "-" (no key: partial dates match too many). */
    static String blockingKey(String familyName, String birthDate) {
        return org.consulardesk.store.DuplicateKeys.of(familyName, birthDate);
    }

    static DuplicateCandidate score(Person a, Person b, Set<DuplicateReason> blocks) {
        Set<DuplicateReason> reasons = EnumSet.noneOf(DuplicateReason.class);
        reasons.addAll(blocks);
        if (a.birthDate() != null && a.birthDate().length() >= 4 && Objects.equals(a.birthDate(), b.birthDate())) {
            reasons.add(DuplicateReason.SAME_BIRTH_DATE);
        }
        String nameA = NameKeys.searchName(a.familyName(), a.givenNames());
        String nameB = NameKeys.searchName(b.familyName(), b.givenNames());
        if (nameA.equals(nameB) || sortedWords(nameA).equals(sortedWords(nameB))) {
            reasons.add(DuplicateReason.SAME_NAME);
        } else if (similarNames(a, b)) {
            reasons.add(DuplicateReason.SIMILAR_NAME);
        }
        double score = 0;
        for (DuplicateReason r : reasons) {
            score += switch (r) {
                case SAME_DOCUMENT -> 0.5;
                case SAME_PHONE -> 0.3;
                case SAME_BIRTH_DATE -> 0.25;
                case SAME_NAME -> 0.35;
                case SIMILAR_NAME -> 0.25;
            };
        }
        return new DuplicateCandidate(a, b, Math.min(1.0, Math.round(score * 100) / 100.0), List.copyOf(reasons));
    }

    private static int typos(String a, String b) {
        int d = TYPOS.apply(a, b);
        return d < 0 ? Integer.MAX_VALUE : d;
    }

    private static List<String> sortedWords(String name) {
        return java.util.Arrays.stream(name.split(" ")).sorted().toList();
    }

    /** Family names alike and given names alike (sound-alike or a typo or two), or the same swapped. */
    static boolean similarNames(Person a, Person b) {
        return alike(a.familyName(), b.familyName()) && alike(a.givenNames(), b.givenNames())
                || alike(a.familyName(), b.givenNames()) && alike(a.givenNames(), b.familyName());
    }

    /** Some word of one is the same, sounds alike or is a typo or two away from some word of the other. */
    static boolean alike(String x, String y) {
        String nx = NameKeys.normalise(x);
        String ny = NameKeys.normalise(y);
        if (nx.isEmpty() || ny.isEmpty()) {
            return false;
        }
        for (String wx : nx.split(" ")) {
            for (String wy : ny.split(" ")) {
                if (wx.equals(wy) || wx.length() >= 3 && Objects.equals(NameKeys.phonetic(wx), NameKeys.phonetic(wy))
                        || Math.min(wx.length(), wy.length()) >= 4
                        && typos(wx, wy) <= (Math.max(wx.length(), wy.length()) >= 7 ? 2 : 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
