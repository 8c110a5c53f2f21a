package org.consulardesk.bonds.model;

import java.util.Currency;
import java.util.List;

/** A claim as first recorded: worker, bond, currency of the amounts, the worker's statement and the items. */
public record NewClaim(long bondId, long personId, Currency currency, String statement, List<ClaimItem> items) {
    public NewClaim {
        items = List.copyOf(items);
    }
}
