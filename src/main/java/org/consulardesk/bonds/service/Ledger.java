package org.consulardesk.bonds.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.ClaimStatus;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryStatus;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.store.BondStore;
import org.consulardesk.bonds.store.ClaimStore;
import org.consulardesk.bonds.store.LedgerStore;
import org.consulardesk.core.UserError;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.Tx;

/**
 * The rules every posting follows, inside the caller's write transaction: the bond's row is locked
 * first so postings to one bond queue; the balance is derived from the entries; a debit may not take
 * the available balance (posted balance less debits waiting for approval) below zero; amounts are in
 * the bond's currency, converted only with a recorded rate; entries above the currency's threshold
 * (every entry when none is set) wait for a second officer. Each entry is audited.
 */
final class Ledger {
    private final Session session;
    private final BondStore bonds = new BondStore();
    private final LedgerStore ledger = new LedgerStore();
    private final ClaimStore claims = new ClaimStore();

    Ledger(Session session) {
        this.session = session;
    }

    /** What one posting is about besides kind and amount. */
    record Links(Long personId, Long costId, Long claimId, Long reversesId) {
        static final Links NONE = new Links(null, null, null, null);
    }

    /** Locks the bond (any version) and returns it, or fails if it does not exist. */
    Bond lock(Tx tx, long bondId) {
        if (!bonds.lock(tx, bondId, -1)) {
            throw new UserError("error.bond.notFound", bondId);
        }
        return bonds.get(tx, bondId).orElseThrow();
    }

    BondOverview overview(Tx tx, Bond bond) {
        return bonds.overviews(tx, List.of(bond)).get(0);
    }

    /**
     * Converts a positive amount given in {@code given}'s currency into the bond's currency. Same
     * currency: as it is (no rate allowed). Other currency: only with a positive rate, recorded.
     */
    static Converted convert(Bond bond, Money given, BigDecimal rate) {
        if (given.amount().signum() <= 0) {
            throw new UserError("error.ledger.amountPositive");
        }
        if (given.currency().equals(bond.faceAmount().currency())) {
            if (rate != null && rate.compareTo(BigDecimal.ONE) != 0) {
                throw new UserError("error.ledger.rateSameCurrency");
            }
            return new Converted(given, null, null);
        }
        if (rate == null || rate.signum() <= 0) {
            throw new UserError("error.ledger.rateRequired", given.code(), bond.faceAmount().code());
        }
        if (rate.scale() > 8 || rate.precision() - rate.scale() > 11) {
            throw new UserError("error.ledger.rateInvalid");
        }
        Money converted = Money.rounded(given.amount().multiply(rate), bond.faceAmount().currency());
        if (converted.amount().signum() <= 0) {
            throw new UserError("error.ledger.amountPositive");
        }
        return new Converted(converted, given, rate);
    }

    record Converted(Money amount, Money original, BigDecimal rate) {
    }

    /**
     * Posts one entry to a locked bond. {@code signed} is in the bond's currency; {@code original}
     * and {@code rate} record a conversion.
     */
    LedgerEntry post(Tx tx, Bond bond, EntryKind kind, Money signed, Money original, BigDecimal rate, Links links,
                     String memo) {
        if (signed.isZero()) {
            throw new UserError("error.ledger.amountPositive");
        }
        if (!signed.currency().equals(bond.faceAmount().currency())) {
            throw new UserError("error.ledger.currencyMismatch", signed.code(), bond.faceAmount().code());
        }
        if (bond.state().closed()) {
            throw new UserError("error.bond.closed", Messages.state(bond.state()));
        }
        BondOverview now = overview(tx, bond);
        if (signed.isNegative() && now.available().plus(signed).isNegative()) {
            throw new UserError("error.ledger.belowZero", now.available().toString(), signed.abs().toString());
        }
        boolean needsApproval = needsApproval(tx, signed.abs());
        long id = ledger.insert(tx, new LedgerStore.NewEntry(bond.id(), kind, signed, original, rate, links.personId(),
                links.costId(), links.claimId(), links.reversesId(), clip(memo), needsApproval), session.user().username(),
                session.now());
        session.audit().record(tx, AuditEvent.on(needsApproval ? "LEDGER_ENTRY_PENDING" : "LEDGER_ENTRY_POSTED", "bond",
                bond.id(), "kind", "amount").withDetail("entry " + id + " " + kind + " " + signed
                + (original == null ? "" : " from " + original + " at " + rate.toPlainString())));
        LedgerEntry entry = ledger.get(tx, id).orElseThrow();
        if (!needsApproval) {
            afterPosted(tx, entry);
        }
        return entry;
    }

    /** Entries above the threshold of their currency need a second officer; with no threshold, all do. */
    boolean needsApproval(Tx tx, Money amount) {
        Optional<Money> threshold = ledger.threshold(tx, amount.currency());
        return threshold.isEmpty() || amount.compareTo(threshold.get()) > 0;
    }

    /** A second officer's decision on a pending entry; posting effects follow an approval. */
    LedgerEntry decide(Tx tx, long entryId, boolean approve, String reason) {
        LedgerEntry entry = ledger.get(tx, entryId).orElseThrow(() -> new UserError("error.ledger.entryNotFound", entryId));
        Bond bond = lock(tx, entry.bondId());
        entry = ledger.get(tx, entryId).orElseThrow();
        if (entry.status() != EntryStatus.PENDING) {
            throw new UserError("error.ledger.notPending", entryId);
        }
        if (entry.enteredBy().equals(session.user().username())) {
            throw new UserError("error.ledger.sameOfficer");
        }
        if (approve && bond.state().closed()) {
            throw new UserError("error.bond.closed", Messages.state(bond.state()));
        }
        if (approve && entry.amount().isNegative()) {
            BondOverview now = overview(tx, bond);
            // The entry is already reserved in the pending debits; what is posted must still cover it.
            if (now.balance().plus(entry.amount()).isNegative()) {
                throw new UserError("error.ledger.belowZero", now.balance().toString(), entry.amount().abs().toString());
            }
        }
        ledger.decide(tx, entryId, approve, session.user().username(), session.now(), clip(reason));
        session.audit().record(tx, AuditEvent.on(approve ? "LEDGER_ENTRY_APPROVED" : "LEDGER_ENTRY_REJECTED", "bond",
                bond.id(), "approval").withDetail("entry " + entryId + " " + entry.kind() + " " + entry.amount()));
        LedgerEntry decided = ledger.get(tx, entryId).orElseThrow();
        if (approve) {
            afterPosted(tx, decided);
        } else if (decided.claimId() != null && decided.kind() == EntryKind.CLAIM_PAYOUT) {
            claims.setStatus(tx, decided.claimId(), ClaimStatus.APPROVED);
        }
        return decided;
    }

    /** What a posting changes besides the balance: bond state, a claim paid. */
    private void afterPosted(Tx tx, LedgerEntry entry) {
        Bond bond = bonds.get(tx, entry.bondId()).orElseThrow();
        switch (entry.kind()) {
            case RELEASE -> setState(tx, bond, BondState.RELEASED, entry.memo());
            case FORFEITURE -> setState(tx, bond, BondState.FORFEITED, entry.memo());
            default -> refreshDrawn(tx, bond);
        }
        if (entry.kind() == EntryKind.CLAIM_PAYOUT && entry.claimId() != null) {
            claims.setStatus(tx, entry.claimId(), ClaimStatus.PAID);
            session.audit().record(tx, AuditEvent.on("CLAIM_PAID", "bond_claim", entry.claimId(), "status")
                    .withDetail("entry " + entry.id()));
        }
    }

    /** Active until money is drawn for the bond's purposes (net of reversals), partially drawn after. */
    void refreshDrawn(Tx tx, Bond bond) {
        if (!bond.state().inForce()) {
            return;
        }
        List<LedgerEntry> entries = ledger.entries(tx, bond.id());
        BigDecimal drawn = BigDecimal.ZERO;
        for (LedgerEntry e : entries) {
            if (!e.counts()) {
                continue;
            }
            if (e.kind().draws()) {
                drawn = drawn.add(e.amount().amount());
            } else if (e.kind() == EntryKind.REVERSAL && e.reversesId() != null) {
                EntryKind reversed = entries.stream().filter(o -> o.id() == e.reversesId()).findFirst()
                        .map(LedgerEntry::kind).orElse(EntryKind.DEPOSIT);
                if (reversed.draws()) {
                    drawn = drawn.add(e.amount().amount());
                }
            }
        }
        BondState next = drawn.signum() == 0 ? BondState.ACTIVE : BondState.PARTIALLY_DRAWN;
        if (next != bond.state()) {
            setState(tx, bond, next, null);
        }
    }

    void setState(Tx tx, Bond bond, BondState state, String reason) {
        bonds.setState(tx, bond.id(), state, clip(reason));
        session.audit().record(tx, AuditEvent.on("BOND_STATE_CHANGED", "bond", bond.id(), "state")
                .withDetail(bond.state() + " -> " + state));
    }

    static String clip(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    static BigDecimal scaleTo(BigDecimal amount, java.util.Currency currency) {
        return amount.setScale(Money.digits(currency), RoundingMode.HALF_EVEN);
    }

    /** Localised names for messages. */
    static final class Messages {
        private Messages() {
        }

        static String state(BondState state) {
            return org.consulardesk.core.Messages.get("bonds.state." + state.name());
        }
    }
}
