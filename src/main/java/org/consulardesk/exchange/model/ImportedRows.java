package org.consulardesk.exchange.model;

import java.util.List;

/** A page of one imported sheet for drill-down: its columns and canonical cell texts. */
public record ImportedRows(String sheet, List<ExportColumn> columns, List<String[]> rows, long total) {
    public ImportedRows {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
