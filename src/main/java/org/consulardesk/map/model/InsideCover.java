package org.consulardesk.map.model;

import java.util.List;
import org.consulardesk.registry.model.GridCell;

/**
 * Who is inside an area (with its buffer), as counted from the grid (ADR 0057): the cells wholly inside
 * with how many registrants each holds (from the counts kept per cell, no registrant read), and the ids
 * (ascending) of the registrants of cells across the outline that passed the exact test. The names are
 * read a page at a time from these parts, never all at once. {@code boundaryCells} and {@code pointsTested}
 * say what the count cost: fine cells across the outline whose registrants were read, and how many
 * registrants were tested one by one.
 */
public record InsideCover(int count, List<Part> cells, List<Long> boundaryIds, int boundaryCells, int pointsTested) {
    public InsideCover {
        cells = List.copyOf(cells);
        boundaryIds = List.copyOf(boundaryIds);
    }

    /** A cell wholly inside and how many registrants it holds. */
    public record Part(GridCell cell, int persons) {
    }
}
