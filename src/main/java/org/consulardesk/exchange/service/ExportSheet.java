package org.consulardesk.exchange.service;

import java.util.List;
import org.consulardesk.exchange.model.ExportColumn;

/**
 * A data sheet of a profile. Its name must be at most 24 characters (the writer appends {@code " 2"},
 * {@code " 3"} ... when a sheet is split before Excel's row limit).
 */
public record ExportSheet(String name, List<ExportColumn> columns, RowSource rows) {
    public ExportSheet {
        if (name == null || name.isBlank() || name.length() > 24 || !name.matches("[A-Za-z0-9 _()-]+")) {
            throw new IllegalArgumentException("sheet name must be 1-24 letters, digits, spaces, _ ( ) -");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a sheet needs columns");
        }
    }

    /**
     * Streams the rows of a sheet: call {@code sink.row(values)} once per row, values in column order
     * ({@code String}, {@code Long}/{@code Integer}, {@code BigDecimal}, {@code LocalDate},
     * {@code Money}, {@code Boolean}, or null for an empty cell). Never collect all rows in memory.
     */
    @FunctionalInterface
    public interface RowSource {
        void stream(ExportContext context, RowSink sink);

        /** The expected number of rows for the progress bar, or -1 if not known cheaply. */
        default long expectedRows(ExportContext context) {
            return -1;
        }
    }

    @FunctionalInterface
    public interface RowSink {
        void row(Object... values);
    }

    /** A row source with a known expected row count. */
    public static RowSource counted(RowSource source, java.util.function.ToLongFunction<ExportContext> count) {
        return new RowSource() {
            @Override
            public void stream(ExportContext context, RowSink sink) {
                source.stream(context, sink);
            }

            @Override
            public long expectedRows(ExportContext context) {
                return count.applyAsLong(context);
            }
        };
    }
}
