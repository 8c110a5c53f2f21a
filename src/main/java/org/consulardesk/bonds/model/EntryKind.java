package org.consulardesk.bonds.model;

/** Kinds of ledger entries; credits add to the balance, debits take from it. */
public enum EntryKind {
    DEPOSIT(true), TOP_UP(true), DRAWDOWN(false), CLAIM_PAYOUT(false), FEE(false), RELEASE(false), FORFEITURE(false),
    REVERSAL(false);

    private final boolean credit;

    EntryKind(boolean credit) {
        this.credit = credit;
    }

    /** Credits add to the balance. A reversal has the opposite sign of the entry it reverses. */
    public boolean credit() {
        return credit;
    }

    /** Money taken out for the purposes of the bond (the bond is then "partially drawn"). */
    public boolean draws() {
        return this == DRAWDOWN || this == CLAIM_PAYOUT || this == FEE;
    }
}
