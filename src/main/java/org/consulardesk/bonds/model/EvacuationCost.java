package org.consulardesk.bonds.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A cost of an evacuation (a movement, a flight, a bus) and the registrants it moved. Its
 * {@code reference} (e.g. EVC-2026-0003) is what later evacuation operations point at; {@code
 * operationRef} names the operation once there is one. Open until it is allocated to bonds.
 */
public record EvacuationCost(long id, String reference, CostKind kind, String description, LocalDate incurredOn,
                             Money amount, AllocationMethod method, String operationRef, boolean posted,
                             List<Long> personIds) {
    public EvacuationCost {
        personIds = List.copyOf(personIds);
    }
}
