package org.consulardesk.bonds.service;

import java.math.BigDecimal;
import java.util.List;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.Coverage;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.EntryStatus;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.store.LedgerStore;
import org.consulardesk.core.UserError;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * A bond's ledger: deposits, top-ups, drawdowns and fees entered by an officer, reversals by
 * counter-entry, approvals by a second officer, and the approval thresholds. Claim payouts, evacuation
 * drawdowns, releases and forfeitures are posted by their own workflows through the same rules.
 */
public final class LedgerService {
    private final Session session;
    private final LedgerStore store = new LedgerStore();
    private final Ledger ledger;

    public LedgerService(Session session) {
        this.session = session;
        this.ledger = new Ledger(session);
    }

    public List<LedgerEntry> entries(long bondId) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> store.entries(tx, bondId));
    }

    /**
     * Posts a deposit, top-up, drawdown (for a named worker: {@code personId}) or fee. Refused if a
     * debit would take the available balance below zero, or if the currency differs from the bond's
     * and no rate is given.
     */
    public LedgerEntry post(long bondId, EntryRequest request) {
        session.require(Permission.MANAGE_BONDS);
        EntryKind kind = request.kind();
        if (kind != EntryKind.DEPOSIT && kind != EntryKind.TOP_UP && kind != EntryKind.DRAWDOWN && kind != EntryKind.FEE) {
            throw new UserError("error.ledger.kindByWorkflow");
        }
        if (request.amount() == null || request.currency() == null) {
            throw new UserError("error.ledger.amountPositive");
        }
        if (!Money.fits(request.amount(), request.currency()) || request.amount().precision() - request.amount().scale() > 15) {
            throw new UserError("error.bond.amount", request.currency().getCurrencyCode());
        }
        String memo = Ledger.clip(request.memo());
        return session.database().write(tx -> {
            Bond bond = ledger.lock(tx, bondId);
            if (bond.state() == BondState.DRAFT && !kind.credit()) {
                throw new UserError("error.ledger.draftDebit");
            }
            if (bond.state() == BondState.EXPIRED && kind.credit()) {
                throw new UserError("error.ledger.expiredCredit");
            }
            if (kind == EntryKind.DRAWDOWN) {
                if (!bond.stateMayDraw()) {
                    throw new UserError("error.ledger.stateMayNotDraw");
                }
                if (request.personId() == null) {
                    throw new UserError("error.ledger.drawdownPurpose");
                }
                if (!bond.coverage().contains(Coverage.REPATRIATION) && !bond.coverage().contains(Coverage.EVACUATION)
                        && !bond.coverage().contains(Coverage.OTHER_COSTS)) {
                    throw new UserError("error.ledger.notCovered");
                }
            }
            Ledger.Converted c = Ledger.convert(bond, new Money(request.amount(), request.currency()), request.rate());
            Money signed = kind.credit() ? c.amount() : c.amount().negate();
            return ledger.post(tx, bond, kind, signed, c.original(), c.rate(),
                    new Ledger.Links(request.personId(), null, null, null), memo);
        });
    }

    /**
     * Reverses a posted entry with a counter-entry of the opposite amount (the only way to undo one).
     * A reversal that would take the balance below zero is refused like any debit.
     */
    public LedgerEntry reverse(long entryId, String memo) {
        session.require(Permission.MANAGE_BONDS);
        String why = EmployerService.strip(memo);
        if (why == null) {
            throw new UserError("error.ledger.reversalReason");
        }
        return session.database().write(tx -> {
            LedgerEntry original = store.get(tx, entryId).orElseThrow(() -> new UserError("error.ledger.entryNotFound", entryId));
            Bond bond = ledger.lock(tx, original.bondId());
            original = store.get(tx, entryId).orElseThrow();
            if (original.status() != EntryStatus.POSTED) {
                throw new UserError("error.ledger.reverseNotPosted");
            }
            if (original.kind() == EntryKind.REVERSAL || original.kind() == EntryKind.RELEASE
                    || original.kind() == EntryKind.FORFEITURE || original.kind() == EntryKind.CLAIM_PAYOUT) {
                throw new UserError("error.ledger.notReversible");
            }
            if (original.reversedBy() != null) {
                throw new UserError("error.ledger.alreadyReversed", entryId);
            }
            return ledger.post(tx, bond, EntryKind.REVERSAL, original.amount().negate(), null, null,
                    new Ledger.Links(original.personId(), original.costId(), null, entryId), why);
        });
    }

    /** A second officer approves a pending entry; it then counts in the balance. */
    public LedgerEntry approve(long entryId) {
        session.require(Permission.APPROVE_LEDGER);
        return session.database().write(tx -> ledger.decide(tx, entryId, true, null));
    }

    /** A second officer refuses a pending entry (with a reason); it never counts. */
    public LedgerEntry reject(long entryId, String reason) {
        session.require(Permission.APPROVE_LEDGER);
        if (EmployerService.strip(reason) == null) {
            throw new UserError("error.ledger.rejectReason");
        }
        return session.database().write(tx -> ledger.decide(tx, entryId, false, reason));
    }

    /** Entries of all bonds waiting for a second officer. */
    public List<LedgerEntry> pending() {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(store::pending);
    }

    public List<Money> thresholds() {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(store::thresholds);
    }

    /** Entries above {@code amount} in its currency will need a second officer. */
    public void setThreshold(Money amount) {
        session.require(Permission.APPROVE_LEDGER);
        if (amount.amount().signum() < 0) {
            throw new UserError("error.ledger.amountPositive");
        }
        session.database().write(tx -> {
            store.putThreshold(tx, amount);
            session.audit().record(tx, AuditEvent.on("LEDGER_THRESHOLD_SET", "ledger_threshold", amount.code(), "amount")
                    .withDetail(amount.toString()));
            return null;
        });
    }

}
