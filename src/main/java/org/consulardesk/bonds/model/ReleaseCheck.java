package org.consulardesk.bonds.model;

import java.util.List;

/**
 * What stands in the way of returning a bond's balance to the employer: open claims, entries waiting
 * for approval and evacuation costs not yet allocated that moved workers the bond covers.
 */
public record ReleaseCheck(long bondId, Money balance, List<Long> openClaimIds, List<Long> pendingEntryIds,
                           List<String> openCostReferences) {
    public ReleaseCheck {
        openClaimIds = List.copyOf(openClaimIds);
        pendingEntryIds = List.copyOf(pendingEntryIds);
        openCostReferences = List.copyOf(openCostReferences);
    }

    public boolean clear() {
        return openClaimIds.isEmpty() && pendingEntryIds.isEmpty() && openCostReferences.isEmpty();
    }
}
