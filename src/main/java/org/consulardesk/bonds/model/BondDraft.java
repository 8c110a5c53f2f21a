package org.consulardesk.bonds.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;

/** What an officer enters to create a bond (or change a draft). */
public record BondDraft(long organisationId, Instrument instrument, String issuer, String reference,
                        BigDecimal faceAmount, Currency currency, Set<Coverage> coverage, boolean pooled,
                        BigDecimal coverPerWorker, LocalDate termStart, LocalDate termEnd, String accessConditions,
                        boolean stateMayDraw, boolean workerMayDraw) {
    public BondDraft {
        coverage = coverage == null ? Set.of() : Set.copyOf(coverage);
    }
}
