package org.consulardesk.exchange.model;

import java.util.List;

/**
 * The result of checking one workbook: its description (null if even that could not be read), how
 * its key relates to the known post key, and the problems found. Untampered means no issue and a
 * known key.
 */
public record VerifyReport(String file, WorkbookInfo info, KeyTrust trust, List<ExchangeIssue> issues) {
    public VerifyReport {
        issues = List.copyOf(issues);
    }

    public boolean intact() {
        return info != null && issues.isEmpty();
    }

    public boolean trusted() {
        return intact() && trust == KeyTrust.KNOWN;
    }
}
