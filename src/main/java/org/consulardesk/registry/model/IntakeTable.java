package org.consulardesk.registry.model;

import java.util.List;

/** The header and the first rows of an intake file, for the mapping and preview screens. */
public record IntakeTable(List<String> header, List<IntakeRow> rows) {
    public IntakeTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** One row of cells (never null, "" for an empty cell) with its number in the file (the header is 1). */
    public record IntakeRow(int number, List<String> cells) {
        public IntakeRow {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }
}
