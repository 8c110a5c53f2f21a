package org.consulardesk.registry.model;

import java.util.List;

/**
 * Two registrations that may be the same person; {@code left} has the lower id.
 *
 * @param score    0..1, higher is more likely the same person
 * @param reasons  strongest first
 */
public record DuplicateCandidate(Person left, Person right, double score, List<DuplicateReason> reasons) {
    public DuplicateCandidate {
        reasons = List.copyOf(reasons);
    }
}
