package org.consulardesk.bonds.model;

import java.math.BigDecimal;

/** One amount claimed (in the claim's currency); {@code approved} is set by the decision. */
public record ClaimItem(long id, ClaimCategory category, String description, BigDecimal amount, BigDecimal approved) {
    public static ClaimItem of(ClaimCategory category, String description, String amount) {
        return new ClaimItem(0, category, description, new BigDecimal(amount), null);
    }
}
