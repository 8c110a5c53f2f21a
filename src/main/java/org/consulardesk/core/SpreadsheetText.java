package org.consulardesk.core;

/** Text for files that spreadsheets open (CSV): never read back as a formula. */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    /**
     * A cell a spreadsheet will show as text: values starting with {@code = + - @} (or a tab or
     * carriage return) would be read as formulas, so they get a leading apostrophe.
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
