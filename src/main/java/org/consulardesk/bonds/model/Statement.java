package org.consulardesk.bonds.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An employer's statement: each bond with its ledger and balance, and balances totalled per
 * currency (never across currencies), in the order of the currency codes.
 */
public record Statement(Employer employer, LocalDate asOf, List<Line> bonds, Map<java.util.Currency, Money> totals) {
    public Statement {
        bonds = List.copyOf(bonds);
        java.util.TreeMap<java.util.Currency, Money> sorted =
                new java.util.TreeMap<>(java.util.Comparator.comparing(java.util.Currency::getCurrencyCode));
        sorted.putAll(totals);
        totals = java.util.Collections.unmodifiableSortedMap(sorted);
    }

    public record Line(BondOverview bond, List<LedgerEntry> entries) {
        public Line {
            entries = List.copyOf(entries);
        }
    }
}
