package org.consulardesk.bonds.model;

/**
 * A ledger entry with what a register or statement row shows beside it: the bond's reference, its
 * employer and the reference of the evacuation cost the entry charged, if any.
 */
public record LedgerLine(LedgerEntry entry, String bondReference, long organisationId, String organisationName,
                         String costReference) {
}
