package org.consulardesk.bonds.model;

/**
 * A ledger entry with what a register or statement row shows beside it: the bond's reference, its
 * employer, the reference of the evacuation cost the entry charged, if any, and the registration that
 * stands now for the worker the entry names ({@code entry.personId()} itself unless it was merged into
 * another registration since, ADR 0064; null when the entry names no worker).
 */
public record LedgerLine(LedgerEntry entry, String bondReference, long organisationId, String organisationName,
                         String costReference, Long personNow) {

    /** A line whose worker registration is taken as recorded (no merge looked up). */
    public LedgerLine(LedgerEntry entry, String bondReference, long organisationId, String organisationName, String costReference) {
        this(entry, bondReference, organisationId, organisationName, costReference, entry.personId());
    }

    /** The stored worker registration when it was merged into {@link #personNow()} since, else null. */
    public Long mergedFrom() {
        return personNow == null || personNow.equals(entry.personId()) ? null : entry.personId();
    }
}
