package org.consulardesk.etd.model;

import java.time.Instant;
import java.util.List;

/**
 * A reconciliation of the blank stock: what was received (expected), what the system says is on hand
 * (of which assigned to someone), issued and spoiled, the physical count when one was typed, and the
 * problems found.
 */
public record StockReport(Instant at, int expected, int onHand, int assigned, int issued, int spoiled, Integer counted,
        List<StockFlag> flags) {
    public StockReport {
        flags = List.copyOf(flags);
    }

    /** received = on hand + issued + spoiled, and the count (if any) agrees with on hand. */
    public boolean balanced() {
        return expected == onHand + issued + spoiled && (counted == null || counted == onHand) && flags.isEmpty();
    }
}
