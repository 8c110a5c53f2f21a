package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.CONSENT;
import static org.consulardesk.store.generated.Tables.DUPLICATE_DISMISSAL;
import static org.consulardesk.store.generated.Tables.HOUSEHOLD_MEMBER;
import static org.consulardesk.store.generated.Tables.PERSON;
import static org.consulardesk.store.generated.Tables.PERSON_NAME_PAIR;
import static org.consulardesk.store.generated.Tables.PERSON_NAME_TOKEN;
import static org.consulardesk.store.generated.Tables.PERSON_MERGE;
import static org.consulardesk.store.generated.Tables.TRAVEL_DOCUMENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consulardesk.registry.model.MergeEntry;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.store.Tx;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Duplicate candidates by blocking key (same document number, same phone, same date of birth with a
 * sound-alike family name), each found by a self-join or GROUP BY on an indexed column and capped,
 * so the registry is never read into memory; dismissed pairs; the merge history.
 */
public final class DuplicateStore {
    private final LocationStore locations = new LocationStore();


    /** A pair of person ids, {@code low < high}. */
    public record Pair(long low, long high) {
        public static Pair of(long a, long b) {
            return a < b ? new Pair(a, b) : new Pair(b, a);
        }
    }

    /** A row whose blocking key must be computed. */
    public record KeyRow(long id, String familyName, String birthDate) {
    }

    /** The stored merge, with its snapshot (JSON, UTF-8). */
    public record StoredMerge(long id, long survivorId, long mergedId, int survivorVersionAfter, byte[] snapshot,
                              OffsetDateTime undoneAt) {
    }

    private static final String NOT_DISMISSED =
            " and not exists (select 1 from duplicate_dismissal x where x.person_low = %1$s and x.person_high = %2$s)";

    /** Persons sharing a document number (type aside: a typed-in ID number on one and passport on the other is rare). */
    public List<Pair> sameDocument(Tx tx, int limit) {
        return pairs(tx, "select d1.person_id, d2.person_id from travel_document d1"
                + " join travel_document d2 on d2.search_number = d1.search_number and d2.person_id > d1.person_id"
                + " join person p1 on p1.id = d1.person_id join person p2 on p2.id = d2.person_id"
                + " where coalesce(p1.merged_into, 0) = 0 and coalesce(p2.merged_into, 0) = 0 and d1.search_number <> ''"
                + NOT_DISMISSED.formatted("d1.person_id", "d2.person_id") + " limit ?", limit);
    }

    /** Persons sharing a phone number (its E.164 digits). */
    public List<Pair> samePhone(Tx tx, int limit) {
        return pairs(tx, "select c1.person_id, c2.person_id from contact c1"
                + " join contact c2 on c2.search_value = c1.search_value and c2.person_id > c1.person_id and c2.kind = 'PHONE'"
                + " join person p1 on p1.id = c1.person_id join person p2 on p2.id = c2.person_id"
                + " where c1.kind = 'PHONE' and coalesce(p1.merged_into, 0) = 0 and coalesce(p2.merged_into, 0) = 0"
                + NOT_DISMISSED.formatted("c1.person_id", "c2.person_id") + " limit ?", limit);
    }

    /** Persons with the same full date of birth and a sound-alike first family-name word ({@code dup_key}). */
    public List<Pair> sameBirthAndFamilySound(Tx tx, int limit) {
        return pairs(tx, "select p1.id, p2.id from (select dup_key from person where dup_key is not null and dup_key <> '-'"
                + " and coalesce(merged_into, 0) = 0 group by dup_key having count(*) > 1) g"
                + " join person p1 on p1.dup_key = g.dup_key join person p2 on p2.dup_key = g.dup_key and p2.id > p1.id"
                + " where coalesce(p1.merged_into, 0) = 0 and coalesce(p2.merged_into, 0) = 0"
                + NOT_DISMISSED.formatted("p1.id", "p2.id") + " limit ?", limit);
    }

    static final int MAX_PAIRS_PER_STEP = 20_000;

    /** A blocking key and where its index is walked (ADR 0065). */
    public enum Block {
        DOCUMENT("travel_document", "search_number", ""),
        PHONE("contact", "search_value", ""),
        BIRTH_AND_SOUND("person", "dup_key", ".");

        final String table;
        final String column;
        /**
         * The walk starts after this value: empty numbers, and '-' (no full date of birth), block
         * nothing; '.' sorts right after '-', so the seek skips those entries instead of walking them.
         */
        final String after;

        Block(String table, String column, String after) {
            this.table = table;
            this.column = column;
            this.after = after;
        }

        public String start() {
            return after;
        }
    }

    /**
     * The next {@code limit} values of the key's index after {@code after}, in index order, read from
     * the index alone (no table row): a duplicate is two equal neighbours.
     */
    public List<String> keysAfter(Tx tx, Block block, String after, int limit) {
        return tx.dsl().fetch("select " + block.column + " from " + block.table + " where " + block.column + " > ?"
                + " order by " + block.column + " limit ?", after, limit).map(r -> r.get(0, String.class));
    }

    /** The pairs of active, not dismissed persons that share one of {@code keys} of the block. */
    public List<Pair> pairsOf(Tx tx, Block block, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        String sql = switch (block) {
            case DOCUMENT -> "select d1.person_id, d2.person_id from travel_document d1"
                    + " join travel_document d2 on d2.search_number = d1.search_number and d2.person_id > d1.person_id"
                    + " join person p1 on p1.id = d1.person_id join person p2 on p2.id = d2.person_id"
                    + " where d1.search_number in (" + in + ") and coalesce(p1.merged_into, 0) = 0"
                    + " and coalesce(p2.merged_into, 0) = 0" + NOT_DISMISSED.formatted("d1.person_id", "d2.person_id");
            case PHONE -> "select c1.person_id, c2.person_id from contact c1"
                    + " join contact c2 on c2.search_value = c1.search_value and c2.person_id > c1.person_id and c2.kind = 'PHONE'"
                    + " join person p1 on p1.id = c1.person_id join person p2 on p2.id = c2.person_id"
                    + " where c1.search_value in (" + in + ") and c1.kind = 'PHONE' and coalesce(p1.merged_into, 0) = 0"
                    + " and coalesce(p2.merged_into, 0) = 0" + NOT_DISMISSED.formatted("c1.person_id", "c2.person_id");
            case BIRTH_AND_SOUND -> "select p1.id, p2.id from person p1 join person p2 on p2.dup_key = p1.dup_key and p2.id > p1.id"
                    + " where p1.dup_key in (" + in + ") and coalesce(p1.merged_into, 0) = 0"
                    + " and coalesce(p2.merged_into, 0) = 0" + NOT_DISMISSED.formatted("p1.id", "p2.id");
        };
        // A key shared by thousands (a placeholder number typed for everyone) is not a duplicate: cap it.
        return tx.dsl().fetch(sql + " limit " + MAX_PAIRS_PER_STEP, keys.toArray())
                .map(r -> new Pair(r.get(0, Long.class), r.get(1, Long.class)));
    }

    /**
     * The benchmark's raw counterpart: the three blocking self-joins as plain SQL on their indexed
     * columns, each up to {@code limit} pairs, without the merge, dismissal and scoring filters.
     */
    public int rawPairs(Tx tx, int limit) {
        return pairs(tx, "select d1.person_id, d2.person_id from travel_document d1 join travel_document d2"
                + " on d2.search_number = d1.search_number and d2.person_id > d1.person_id limit ?", limit).size()
                + pairs(tx, "select c1.person_id, c2.person_id from contact c1 join contact c2"
                + " on c2.search_value = c1.search_value and c2.person_id > c1.person_id limit ?", limit).size()
                + pairs(tx, "select p1.id, p2.id from person p1 join person p2 on p2.dup_key = p1.dup_key and p2.id > p1.id"
                + " where p1.dup_key <> '-' limit ?", limit).size();
    }

    private static List<Pair> pairs(Tx tx, String sql, int limit) {
        return tx.dsl().fetch(sql, limit).map(r -> new Pair(r.get(0, Long.class), r.get(1, Long.class)));
    }

    /** Up to {@code limit} persons whose blocking key is not computed yet. */
    public List<KeyRow> keysToCompute(Tx tx, int limit) {
        return tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.BIRTH_DATE).from(PERSON).where(PERSON.DUP_KEY.isNull())
                .limit(limit).fetch(r -> new KeyRow(r.value1(), r.value2(), r.value3()));
    }

    public void setKeys(Tx tx, Map<Long, String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        var batch = tx.dsl().batch(tx.dsl().update(PERSON).set(PERSON.DUP_KEY, (String) null).where(PERSON.ID.eq((Long) null)));
        keys.forEach((id, key) -> batch.bind(key, id));
        batch.execute();
    }

    /** The core of each person (merged or not), by id. */
    public Map<Long, Person> persons(Tx tx, Collection<Long> ids) {
        Map<Long, Person> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.SEX, PERSON.BIRTH_DATE, PERSON.CITY,
                        PERSON.COUNTRY_CODE, PERSON.PURPOSE, PERSON.ROW_VERSION)
                .from(PERSON).where(PERSON.ID.in(ids))
                .forEach(r -> out.put(r.value1(), new Person(r.value1(), r.value2(), r.value3(), r.value4().charAt(0), r.value5(),
                        r.value6(), r.value7(), PurposeOfStay.valueOf(r.value8()), r.value9())));
        return out;
    }

    public boolean dismiss(Tx tx, Pair pair, String by, Instant at) {
        return tx.dsl().insertInto(DUPLICATE_DISMISSAL).set(DUPLICATE_DISMISSAL.PERSON_LOW, pair.low())
                .set(DUPLICATE_DISMISSAL.PERSON_HIGH, pair.high()).set(DUPLICATE_DISMISSAL.DISMISSED_AT, at.atOffset(ZoneOffset.UTC))
                .set(DUPLICATE_DISMISSAL.DISMISSED_BY, by).onConflictDoNothing().execute() == 1;
    }

    public boolean isDismissed(Tx tx, Pair pair) {
        return tx.dsl().fetchExists(DUPLICATE_DISMISSAL, DUPLICATE_DISMISSAL.PERSON_LOW.eq(pair.low())
                .and(DUPLICATE_DISMISSAL.PERSON_HIGH.eq(pair.high())));
    }

    /** The surviving person a merged one went into, or empty while the person stands on its own. */
    public Optional<Long> mergedInto(Tx tx, long personId) {
        return tx.dsl().select(PERSON.MERGED_INTO).from(PERSON).where(PERSON.ID.eq(personId)).fetchOptional(PERSON.MERGED_INTO)
                .filter(id -> id != null);
    }

    public Optional<Integer> version(Tx tx, long personId) {
        return tx.dsl().select(PERSON.ROW_VERSION).from(PERSON).where(PERSON.ID.eq(personId)).forUpdate()
                .fetchOptional(PERSON.ROW_VERSION);
    }

    /** Marks {@code mergedId} as merged into {@code survivorId} (or back to standing alone with null); bumps its version. */
    public void setMergedInto(Tx tx, long mergedId, Long survivorId, Instant now) {
        if (survivorId != null) {
            // A merged person leaves the name index, so name walks skip them without reading person
            // rows (ADR 0037); an undo writes the names back with the restored registration.
            tx.dsl().deleteFrom(PERSON_NAME_TOKEN).where(PERSON_NAME_TOKEN.PERSON_ID.eq(mergedId)).execute();
            tx.dsl().deleteFrom(PERSON_NAME_PAIR).where(PERSON_NAME_PAIR.PERSON_ID.eq(mergedId)).execute();
        }
        // The map's counts per cell (ADR 0045) count only persons that stand on their own.
        var point = tx.dsl().select(PERSON.LATITUDE, PERSON.LONGITUDE).from(PERSON).where(PERSON.ID.eq(mergedId)).fetchOne();
        if (point != null && point.value1() != null && point.value2() != null) {
            if (survivorId != null) {
                locations.moved(tx, point.value1(), point.value2(), null, null);
            } else {
                locations.moved(tx, null, null, point.value1(), point.value2());
            }
        }
        tx.dsl().update(PERSON).set(PERSON.MERGED_INTO, survivorId).set(PERSON.ROW_VERSION, PERSON.ROW_VERSION.plus(1))
                .set(PERSON.UPDATED_AT, now.atOffset(ZoneOffset.UTC)).where(PERSON.ID.eq(mergedId)).execute();
    }

    /** Moves documents (with their scans) to another person; returns how many moved. */
    public int moveDocuments(Tx tx, Collection<Long> documentIds, long fromPerson, long toPerson) {
        if (documentIds.isEmpty()) {
            return 0;
        }
        return tx.dsl().update(TRAVEL_DOCUMENT).set(TRAVEL_DOCUMENT.PERSON_ID, toPerson)
                .where(TRAVEL_DOCUMENT.ID.in(documentIds).and(TRAVEL_DOCUMENT.PERSON_ID.eq(fromPerson))).execute();
    }

    /** Moves consents (they keep their ids and history) to another person. */
    public int moveConsents(Tx tx, Collection<Long> consentIds, long fromPerson, long toPerson) {
        if (consentIds.isEmpty()) {
            return 0;
        }
        return tx.dsl().update(CONSENT).set(CONSENT.PERSON_ID, toPerson)
                .where(CONSENT.ID.in(consentIds).and(CONSENT.PERSON_ID.eq(fromPerson))).execute();
    }

    /**
     * The household membership of {@code fromPerson} in {@code householdId}, if {@code toPerson} is not a member
     * yet are handed to {@code toPerson}; returns the ids of the membership rows moved.
     */
    public List<Long> moveMemberships(Tx tx, long fromPerson, long toPerson, long householdId) {
        Condition survivorNotThere = DSL.notExists(DSL.selectOne().from(HOUSEHOLD_MEMBER.as("s"))
                .where(DSL.field("s.household_id", Long.class).eq(HOUSEHOLD_MEMBER.HOUSEHOLD_ID))
                .and(DSL.field("s.person_id", Long.class).eq(toPerson)));
        List<Long> ids = tx.dsl().select(HOUSEHOLD_MEMBER.ID).from(HOUSEHOLD_MEMBER)
                .where(HOUSEHOLD_MEMBER.PERSON_ID.eq(fromPerson)).and(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.eq(householdId))
                .and(survivorNotThere).fetch(HOUSEHOLD_MEMBER.ID);
        moveMembershipRows(tx, ids, toPerson);
        return ids;
    }

    public void moveMembershipRows(Tx tx, Collection<Long> memberIds, long toPerson) {
        if (!memberIds.isEmpty()) {
            tx.dsl().update(HOUSEHOLD_MEMBER).set(HOUSEHOLD_MEMBER.PERSON_ID, toPerson).where(HOUSEHOLD_MEMBER.ID.in(memberIds))
                    .execute();
        }
    }

    /** Which of the documents still exist (on {@code personId}). */
    public java.util.Set<Long> existingDocuments(Tx tx, long personId, Collection<Long> ids) {
        return ids.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(tx.dsl().select(TRAVEL_DOCUMENT.ID)
                .from(TRAVEL_DOCUMENT).where(TRAVEL_DOCUMENT.ID.in(ids).and(TRAVEL_DOCUMENT.PERSON_ID.eq(personId)))
                .fetch(TRAVEL_DOCUMENT.ID));
    }

    public java.util.Set<Long> existingConsents(Tx tx, long personId, Collection<Long> ids) {
        return ids.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(tx.dsl().select(CONSENT.ID).from(CONSENT)
                .where(CONSENT.ID.in(ids).and(CONSENT.PERSON_ID.eq(personId))).fetch(CONSENT.ID));
    }

    public long insertMerge(Tx tx, long survivorId, long mergedId, int survivorVersionAfter, Instant at, String by,
                            byte[] snapshot) {
        return tx.dsl().insertInto(PERSON_MERGE).set(PERSON_MERGE.SURVIVOR_ID, survivorId).set(PERSON_MERGE.MERGED_ID, mergedId)
                .set(PERSON_MERGE.SURVIVOR_VERSION_AFTER, survivorVersionAfter).set(PERSON_MERGE.MERGED_AT, at.atOffset(ZoneOffset.UTC))
                .set(PERSON_MERGE.MERGED_BY, by).set(PERSON_MERGE.SNAPSHOT, snapshot).returning(PERSON_MERGE.ID).fetchOne().getId();
    }

    public Optional<StoredMerge> merge(Tx tx, long mergeId) {
        return tx.dsl().selectFrom(PERSON_MERGE).where(PERSON_MERGE.ID.eq(mergeId)).forUpdate().fetchOptional()
                .map(m -> new StoredMerge(m.getId(), m.getSurvivorId(), m.getMergedId(), m.getSurvivorVersionAfter(),
                        m.getSnapshot(), m.getUndoneAt()));
    }

    public void markUndone(Tx tx, long mergeId, Instant at, String by, byte[] undoSnapshot) {
        tx.dsl().update(PERSON_MERGE).set(PERSON_MERGE.UNDONE_AT, at.atOffset(ZoneOffset.UTC)).set(PERSON_MERGE.UNDONE_BY, by)
                .set(PERSON_MERGE.UNDO_SNAPSHOT, undoSnapshot).where(PERSON_MERGE.ID.eq(mergeId)).execute();
    }

    /** The latest merges first (names as they are now), one page. */
    public List<MergeEntry> merges(Tx tx, int offset, int limit) {
        var s = PERSON.as("s");
        var m = PERSON.as("m");
        List<MergeEntry> out = new ArrayList<>();
        tx.dsl().select(PERSON_MERGE.ID, PERSON_MERGE.SURVIVOR_ID, s.FAMILY_NAME, s.GIVEN_NAMES, PERSON_MERGE.MERGED_ID,
                        m.FAMILY_NAME, m.GIVEN_NAMES, PERSON_MERGE.MERGED_AT, PERSON_MERGE.MERGED_BY, PERSON_MERGE.UNDONE_AT)
                .from(PERSON_MERGE).join(s).on(s.ID.eq(PERSON_MERGE.SURVIVOR_ID)).join(m).on(m.ID.eq(PERSON_MERGE.MERGED_ID))
                .orderBy(PERSON_MERGE.ID.desc()).offset(offset).limit(limit)
                .forEach(r -> out.add(new MergeEntry(r.value1(), r.value2(), r.value3() + ", " + r.value4(), r.value5(),
                        r.value6() + ", " + r.value7(), r.value8().toInstant(), r.value9(),
                        r.value10() == null ? null : r.value10().toInstant())));
        return out;
    }
}
