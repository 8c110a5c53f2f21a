package org.consulardesk.bonds.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A bond or deposit posted by an employer or agency. Per-worker bonds cover one named worker;
 * pooled bonds cover several and name the cover each covered worker needs ({@code coverPerWorker},
 * in the bond's currency). The face amount is what was agreed; the balance comes from the ledger.
 */
public record Bond(long id, int version, long organisationId, String organisationName, Instrument instrument,
                   String issuer, String reference, Money faceAmount, Set<Coverage> coverage, boolean pooled,
                   BigDecimal coverPerWorker, LocalDate termStart, LocalDate termEnd, String accessConditions,
                   boolean stateMayDraw, boolean workerMayDraw, BondState state, String stateReason, String createdBy,
                   Instant createdAt) {
    public Bond {
        coverage = Set.copyOf(coverage);
    }
}
