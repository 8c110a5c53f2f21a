package org.consulardesk.registry.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
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
import org.consulardesk.registry.model.DuplicateCursor;
import org.consulardesk.registry.model.DuplicatePage;
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
    /** Index entries read per blocking key and step of the walk, at most. */
    static final int KEYS_PER_STEP = 5_000;
    /**
     * The first step of a stretch reads this many entries at most; later steps are sized to the
     * time left at the pace measured so far, so a cold first step cannot outlast the budget alone.
     */
    static final int FIRST_STEP = 500;
    /** The walk stops after this long with what it found, so the screen answers at once (ADR 0065). */
    static final long TIME_BUDGET_MS = 400;
    /**
     * The first page's stretch stops sooner: at 2,000,000 persons the first steps read cold pages
     * and find few pairs, so the screen shows what it has and reads on behind it.
     */
    static final long FIRST_PAGE_BUDGET_MS = 150;
    /** Each blocking query reads at most this many pairs per candidate asked for. */
    static final int PAIRS_PER_CANDIDATE = 4;

    private static final org.apache.commons.text.similarity.LevenshteinDistance TYPOS =
            new org.apache.commons.text.similarity.LevenshteinDistance(2);

    private final Session session;
    private final DuplicateStore store = new DuplicateStore();
    private final int keysPerStep;
    private final long budgetMs;
    private final long firstPageBudgetMs;

    public DuplicateService(Session session) {
        this(session, KEYS_PER_STEP, TIME_BUDGET_MS, FIRST_PAGE_BUDGET_MS);
    }

    /**
     * A screen's stretch reads {@code keysPerStep} index entries a step for at most {@code budgetMs}
     * (one step always runs): tests walk a few persons in several stretches.
     */
    DuplicateService(Session session, int keysPerStep, long budgetMs) {
        this(session, keysPerStep, budgetMs, budgetMs);
    }

    private DuplicateService(Session session, int keysPerStep, long budgetMs, long firstPageBudgetMs) {
        this.session = session;
        this.keysPerStep = keysPerStep;
        this.budgetMs = budgetMs;
        this.firstPageBudgetMs = firstPageBudgetMs;
    }

    /**
     * The most likely duplicate pairs, best first, at most {@code limit}, from the whole registry:
     * the walk of {@link #page} run to its end (the command line's report).
     */
    public List<DuplicateCandidate> candidates(int limit) {
        DuplicatePage page = page(DuplicateCursor.START, Integer.MAX_VALUE, KEYS_PER_STEP, Long.MAX_VALUE / 4_000_000L);
        List<DuplicateCandidate> all = page.candidates();
        return all.size() > limit ? List.copyOf(all.subList(0, Math.max(1, limit))) : all;
    }

    /**
     * One stretch of the walk of the three blocking-key indexes in key order, side by side, from
     * {@code from}: it stops once {@code limit} pairs scored high enough, every index is read to its
     * end, or {@link #TIME_BUDGET_MS} has passed, so the duplicates screen answers at once at any
     * size of registry; "Look further" continues from {@link DuplicatePage#next()} (ADR 0065).
     */
    public DuplicatePage page(DuplicateCursor from, int limit) {
        return page(from, limit, keysPerStep, budgetMs);
    }

    /**
     * The screen's first page: the stretch from the start, stopped at {@code limit} pairs or after
     * {@link #FIRST_PAGE_BUDGET_MS}, whichever comes first; {@link #page} continues from its cursor.
     */
    public DuplicatePage firstPage(int limit) {
        return page(DuplicateCursor.START, limit, keysPerStep, firstPageBudgetMs);
    }

    DuplicatePage page(DuplicateCursor from, int limit, int keysPerStep, long budgetMs) {
        session.require(Permission.EDIT_REGISTRY);
        int max = Math.max(1, limit);
        refreshKeys();
        long deadline = System.nanoTime() + budgetMs * 1_000_000L;
        return session.database().read(tx -> {
            Map<DuplicateStore.Block, String> position = new EnumMap<>(DuplicateStore.Block.class);
            putIfOpen(position, DuplicateStore.Block.DOCUMENT, from.document());
            putIfOpen(position, DuplicateStore.Block.PHONE, from.phone());
            putIfOpen(position, DuplicateStore.Block.BIRTH_AND_SOUND, from.birth());
            Map<DuplicateStore.Pair, DuplicateCandidate> found = new LinkedHashMap<>();
            int steps = 0;
            // Each key has its own pace: a step of birth-date keys finds far more pairs to score than one of documents.
            Map<DuplicateStore.Block, long[]> pace = new EnumMap<>(DuplicateStore.Block.class);
            walk:
            while (!position.isEmpty()) {
                for (DuplicateStore.Block block : List.copyOf(position.keySet())) {
                    // Checked before every step (a round of three can outlast the budget); one step
                    // always runs, so Look further always moves on.
                    if (steps++ > 0 && System.nanoTime() > deadline) {
                        break walk;
                    }
                    long[] readAndNanos = pace.computeIfAbsent(block, b -> new long[2]);
                    long stepStarted = System.nanoTime();
                    int step = nextStep(readAndNanos[0], readAndNanos[1], deadline - stepStarted, keysPerStep);
                    List<String> keys = store.keysAfter(tx, block, position.get(block), step);
                    // Equal neighbours share a key. A full step ends on a whole key: the entries equal
                    // to its last key are left for the next step, which starts at that key again.
                    Set<String> shared = new java.util.LinkedHashSet<>();
                    String last = keys.isEmpty() ? null : keys.get(keys.size() - 1);
                    boolean full = keys.size() == step;
                    for (int i = 1; i < keys.size(); i++) {
                        if (keys.get(i).equals(keys.get(i - 1)) && !(full && keys.get(i).equals(last))) {
                            shared.add(keys.get(i));
                        }
                    }
                    if (full) {
                        String previous = keys.stream().filter(k -> !k.equals(last)).reduce((a, b) -> b).orElse(null);
                        if (previous == null) {
                            shared.add(last); // one key fills the whole step: take it now and move past it
                            position.put(block, last);
                        } else {
                            position.put(block, previous);
                        }
                    } else {
                        position.remove(block);
                    }
                    score(tx, block, store.pairsOf(tx, block, shared), found);
                    readAndNanos[0] += keys.size();
                    readAndNanos[1] += System.nanoTime() - stepStarted;
                }
                if (found.size() >= max || System.nanoTime() > deadline) {
                    break;
                }
            }
            List<DuplicateCandidate> out = new ArrayList<>(found.values());
            out.sort(Comparator.comparingDouble(DuplicateCandidate::score).reversed()
                    .thenComparingLong(c -> c.left().id()).thenComparingLong(c -> c.right().id()));
            return new DuplicatePage(out, new DuplicateCursor(position.get(DuplicateStore.Block.DOCUMENT),
                    position.get(DuplicateStore.Block.PHONE), position.get(DuplicateStore.Block.BIRTH_AND_SOUND)));
        });
    }

    /**
     * The size of a key's next step: as many entries as the time left allows at the pace of its steps
     * so far (entries read and scored per nanosecond), between {@link #FIRST_STEP} and {@code max}.
     */
    static int nextStep(long keysRead, long elapsedNanos, long remainingNanos, int max) {
        int least = Math.min(max, FIRST_STEP);
        if (keysRead <= 0 || elapsedNanos <= 0) {
            return least;
        }
        double affordable = (double) keysRead / elapsedNanos * Math.max(0, remainingNanos);
        return (int) Math.max(least, Math.min(max, affordable));
    }

    private static void putIfOpen(Map<DuplicateStore.Block, String> position, DuplicateStore.Block block, String at) {
        if (at != null) {
            position.put(block, at);
        }
    }

    /** Scores newly found pairs; a pair met again through another key is scored again with that reason too. */
    private void score(org.consulardesk.store.Tx tx, DuplicateStore.Block block, List<DuplicateStore.Pair> pairs,
                       Map<DuplicateStore.Pair, DuplicateCandidate> found) {
        if (pairs.isEmpty()) {
            return;
        }
        Set<Long> ids = new HashSet<>();
        pairs.forEach(p -> {
            ids.add(p.low());
            ids.add(p.high());
        });
        Map<Long, Person> persons = store.persons(tx, ids);
        for (DuplicateStore.Pair pair : pairs) {
            Person a = persons.get(pair.low());
            Person b = persons.get(pair.high());
            if (a == null || b == null) {
                continue;
            }
            Set<DuplicateReason> reasons = EnumSet.noneOf(DuplicateReason.class);
            DuplicateCandidate before = found.get(pair);
            if (before != null) {
                reasons.addAll(before.reasons());
            }
            if (block == DuplicateStore.Block.DOCUMENT) {
                reasons.add(DuplicateReason.SAME_DOCUMENT);
            } else if (block == DuplicateStore.Block.PHONE) {
                reasons.add(DuplicateReason.SAME_PHONE);
            }
            if (before != null && before.reasons().containsAll(reasons)) {
                continue;
            }
            DuplicateCandidate c = score(a, b, reasons);
            if (c.score() >= MIN_SCORE) {
                found.put(pair, c);
            } else {
                found.remove(pair);
            }
        }
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
        // Nearly always there is nothing to compute: find that out with a read, not a write whose
        // commit forces the file to disk (CHECKPOINT SYNC) before the first page can be read.
        if (session.database().read(tx -> store.keysToCompute(tx, 1)).isEmpty()) {
            return;
        }
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
