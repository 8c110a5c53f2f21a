package org.consulardesk.exchange.model;

/**
 * One problem found in a workbook: where (file, sheet, spreadsheet row number, column) and what.
 * The message never quotes a cell's value.
 *
 * @param sheet  null for a problem with the file as a whole
 * @param row    1-based spreadsheet row, 0 if not about one row
 * @param column e.g. {@code C (Persons)}, or null
 */
public record ExchangeIssue(String file, String sheet, long row, String column, String message) {

    /** One line: {@code file, sheet People, row 12, column C (Persons): message}. */
    public String describe() {
        StringBuilder b = new StringBuilder(file);
        if (sheet != null) {
            b.append(", sheet ").append(sheet);
        }
        if (row > 0) {
            b.append(", row ").append(row);
        }
        if (column != null) {
            b.append(", column ").append(column);
        }
        return b.append(": ").append(message).toString();
    }
}
