package org.consulardesk.bonds.store;

import static org.consulardesk.store.generated.Tables.BOND;
import static org.consulardesk.store.generated.Tables.LEDGER_APPROVAL;
import static org.consulardesk.store.generated.Tables.LEDGER_ENTRY;
import static org.consulardesk.store.generated.Tables.LEDGER_THRESHOLD;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryStatus;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.store.Tx;
import org.jooq.Condition;
import org.jooq.Record;

/**
 * The append-only ledger: this store only inserts entries and approvals, it has no update or
 * delete. Balances are sums over the entries that count (posted, or approved by a second officer).
 */
public final class LedgerStore {
    private static final org.consulardesk.store.generated.tables.LedgerEntry REVERSAL = LEDGER_ENTRY.as("reversal");

    /** What to write; {@code amount} signed, in the bond's currency. */
    public record NewEntry(long bondId, EntryKind kind, Money amount, Money original, BigDecimal rate, Long personId,
                           Long costId, Long claimId, Long reversesId, String memo, boolean needsApproval) {
    }

    public long insert(Tx tx, NewEntry e, String user, Instant now) {
        return tx.dsl().insertInto(LEDGER_ENTRY)
                .set(LEDGER_ENTRY.BOND_ID, e.bondId())
                .set(LEDGER_ENTRY.KIND, e.kind().name())
                .set(LEDGER_ENTRY.AMOUNT, e.amount().amount())
                .set(LEDGER_ENTRY.CURRENCY, e.amount().code())
                .set(LEDGER_ENTRY.ORIGINAL_AMOUNT, e.original() == null ? null : e.original().amount())
                .set(LEDGER_ENTRY.ORIGINAL_CURRENCY, e.original() == null ? null : e.original().code())
                .set(LEDGER_ENTRY.RATE, e.rate())
                .set(LEDGER_ENTRY.PERSON_ID, e.personId())
                .set(LEDGER_ENTRY.COST_ID, e.costId())
                .set(LEDGER_ENTRY.CLAIM_ID, e.claimId())
                .set(LEDGER_ENTRY.REVERSES_ID, e.reversesId())
                .set(LEDGER_ENTRY.MEMO, e.memo())
                .set(LEDGER_ENTRY.NEEDS_APPROVAL, e.needsApproval())
                .set(LEDGER_ENTRY.ENTERED_BY, user)
                .set(LEDGER_ENTRY.ENTERED_AT, now.atOffset(ZoneOffset.UTC))
                .returningResult(LEDGER_ENTRY.ID).fetchOne().value1();
    }

    public void decide(Tx tx, long entryId, boolean approved, String user, Instant now, String reason) {
        tx.dsl().insertInto(LEDGER_APPROVAL).set(LEDGER_APPROVAL.ENTRY_ID, entryId).set(LEDGER_APPROVAL.APPROVED, approved)
                .set(LEDGER_APPROVAL.DECIDED_BY, user).set(LEDGER_APPROVAL.DECIDED_AT, now.atOffset(ZoneOffset.UTC))
                .set(LEDGER_APPROVAL.REASON, reason).execute();
    }

    /** The bond's entries, oldest first. */
    public List<LedgerEntry> entries(Tx tx, long bondId) {
        return select(tx, LEDGER_ENTRY.BOND_ID.eq(bondId));
    }

    public Optional<LedgerEntry> get(Tx tx, long entryId) {
        return select(tx, LEDGER_ENTRY.ID.eq(entryId)).stream().findFirst();
    }

    /** Entries waiting for a second officer, in all bonds. */
    public List<LedgerEntry> pending(Tx tx) {
        return select(tx, LEDGER_ENTRY.NEEDS_APPROVAL.isTrue().and(LEDGER_APPROVAL.ENTRY_ID.isNull()));
    }

    public List<LedgerEntry> ofCost(Tx tx, long costId) {
        return select(tx, LEDGER_ENTRY.COST_ID.eq(costId));
    }

    /**
     * One page of all entries for exports, in id order: entries with an id above {@code afterId},
     * optionally only those of one organisation's bonds or of one bond.
     */
    public List<LedgerEntry> page(Tx tx, long afterId, Long organisationId, Long bondId, int limit) {
        return select(tx, pageCondition(afterId, organisationId, bondId), limit);
    }

    /** How many entries {@link #page} would go through. */
    public long count(Tx tx, Long organisationId, Long bondId) {
        return tx.dsl().fetchCount(LEDGER_ENTRY, pageCondition(0, organisationId, bondId));
    }

    private static Condition pageCondition(long afterId, Long organisationId, Long bondId) {
        Condition where = LEDGER_ENTRY.ID.gt(afterId);
        if (organisationId != null) {
            where = where.and(LEDGER_ENTRY.BOND_ID.in(org.jooq.impl.DSL.select(BOND.ID).from(BOND)
                    .where(BOND.ORGANISATION_ID.eq(organisationId))));
        }
        if (bondId != null) {
            where = where.and(LEDGER_ENTRY.BOND_ID.eq(bondId));
        }
        return where;
    }

    private List<LedgerEntry> select(Tx tx, Condition where) {
        return select(tx, where, Integer.MAX_VALUE);
    }

    private List<LedgerEntry> select(Tx tx, Condition where, int limit) {
        return tx.dsl().select(LEDGER_ENTRY.asterisk(), LEDGER_APPROVAL.APPROVED, LEDGER_APPROVAL.DECIDED_BY,
                        LEDGER_APPROVAL.DECIDED_AT, LEDGER_APPROVAL.REASON, REVERSAL.ID)
                .from(LEDGER_ENTRY)
                .leftJoin(LEDGER_APPROVAL).on(LEDGER_APPROVAL.ENTRY_ID.eq(LEDGER_ENTRY.ID))
                .leftJoin(REVERSAL).on(REVERSAL.REVERSES_ID.eq(LEDGER_ENTRY.ID))
                .where(where).orderBy(LEDGER_ENTRY.ID).limit(limit).fetch(LedgerStore::entry);
    }

    private static LedgerEntry entry(Record r) {
        Currency currency = Currency.getInstance(r.get(LEDGER_ENTRY.CURRENCY).strip());
        Money original = r.get(LEDGER_ENTRY.ORIGINAL_CURRENCY) == null ? null
                : new Money(r.get(LEDGER_ENTRY.ORIGINAL_AMOUNT), Currency.getInstance(r.get(LEDGER_ENTRY.ORIGINAL_CURRENCY).strip()));
        Boolean approved = r.get(LEDGER_APPROVAL.APPROVED);
        boolean needs = Boolean.TRUE.equals(r.get(LEDGER_ENTRY.NEEDS_APPROVAL));
        EntryStatus status = !needs || Boolean.TRUE.equals(approved) ? EntryStatus.POSTED
                : approved == null ? EntryStatus.PENDING : EntryStatus.REJECTED;
        BigDecimal rate = r.get(LEDGER_ENTRY.RATE);
        return new LedgerEntry(r.get(LEDGER_ENTRY.ID), r.get(LEDGER_ENTRY.BOND_ID), EntryKind.valueOf(r.get(LEDGER_ENTRY.KIND)),
                new Money(r.get(LEDGER_ENTRY.AMOUNT), currency), original,
                rate == null ? null : rate.stripTrailingZeros(), r.get(LEDGER_ENTRY.PERSON_ID),
                r.get(LEDGER_ENTRY.COST_ID), r.get(LEDGER_ENTRY.CLAIM_ID), r.get(LEDGER_ENTRY.REVERSES_ID),
                r.get(LEDGER_ENTRY.MEMO), needs, r.get(LEDGER_ENTRY.ENTERED_BY),
                r.get(LEDGER_ENTRY.ENTERED_AT).toInstant(), status, r.get(LEDGER_APPROVAL.DECIDED_BY),
                r.get(LEDGER_APPROVAL.DECIDED_AT) == null ? null : r.get(LEDGER_APPROVAL.DECIDED_AT).toInstant(),
                r.get(LEDGER_APPROVAL.REASON), r.get(REVERSAL.ID));
    }

    // --- approval thresholds

    public Optional<Money> threshold(Tx tx, Currency currency) {
        return tx.dsl().select(LEDGER_THRESHOLD.AMOUNT).from(LEDGER_THRESHOLD)
                .where(LEDGER_THRESHOLD.CURRENCY.eq(currency.getCurrencyCode())).fetchOptional(LEDGER_THRESHOLD.AMOUNT)
                .map(a -> new Money(a.setScale(Money.digits(currency), RoundingMode.UNNECESSARY), currency));
    }

    public List<Money> thresholds(Tx tx) {
        return tx.dsl().selectFrom(LEDGER_THRESHOLD).orderBy(LEDGER_THRESHOLD.CURRENCY).fetch(r -> {
            Currency c = Currency.getInstance(r.getCurrency().strip());
            return new Money(r.getAmount().setScale(Money.digits(c), RoundingMode.UNNECESSARY), c);
        });
    }

    public void putThreshold(Tx tx, Money amount) {
        int updated = tx.dsl().update(LEDGER_THRESHOLD).set(LEDGER_THRESHOLD.AMOUNT, amount.amount())
                .where(LEDGER_THRESHOLD.CURRENCY.eq(amount.code())).execute();
        if (updated == 0) {
            tx.dsl().insertInto(LEDGER_THRESHOLD).set(LEDGER_THRESHOLD.CURRENCY, amount.code())
                    .set(LEDGER_THRESHOLD.AMOUNT, amount.amount()).execute();
        }
    }
}
