package org.consulardesk.registry.model;

/**
 * One line of an intake report. Values are shown to the officer and never logged.
 *
 * @param row         the row number in the file (the header is row 1), 0 for the file as a whole
 * @param column      the source column name, or the field name when there is no column
 * @param duplicate   true for a possible duplicate (a warning the officer decides on), false for an error
 * @param matchingId  the registration it may duplicate, or null
 * @param matchingRow the earlier row of the same file it may duplicate, or 0
 */
public record IntakeIssue(int row, String column, String value, String reason, boolean duplicate, Long matchingId,
                          int matchingRow) {
    public static IntakeIssue error(int row, String column, String value, String reason) {
        return new IntakeIssue(row, column, value, reason, false, null, 0);
    }
}
