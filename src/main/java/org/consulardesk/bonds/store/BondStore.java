package org.consulardesk.bonds.store;

import static org.consulardesk.store.generated.Tables.BOND;
import static org.consulardesk.store.generated.Tables.BOND_COVERAGE;
import static org.consulardesk.store.generated.Tables.BOND_DOCUMENT;
import static org.consulardesk.store.generated.Tables.BOND_WORKER;
import static org.consulardesk.store.generated.Tables.LEDGER_APPROVAL;
import static org.consulardesk.store.generated.Tables.LEDGER_ENTRY;
import static org.consulardesk.store.generated.Tables.ORGANISATION;
import static org.consulardesk.store.generated.Tables.PERSON;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondDocument;
import org.consulardesk.bonds.model.BondDraft;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.Coverage;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.Instrument;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.store.Tx;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Bonds, what they cover, the workers they cover and their document scans. */
public final class BondStore {

    public long insert(Tx tx, BondDraft d, String user, Instant now) {
        long id = tx.dsl().insertInto(BOND)
                .set(BOND.ORGANISATION_ID, d.organisationId())
                .set(BOND.INSTRUMENT, d.instrument().name())
                .set(BOND.ISSUER, d.issuer())
                .set(BOND.REFERENCE, d.reference())
                .set(BOND.FACE_AMOUNT, d.faceAmount())
                .set(BOND.CURRENCY, d.currency().getCurrencyCode())
                .set(BOND.POOLED, d.pooled())
                .set(BOND.COVER_PER_WORKER, d.coverPerWorker())
                .set(BOND.TERM_START, d.termStart())
                .set(BOND.TERM_END, d.termEnd())
                .set(BOND.ACCESS_CONDITIONS, d.accessConditions())
                .set(BOND.STATE_MAY_DRAW, d.stateMayDraw())
                .set(BOND.WORKER_MAY_DRAW, d.workerMayDraw())
                .set(BOND.STATE, BondState.DRAFT.name())
                .set(BOND.CREATED_BY, user)
                .set(BOND.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(BOND.ROW_VERSION, 1)
                .returningResult(BOND.ID).fetchOne().value1();
        setCoverage(tx, id, d.coverage());
        return id;
    }

    /** Changes a draft's terms (not its currency once entries exist: the service checks). */
    public void updateDraft(Tx tx, long id, BondDraft d) {
        tx.dsl().update(BOND)
                .set(BOND.INSTRUMENT, d.instrument().name())
                .set(BOND.ISSUER, d.issuer())
                .set(BOND.REFERENCE, d.reference())
                .set(BOND.FACE_AMOUNT, d.faceAmount())
                .set(BOND.CURRENCY, d.currency().getCurrencyCode())
                .set(BOND.POOLED, d.pooled())
                .set(BOND.COVER_PER_WORKER, d.coverPerWorker())
                .set(BOND.TERM_START, d.termStart())
                .set(BOND.TERM_END, d.termEnd())
                .set(BOND.ACCESS_CONDITIONS, d.accessConditions())
                .set(BOND.STATE_MAY_DRAW, d.stateMayDraw())
                .set(BOND.WORKER_MAY_DRAW, d.workerMayDraw())
                .where(BOND.ID.eq(id)).execute();
        setCoverage(tx, id, d.coverage());
    }

    private static void setCoverage(Tx tx, long id, Set<Coverage> coverage) {
        tx.dsl().deleteFrom(BOND_COVERAGE).where(BOND_COVERAGE.BOND_ID.eq(id)).execute();
        for (Coverage c : coverage) {
            tx.dsl().insertInto(BOND_COVERAGE).set(BOND_COVERAGE.BOND_ID, id).set(BOND_COVERAGE.COVERAGE, c.name()).execute();
        }
    }

    /**
     * Raises the bond's version if it is {@code expectedVersion} (any version when negative), which
     * also locks its row until the transaction ends: concurrent postings to one bond queue here.
     *
     * @return false when the bond changed meanwhile or does not exist
     */
    public boolean lock(Tx tx, long id, int expectedVersion) {
        Condition version = expectedVersion < 0 ? DSL.noCondition() : BOND.ROW_VERSION.eq(expectedVersion);
        return tx.dsl().update(BOND).set(BOND.ROW_VERSION, BOND.ROW_VERSION.plus(1))
                .where(BOND.ID.eq(id).and(version)).execute() == 1;
    }

    public void setState(Tx tx, long id, BondState state, String reason) {
        tx.dsl().update(BOND).set(BOND.STATE, state.name()).set(BOND.STATE_REASON, reason).where(BOND.ID.eq(id)).execute();
    }

    public Optional<Bond> get(Tx tx, long id) {
        return list(tx, BOND.ID.eq(id), 1).stream().findFirst();
    }

    public List<Bond> ofOrganisation(Tx tx, long organisationId) {
        return list(tx, BOND.ORGANISATION_ID.eq(organisationId), 10_000);
    }

    public List<Bond> inStates(Tx tx, Set<BondState> states) {
        return list(tx, BOND.STATE.in(states.stream().map(Enum::name).toList()), 100_000);
    }

    /** Bonds by organisation name, reference or issuer containing {@code text}; all states unless given. */
    public List<Bond> search(Tx tx, String text, BondState state, int limit) {
        Condition where = DSL.noCondition();
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
            where = DSL.lower(ORGANISATION.LEGAL_NAME).like(like).or(DSL.lower(BOND.REFERENCE).like(like))
                    .or(DSL.lower(BOND.ISSUER).like(like));
        }
        if (state != null) {
            where = where.and(BOND.STATE.eq(state.name()));
        }
        return list(tx, where, limit);
    }

    /**
     * One page of the bond register for exports, in id order: bonds with an id above {@code afterId},
     * optionally of one organisation and in one state.
     */
    public List<Bond> page(Tx tx, long afterId, Long organisationId, BondState state, int limit) {
        Condition where = BOND.ID.gt(afterId);
        if (organisationId != null) {
            where = where.and(BOND.ORGANISATION_ID.eq(organisationId));
        }
        if (state != null) {
            where = where.and(BOND.STATE.eq(state.name()));
        }
        return list(tx, where, limit, true);
    }

    /** How many bonds {@link #page} would go through. */
    public long count(Tx tx, Long organisationId, BondState state) {
        Condition where = organisationId == null ? DSL.noCondition() : BOND.ORGANISATION_ID.eq(organisationId);
        if (state != null) {
            where = where.and(BOND.STATE.eq(state.name()));
        }
        return tx.dsl().fetchCount(BOND, where);
    }

    private List<Bond> list(Tx tx, Condition where, int limit) {
        return list(tx, where, limit, false);
    }

    private List<Bond> list(Tx tx, Condition where, int limit, boolean byId) {
        List<Record> rows = tx.dsl().select(BOND.asterisk(), ORGANISATION.LEGAL_NAME).from(BOND)
                .join(ORGANISATION).on(ORGANISATION.ID.eq(BOND.ORGANISATION_ID))
                .where(where).orderBy(byId ? List.of(BOND.ID) : List.of(BOND.TERM_END, BOND.ID)).limit(limit).fetch();
        Map<Long, Set<Coverage>> coverage = new HashMap<>();
        List<Long> ids = rows.stream().map(r -> r.get(BOND.ID)).toList();
        if (!ids.isEmpty()) {
            tx.dsl().selectFrom(BOND_COVERAGE).where(BOND_COVERAGE.BOND_ID.in(ids)).fetch().forEach(c ->
                    coverage.computeIfAbsent(c.getBondId(), k -> EnumSet.noneOf(Coverage.class))
                            .add(Coverage.valueOf(c.getCoverage())));
        }
        List<Bond> out = new ArrayList<>(rows.size());
        for (Record r : rows) {
            Currency currency = Currency.getInstance(r.get(BOND.CURRENCY).strip());
            out.add(new Bond(r.get(BOND.ID), r.get(BOND.ROW_VERSION), r.get(BOND.ORGANISATION_ID), r.get(ORGANISATION.LEGAL_NAME),
                    Instrument.valueOf(r.get(BOND.INSTRUMENT)), r.get(BOND.ISSUER), r.get(BOND.REFERENCE),
                    new Money(r.get(BOND.FACE_AMOUNT), currency),
                    coverage.getOrDefault(r.get(BOND.ID), Set.of()), Boolean.TRUE.equals(r.get(BOND.POOLED)),
                    r.get(BOND.COVER_PER_WORKER) == null ? null
                            : r.get(BOND.COVER_PER_WORKER).setScale(Money.digits(currency), java.math.RoundingMode.UNNECESSARY),
                    r.get(BOND.TERM_START), r.get(BOND.TERM_END), r.get(BOND.ACCESS_CONDITIONS),
                    Boolean.TRUE.equals(r.get(BOND.STATE_MAY_DRAW)), Boolean.TRUE.equals(r.get(BOND.WORKER_MAY_DRAW)),
                    BondState.valueOf(r.get(BOND.STATE)), r.get(BOND.STATE_REASON), r.get(BOND.CREATED_BY),
                    r.get(BOND.CREATED_AT).toInstant()));
        }
        return out;
    }

    /** Balances, pending debits and covered-worker counts for the given bonds, derived from the ledger. */
    public List<BondOverview> overviews(Tx tx, List<Bond> bonds) {
        if (bonds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = bonds.stream().map(Bond::id).toList();
        Field<BigDecimal> posted = DSL.sum(DSL.when(LEDGER_ENTRY.NEEDS_APPROVAL.isFalse()
                .or(LEDGER_APPROVAL.APPROVED.isTrue()), LEDGER_ENTRY.AMOUNT).else_(BigDecimal.ZERO));
        Field<BigDecimal> pending = DSL.sum(DSL.when(LEDGER_ENTRY.NEEDS_APPROVAL.isTrue()
                .and(LEDGER_APPROVAL.ENTRY_ID.isNull()).and(LEDGER_ENTRY.AMOUNT.lt(BigDecimal.ZERO)), LEDGER_ENTRY.AMOUNT)
                .else_(BigDecimal.ZERO));
        Map<Long, BigDecimal[]> sums = new HashMap<>();
        tx.dsl().select(LEDGER_ENTRY.BOND_ID, posted, pending).from(LEDGER_ENTRY)
                .leftJoin(LEDGER_APPROVAL).on(LEDGER_APPROVAL.ENTRY_ID.eq(LEDGER_ENTRY.ID))
                .where(LEDGER_ENTRY.BOND_ID.in(ids)).groupBy(LEDGER_ENTRY.BOND_ID)
                .forEach(r -> sums.put(r.value1(), new BigDecimal[] {r.value2(), r.value3()}));
        Map<Long, Integer> workers = new HashMap<>();
        tx.dsl().select(BOND_WORKER.BOND_ID, DSL.count()).from(BOND_WORKER).where(BOND_WORKER.BOND_ID.in(ids))
                .groupBy(BOND_WORKER.BOND_ID).forEach(r -> workers.put(r.value1(), r.value2()));
        List<BondOverview> out = new ArrayList<>(bonds.size());
        for (Bond b : bonds) {
            BigDecimal[] s = sums.getOrDefault(b.id(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            Currency c = b.faceAmount().currency();
            out.add(new BondOverview(b, new Money(nz(s[0]), c), new Money(nz(s[1]), c), workers.getOrDefault(b.id(), 0)));
        }
        return out;
    }

    private static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    // --- covered workers

    public void addWorker(Tx tx, long bondId, CoveredWorker w) {
        tx.dsl().insertInto(BOND_WORKER).set(BOND_WORKER.BOND_ID, bondId).set(BOND_WORKER.PERSON_ID, w.personId())
                .set(BOND_WORKER.POSITION_TITLE, w.positionTitle()).set(BOND_WORKER.CONTRACT_START, w.contractStart())
                .set(BOND_WORKER.CONTRACT_END, w.contractEnd())
                .set(BOND_WORKER.MONTHLY_WAGE, w.monthlyWage() == null ? null : w.monthlyWage().amount())
                .set(BOND_WORKER.WAGE_CURRENCY, w.monthlyWage() == null ? null : w.monthlyWage().code())
                .execute();
    }

    public boolean removeWorker(Tx tx, long bondId, long personId) {
        return tx.dsl().deleteFrom(BOND_WORKER).where(BOND_WORKER.BOND_ID.eq(bondId).and(BOND_WORKER.PERSON_ID.eq(personId)))
                .execute() == 1;
    }

    public List<CoveredWorker> workers(Tx tx, long bondId) {
        return tx.dsl().select(BOND_WORKER.PERSON_ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, BOND_WORKER.POSITION_TITLE,
                        BOND_WORKER.CONTRACT_START, BOND_WORKER.CONTRACT_END, BOND_WORKER.MONTHLY_WAGE, BOND_WORKER.WAGE_CURRENCY)
                .from(BOND_WORKER).join(PERSON).on(PERSON.ID.eq(BOND_WORKER.PERSON_ID))
                .where(BOND_WORKER.BOND_ID.eq(bondId)).orderBy(PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.ID)
                .fetch(r -> new CoveredWorker(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7() == null ? null : new Money(r.value7(), Currency.getInstance(r.value8().strip()))));
    }

    /** The bonds (ids) covering a registrant by name. */
    public List<Long> bondsCovering(Tx tx, long personId) {
        return tx.dsl().select(BOND_WORKER.BOND_ID).from(BOND_WORKER).where(BOND_WORKER.PERSON_ID.eq(personId))
                .orderBy(BOND_WORKER.BOND_ID).fetch(BOND_WORKER.BOND_ID);
    }

    /** Names of registrants, for letters and lists (id to "Family, Given"). */
    public Map<Long, String[]> names(Tx tx, List<Long> personIds) {
        Map<Long, String[]> out = new HashMap<>();
        if (!personIds.isEmpty()) {
            tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES).from(PERSON).where(PERSON.ID.in(personIds))
                    .forEach(r -> out.put(r.value1(), new String[] {r.value2(), r.value3()}));
        }
        return out;
    }

    // --- documents

    public long addDocument(Tx tx, long bondId, String title, String mediaType, byte[] content, String user, Instant now) {
        return tx.dsl().insertInto(BOND_DOCUMENT).set(BOND_DOCUMENT.BOND_ID, bondId).set(BOND_DOCUMENT.TITLE, title)
                .set(BOND_DOCUMENT.MEDIA_TYPE, mediaType).set(BOND_DOCUMENT.CONTENT, content)
                .set(BOND_DOCUMENT.ADDED_BY, user).set(BOND_DOCUMENT.ADDED_AT, now.atOffset(ZoneOffset.UTC))
                .returningResult(BOND_DOCUMENT.ID).fetchOne().value1();
    }

    public List<BondDocument> documents(Tx tx, long bondId) {
        return tx.dsl().select(BOND_DOCUMENT.ID, BOND_DOCUMENT.TITLE, BOND_DOCUMENT.MEDIA_TYPE,
                        DSL.field("octet_length({0})", Integer.class, BOND_DOCUMENT.CONTENT), BOND_DOCUMENT.ADDED_BY, BOND_DOCUMENT.ADDED_AT)
                .from(BOND_DOCUMENT).where(BOND_DOCUMENT.BOND_ID.eq(bondId)).orderBy(BOND_DOCUMENT.ID)
                .fetch(r -> new BondDocument(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6().toInstant()));
    }

    public Optional<byte[]> documentContent(Tx tx, long bondId, long documentId) {
        return tx.dsl().select(BOND_DOCUMENT.CONTENT).from(BOND_DOCUMENT)
                .where(BOND_DOCUMENT.ID.eq(documentId).and(BOND_DOCUMENT.BOND_ID.eq(bondId))).fetchOptional(BOND_DOCUMENT.CONTENT);
    }

    /** Bonds in force whose term ends on or before {@code until}. */
    public List<Bond> endingBy(Tx tx, LocalDate until) {
        return list(tx, BOND.STATE.in(BondState.ACTIVE.name(), BondState.PARTIALLY_DRAWN.name(), BondState.EXPIRED.name())
                .and(BOND.TERM_END.le(until)), 10_000);
    }
}
