package org.consulardesk.registry.model;

import java.util.List;

/** Duplicate candidates found by one stretch of the walk, best first, and where the next stretch starts. */
public record DuplicatePage(List<DuplicateCandidate> candidates, DuplicateCursor next) {
    public DuplicatePage {
        candidates = List.copyOf(candidates);
    }

    /** True while some index was not read to its end: "Look further" may find more. */
    public boolean more() {
        return !next.finished();
    }
}
