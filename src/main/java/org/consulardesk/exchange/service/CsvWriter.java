package org.consulardesk.exchange.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.consulardesk.core.AtomicFiles;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.SpreadsheetText;
import org.consulardesk.core.UserError;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.exchange.model.Money;

/**
 * Writes a profile as CSV for tools that do not read workbooks: one RFC 4180 file per data sheet
 * (UTF-8 with a byte order mark, so Excel reads accents and scripts correctly) and a sidecar
 * {@code NAME.about.csv} with the same description and integrity block as a workbook's About sheet
 * (SHA-256 of each sheet's canonical content, Ed25519 signature). Text cells starting with
 * {@code = + - @} get a leading apostrophe ({@link SpreadsheetText}) so they never become formulas;
 * the hash is over the values before that. CSV cannot be encrypted: {@link ExportService} refuses it
 * for personal-data profiles (ADR 0052). All files are written to hidden {@code .partial} siblings
 * and moved into place only when every one is complete.
 */
public final class CsvWriter {
    private static final char BOM = '\ufeff';
    private static final int PROGRESS_EVERY = 1000;

    /** The files of one CSV export: {@code base.csv} (one sheet) or {@code base-Sheet.csv}, and the sidecar. */
    public static List<Path> files(Path target, List<String> sheetNames) {
        Path dir = target.toAbsolutePath().getParent();
        String base = base(target);
        List<Path> files = new ArrayList<>();
        for (String name : sheetNames) {
            files.add(dir.resolve(sheetNames.size() == 1 ? base + ".csv" : base + "-" + name.replace(' ', '_') + ".csv"));
        }
        files.add(dir.resolve(base + ".about.csv"));
        return files;
    }

    private static String base(Path target) {
        String name = target.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    public WorkbookWriter.Result write(Path target, WorkbookWriter.Description description, List<ExportSheet> sheets,
                                       ExportContext context, Signer signer, ProgressSink progress) {
        List<Path> files = files(target, sheets.stream().map(ExportSheet::name).toList());
        Path dir = files.get(0).getParent();
        List<Path> temps = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            List<WorkbookWriter.SheetResult> results = new ArrayList<>();
            long[] done = {0};
            for (int i = 0; i < sheets.size(); i++) {
                Path temp = Files.createTempFile(dir, "." + files.get(i).getFileName(), ".partial");
                temps.add(temp);
                results.add(writeSheet(temp, sheets.get(i), context, description.hxl(), progress, done));
            }
            progress.checkCancelled();
            List<List<Object>> about = new ArrayList<>(WorkbookWriter.aboutRows(description, results, signer));
            for (int r = 0; r < about.size(); r++) {
                if (!about.get(r).isEmpty() && WorkbookLayout.K_VERIFY.equals(about.get(r).get(0))) {
                    about.set(r, List.of(WorkbookLayout.K_VERIFY, Messages.get("exchange.csv.howToVerify")));
                }
            }
            Path aboutTemp = Files.createTempFile(dir, "." + files.get(files.size() - 1).getFileName(), ".partial");
            temps.add(aboutTemp);
            try (CSVPrinter csv = printer(aboutTemp)) {
                for (List<Object> row : about) {
                    csv.printRecord(row.stream().map(v -> SpreadsheetText.cell(v.toString())).toList());
                }
            }
            progress.checkCancelled();
            for (int i = 0; i < temps.size(); i++) {
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(temps.get(i),
                        java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                move(temps.get(i), files.get(i));
            }
            AtomicFiles.forceDirectory(dir);
            Map<String, Long> counts = new LinkedHashMap<>();
            results.forEach(r -> counts.put(r.name(), r.rows()));
            return new WorkbookWriter.Result(counts, signer.fingerprint());
        } catch (IOException e) {
            throw new UserError(e, "error.exchange.write", target.getFileName());
        } finally {
            for (Path temp : temps) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // hidden .partial file; nothing more to do
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static CSVPrinter printer(Path file) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
        out.write(BOM);
        return new CSVPrinter(out, CSVFormat.RFC4180);
    }

    private static WorkbookWriter.SheetResult writeSheet(Path file, ExportSheet spec, ExportContext context, boolean hxl,
                                                         ProgressSink progress, long[] done) throws IOException {
        List<ExportColumn> columns = spec.columns();
        Canonical canonical = new Canonical();
        long[] rows = {0};
        try (CSVPrinter csv = printer(file)) {
            List<String> header = columns.stream().map(ExportColumn::header).toList();
            header.forEach(canonical::cell);
            canonical.endRow();
            csv.printRecord(header.stream().map(SpreadsheetText::cell).toList());
            if (hxl) {
                List<String> tags = columns.stream().map(c -> c.hxl() == null ? "" : c.hxl()).toList();
                columns.forEach(c -> canonical.cell(c.hxl()));
                canonical.endRow();
                csv.printRecord(tags);
            }
            spec.rows().stream(context, values -> {
                if (values.length != columns.size()) {
                    throw new IllegalStateException("row has " + values.length + " values, sheet has " + columns.size() + " columns");
                }
                List<String> cells = new ArrayList<>(values.length);
                for (int c = 0; c < values.length; c++) {
                    String text = canonicalText(columns.get(c), values[c]);
                    canonical.cell(text);
                    cells.add(columns.get(c).type() == ColumnType.TEXT ? SpreadsheetText.cell(text) : text);
                }
                canonical.endRow();
                try {
                    csv.printRecord(cells);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                rows[0]++;
                if (++done[0] % PROGRESS_EVERY == 0) {
                    progress.checkCancelled();
                    progress.progress(done[0], -1);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return new WorkbookWriter.SheetResult(spec.name(), spec.name(), rows[0], columns, canonical.hex());
    }

    /** The same canonical text a workbook cell of this type hashes to (see {@link Canonical}). */
    static String canonicalText(ExportColumn column, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return "";
        }
        try {
            return switch (column.type()) {
                case TEXT -> value.toString();
                case INTEGER -> Long.toString(((Number) value).longValue());
                case DECIMAL -> Canonical.decimal(value instanceof BigDecimal b ? b.doubleValue() : ((Number) value).doubleValue());
                case DATE -> ((LocalDate) value).toString();
                case MONEY -> Canonical.decimal(((Money) value).amount().doubleValue()) + " " + ((Money) value).currency();
                case BOOLEAN -> Boolean.toString((Boolean) value);
            };
        } catch (ClassCastException e) {
            throw new IllegalStateException("column " + column.header() + " expects " + column.type(), e);
        }
    }
}
