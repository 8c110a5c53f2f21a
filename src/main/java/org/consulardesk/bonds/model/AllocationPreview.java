package org.consulardesk.bonds.model;

import java.util.List;

/**
 * What posting an evacuation cost would do: the charge to each bond, the workers no bond in force
 * covers, and the part of the cost no bond pays (in the cost's currency), which the state bears.
 */
public record AllocationPreview(EvacuationCost cost, AllocationMethod method, List<Allocation> allocations,
                                List<Long> uncoveredPersonIds, Money unrecovered) {
    public AllocationPreview {
        allocations = List.copyOf(allocations);
        uncoveredPersonIds = List.copyOf(uncoveredPersonIds);
    }
}
