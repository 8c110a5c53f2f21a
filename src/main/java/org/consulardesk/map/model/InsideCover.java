package org.consulardesk.map.model;

import java.util.List;
import org.consulardesk.registry.model.GridCell;

/**
 * Who is inside an area (with its buffer), as counted from the grid (ADR 0057): the cells wholly inside
 * with how many registrants each holds (from the counts kept per cell, no registrant read), and the ids
 * (ascending) of the registrants of cells across the outline that passed the exact test. The names are
 * read a page at a time from these parts, never all at once. {@code boundaryCells} are the fine cells
 * ({@code geo_cell} values) across the outline whose registrants were read, {@code pointsTested} how many
 * registrants were tested one by one (what the count cost).
 */
public record InsideCover(int count, List<Part> cells, List<Long> boundaryIds, List<Long> boundaryCells, int pointsTested) {
    public InsideCover {
        cells = List.copyOf(cells);
        boundaryIds = List.copyOf(boundaryIds);
        boundaryCells = List.copyOf(boundaryCells);
    }

    /** A cell wholly inside and how many registrants it holds. */
    public record Part(GridCell cell, int persons) {
    }
}
