package org.consulardesk.bonds.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An employer's statement: each bond with its ledger and balance, and balances totalled per
 * currency (never across currencies).
 */
public record Statement(Employer employer, LocalDate asOf, List<Line> bonds, Map<java.util.Currency, Money> totals) {
    public Statement {
        bonds = List.copyOf(bonds);
        totals = Map.copyOf(totals);
    }

    public record Line(BondOverview bond, List<LedgerEntry> entries) {
        public Line {
            entries = List.copyOf(entries);
        }
    }
}
