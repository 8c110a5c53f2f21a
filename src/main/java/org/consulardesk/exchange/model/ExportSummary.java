package org.consulardesk.exchange.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an export wrote.
 *
 * @param rowCounts data rows per data sheet, in sheet order
 * @param fingerprint the fingerprint of the post key that signed the workbook
 */
public record ExportSummary(Path file, String profile, Map<String, Long> rowCounts, String fingerprint,
                            boolean encrypted) {
    public ExportSummary {
        rowCounts = Map.copyOf(rowCounts);
    }

    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
