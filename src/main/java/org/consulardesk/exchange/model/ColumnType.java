package org.consulardesk.exchange.model;

/**
 * The type of an export column: how its cells are written (dates as dates, numbers as numbers,
 * money as a number with its currency in the cell format) and how import checks them.
 */
public enum ColumnType {
    /** A string cell; never a formula, whatever it starts with. */
    TEXT,
    /** A whole number ({@code Long}, at most 2^53 in magnitude so a spreadsheet keeps it exact). */
    INTEGER,
    /** A decimal number ({@code BigDecimal} or {@code Double}). */
    DECIMAL,
    /** A calendar date ({@code LocalDate}), shown as yyyy-mm-dd. */
    DATE,
    /** An amount with its ISO 4217 currency ({@link Money}). */
    MONEY,
    /** Yes or no ({@code Boolean}). */
    BOOLEAN
}
