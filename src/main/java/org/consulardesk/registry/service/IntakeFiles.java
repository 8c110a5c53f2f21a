package org.consulardesk.registry.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;

/**
 * Reads the rows of an intake file (CSV or XLSX) as strings, one row at a time, so a large file
 * never sits in memory. Every failure is a {@link UserError} naming the file (and line or cell);
 * cell values never appear in these messages.
 */
public final class IntakeFiles {
    /** Files above this size are refused before reading. */
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;
    /** Files with more rows (header included) are refused. */
    public static final int DEFAULT_MAX_ROWS = 1_000_000;

    /** Receives each row (the header first) with its number in the file, counting from 1. */
    @FunctionalInterface
    public interface RowHandler {
        /** @return false to stop reading (a preview needs only the first rows) */
        boolean row(int number, List<String> cells);
    }

    /** Size and row limits; tests make them small. */
    public record Limits(long maxBytes, int maxRows) {
        public static final Limits DEFAULT = new Limits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS);
    }

    private IntakeFiles() {
    }

    /** Reads {@code file}, choosing the format by its content (an XLSX is a zip) and name. */
    public static void read(Path file, Limits limits, ProgressSink progress, RowHandler handler) {
        String name = file.getFileName().toString();
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new UserError("error.intake.notFound", file);
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new UserError("error.intake.unreadable", name);
        }
        if (size > limits.maxBytes()) {
            throw new UserError("error.intake.tooLarge", name, size / (1024 * 1024), limits.maxBytes() / (1024 * 1024));
        }
        if (size == 0) {
            throw new UserError("error.intake.empty", name);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || startsWithZip(file)) {
            XlsxIntakeReader.read(file, limits, progress, handler);
        } else if (lower.endsWith(".xls")) {
            throw new UserError("error.intake.oldExcel", name);
        } else {
            CsvIntakeReader.read(file, limits, progress, handler);
        }
    }

    private static boolean startsWithZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            throw new UserError("error.intake.unreadable", file.getFileName());
        }
    }

    static void checkRows(int number, Limits limits, String name) {
        if (number > limits.maxRows()) {
            throw new UserError("error.intake.tooManyRows", name, limits.maxRows());
        }
    }
}
