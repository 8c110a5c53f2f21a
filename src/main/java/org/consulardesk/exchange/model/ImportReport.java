package org.consulardesk.exchange.model;

import java.util.List;

/** The outcome for one file: status, what the workbook says about itself (if readable), problems. */
public record ImportReport(String file, ImportStatus status, WorkbookInfo info, List<ExchangeIssue> issues, long rows) {
    public ImportReport {
        issues = List.copyOf(issues);
    }
}
