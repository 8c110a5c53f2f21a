package org.consulardesk.bonds.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a bond's ledger, never changed once written. {@code amount} is signed (credits
 * positive) and in the bond's currency; {@code original} and {@code rate} are set when the amount was
 * given in another currency ({@code amount = original x rate}). {@code reversedBy} names the
 * counter-entry that reversed this one, if any.
 */
public record LedgerEntry(long id, long bondId, EntryKind kind, Money amount, Money original, BigDecimal rate,
                          Long personId, Long costId, Long claimId, Long reversesId, String memo, boolean needsApproval,
                          String enteredBy, Instant enteredAt, EntryStatus status, String decidedBy, Instant decidedAt,
                          String decisionReason, Long reversedBy) {

    public boolean counts() {
        return status == EntryStatus.POSTED;
    }
}
