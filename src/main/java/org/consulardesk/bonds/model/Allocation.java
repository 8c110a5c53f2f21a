package org.consulardesk.bonds.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One bond's part of an evacuation cost: its evacuated workers, the share in the cost's currency,
 * the charge in the bond's currency (with the rate used, 1 when the same), and how much of the share
 * could not be charged because the bond's available balance was smaller ({@code shortfall}, cost currency).
 */
public record Allocation(long bondId, String bondReference, long organisationId, String organisationName,
                         List<Long> personIds, Money share, Money charge, BigDecimal rate, Money shortfall) {
    public Allocation {
        personIds = List.copyOf(personIds);
    }
}
