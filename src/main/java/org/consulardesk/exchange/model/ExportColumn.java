package org.consulardesk.exchange.model;

/**
 * One column of a data sheet.
 *
 * @param header the column title in the sheet (part of the exchange schema, so not translated)
 * @param type   how cells are written and checked
 * @param hxl    the HXL hashtag for humanitarian partners (e.g. {@code #affected+num}), or null
 * @param width  the column width in characters
 */
public record ExportColumn(String header, ColumnType type, String hxl, int width) {
    public ExportColumn {
        if (header == null || header.isBlank() || header.contains(":") || header.contains(";")) {
            throw new IllegalArgumentException("column header must be non-blank without ':' or ';'");
        }
        if (hxl != null && !hxl.matches("#[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*")) {
            throw new IllegalArgumentException("not an HXL hashtag: " + hxl);
        }
        width = Math.max(6, Math.min(width, 80));
    }

    public static ExportColumn text(String header, String hxl, int width) {
        return new ExportColumn(header, ColumnType.TEXT, hxl, width);
    }

    public static ExportColumn of(String header, ColumnType type, String hxl) {
        return new ExportColumn(header, type, hxl, switch (type) {
            case DATE -> 12;
            case INTEGER, BOOLEAN -> 10;
            case DECIMAL, MONEY -> 16;
            case TEXT -> 20;
        });
    }

    /** {@code header:TYPE[:hxl]}, as listed in the workbook's description sheet. */
    public String spec() {
        return header + ":" + type.name() + (hxl == null ? "" : ":" + hxl);
    }

    public static ExportColumn parseSpec(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("bad column spec");
        }
        return new ExportColumn(parts[0], ColumnType.valueOf(parts[1]), parts.length == 3 ? parts[2] : null, 20);
    }
}
