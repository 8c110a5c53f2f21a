package org.consulardesk.exchange.model;

import java.util.List;

/** A data sheet as the description sheet declares it. */
public record SheetInfo(String name, long rows, String sha256, List<ExportColumn> columns) {
    public SheetInfo {
        columns = List.copyOf(columns);
    }
}
