package org.consulardesk.exchange.service;

import static org.consulardesk.exchange.service.WorkbookLayout.*;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.poifs.crypt.CipherAlgorithm;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.crypt.HashAlgorithm;
import org.apache.poi.poifs.crypt.temp.SXSSFWorkbookWithCustomZipEntrySource;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.consulardesk.core.AtomicFiles;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.exchange.model.Money;

/**
 * Writes one exchange workbook with SXSSF (a bounded window of rows in memory): the description
 * sheet first, then the data sheets with typed cells, frozen header, autofilter, widths, an
 * optional HXL row, split before Excel's row limit, and the integrity block (SHA-256 of each data
 * sheet's canonical content, Ed25519 signature). The file is written to a hidden temporary sibling
 * and moved over the target only when complete: a cancelled or failed export leaves no file.
 * Workbooks with personal data keep even SXSSF's temporary files encrypted (with a throw-away key)
 * and are written with Office agile encryption (AES-256, SHA-512).
 */
public final class WorkbookWriter {
    /** Excel's limit is 1,048,576 rows; a data sheet holds at most this many data rows. */
    public static final int DEFAULT_ROWS_PER_SHEET = 1_000_000;
    /** Excel's limit on the characters in one cell. */
    public static final int MAX_TEXT = 32_767;
    private static final long MAX_EXACT = 1L << 53;
    private static final int WINDOW = 200;
    private static final int PROGRESS_EVERY = 1000;

    /** Everything the description sheet says about the workbook (besides the sheets). */
    public record Description(String post, String country, String registryId, String profile, String profileTitle,
                              Instant createdAt, String createdBy, Map<String, String> filters, boolean hxl) {
        public Description {
            filters = Map.copyOf(filters);
        }

        String filterText() {
            return filters.isEmpty() ? "none" : filters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        }
    }

    /** Data rows per physical data sheet, in order. */
    public record Result(Map<String, Long> rowCounts, String fingerprint) {
    }

    private final int rowsPerSheet;
    private final int schemaVersion;

    public WorkbookWriter() {
        this(DEFAULT_ROWS_PER_SHEET);
    }

    /** For tests: split sheets earlier than Excel's limit. */
    public WorkbookWriter(int rowsPerSheet) {
        this(rowsPerSheet, SCHEMA_VERSION);
    }

    /** For tests: a workbook that states another schema version (as an older or newer build would write it). */
    WorkbookWriter(int rowsPerSheet, int schemaVersion) {
        if (rowsPerSheet < 1 || rowsPerSheet > 1_048_000) {
            throw new IllegalArgumentException("rows per sheet");
        }
        this.rowsPerSheet = rowsPerSheet;
        this.schemaVersion = schemaVersion;
    }

    /**
     * @param password null for an unencrypted workbook; otherwise Office agile encryption. Required
     *                 when {@code personalData}.
     */
    public Result write(Path target, Description description, List<ExportSheet> sheets, ExportContext context,
                        Signer signer, boolean personalData, char[] password, ProgressSink progress) {
        if (personalData && password == null) {
            throw new UserError("error.exchange.passwordRequired");
        }
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        SXSSFWorkbook wb = personalData ? new SXSSFWorkbookWithCustomZipEntrySource() : new SXSSFWorkbook(null, WINDOW, true, false);
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
            Styles styles = new Styles(wb);
            SXSSFSheet about = wb.createSheet(ABOUT_SHEET);
            long expected = 0;
            for (ExportSheet sheet : sheets) {
                long e = sheet.rows().expectedRows(context);
                expected = e < 0 || expected < 0 ? -1 : expected + e;
            }
            Counter counter = new Counter(progress, expected);
            List<SheetResult> results = new ArrayList<>();
            for (ExportSheet sheet : sheets) {
                results.addAll(writeSheet(wb, styles, sheet, context, description.hxl(), counter));
            }
            progress.checkCancelled();
            writeAbout(about, styles, description, results, signer);
            wb.setActiveSheet(0);
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (password == null) {
                    wb.write(out);
                } else {
                    writeEncrypted(wb, out, password);
                }
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            progress.checkCancelled();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            AtomicFiles.forceDirectory(dir);
            Map<String, Long> counts = new LinkedHashMap<>();
            results.forEach(r -> counts.put(r.name, r.rows));
            return new Result(counts, signer.fingerprint());
        } catch (IOException e) {
            throw new UserError(e, "error.exchange.write", target.getFileName());
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // temp files are already disposed
            }
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do; the name starts with a dot and ends with .partial
                }
            }
        }
    }

    private static void writeEncrypted(SXSSFWorkbook wb, OutputStream out, char[] password) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile, CipherAlgorithm.aes256, HashAlgorithm.sha512,
                    -1, -1, null);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(new String(password));
            try (OutputStream os = encryptor.getDataStream(fs)) {
                wb.write(os);
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException("encryption failed", e);
            }
            fs.writeFilesystem(out);
        }
    }

    record SheetResult(String name, String logical, long rows, List<ExportColumn> columns, String sha256) {
    }

    private List<SheetResult> writeSheet(SXSSFWorkbook wb, Styles styles, ExportSheet spec, ExportContext context,
                                         boolean hxl, Counter counter) {
        List<SheetResult> results = new ArrayList<>();
        List<ExportColumn> columns = spec.columns();
        int headerRows = hxl ? 2 : 1;
        class Part {
            SXSSFSheet sheet;
            String name;
            Canonical canonical;
            long rows;
            int index;

            void open(int number) {
                name = number == 1 ? spec.name() : spec.name() + " " + number;
                sheet = wb.createSheet(name);
                canonical = new Canonical();
                rows = 0;
                index = headerRows;
                SXSSFRow header = sheet.createRow(0);
                for (int c = 0; c < columns.size(); c++) {
                    ExportColumn col = columns.get(c);
                    SXSSFCell cell = header.createCell(c);
                    cell.setCellValue(col.header());
                    cell.setCellStyle(styles.header);
                    canonical.cell(col.header());
                    sheet.setColumnWidth(c, displayWidth(col, hxl) * 256);
                }
                canonical.endRow();
                if (hxl) {
                    SXSSFRow tags = sheet.createRow(1);
                    for (int c = 0; c < columns.size(); c++) {
                        String tag = columns.get(c).hxl();
                        if (tag != null) {
                            SXSSFCell cell = tags.createCell(c);
                            cell.setCellValue(tag);
                            cell.setCellStyle(styles.hxl);
                        }
                        canonical.cell(tag);
                    }
                    canonical.endRow();
                }
                sheet.createFreezePane(0, headerRows);
                printSetup(sheet, headerRows, columns.stream().mapToInt(col -> displayWidth(col, hxl)).sum());
            }

            void close() {
                int last = Math.max(headerRows - 1, index - 1);
                sheet.setAutoFilter(new CellRangeAddress(headerRows - 1, last, 0, columns.size() - 1));
                results.add(new SheetResult(name, spec.name(), rows, columns, canonical.hex()));
            }
        }
        Part part = new Part();
        int[] number = {1};
        part.open(1);
        spec.rows().stream(context, values -> {
            if (values.length != columns.size()) {
                throw new IllegalStateException("row has " + values.length + " values, sheet has " + columns.size() + " columns");
            }
            if (part.rows == rowsPerSheet) {
                part.close();
                part.open(++number[0]);
            }
            SXSSFRow row = part.sheet.createRow(part.index);
            for (int c = 0; c < values.length; c++) {
                part.canonical.cell(cell(row, c, columns.get(c), values[c], styles, part.name, part.index + 1));
            }
            part.canonical.endRow();
            part.index++;
            part.rows++;
            counter.add();
        });
        part.close();
        return results;
    }

    /** Writes one typed cell and returns its canonical text. */
    private static String cell(SXSSFRow row, int c, ExportColumn column, Object value, Styles styles, String sheet,
                               int rowNumber) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return "";
        }
        SXSSFCell cell = row.createCell(c);
        try {
            switch (column.type()) {
                case TEXT -> {
                    String text = value.toString();
                    if (text.length() > MAX_TEXT) {
                        throw new UserError("error.exchange.textTooLong", sheet, rowNumber, column.header(), MAX_TEXT);
                    }
                    // A string cell is never evaluated, whatever it starts with (= + - @).
                    cell.setCellValue(text);
                    return text;
                }
                case INTEGER -> {
                    long v = ((Number) value).longValue();
                    if (Math.abs(v) > MAX_EXACT) {
                        throw new UserError("error.exchange.numberTooLarge", sheet, rowNumber, column.header());
                    }
                    cell.setCellValue((double) v);
                    cell.setCellStyle(styles.integer);
                    return Long.toString(v);
                }
                case DECIMAL -> {
                    double d = value instanceof BigDecimal b ? b.doubleValue() : ((Number) value).doubleValue();
                    cell.setCellValue(d);
                    cell.setCellStyle(styles.decimal);
                    return Canonical.decimal(d);
                }
                case DATE -> {
                    LocalDate date = (LocalDate) value;
                    cell.setCellValue(date);
                    cell.setCellStyle(styles.date);
                    return date.toString();
                }
                case MONEY -> {
                    Money money = (Money) value;
                    double d = money.amount().doubleValue();
                    cell.setCellValue(d);
                    cell.setCellStyle(styles.money(money.currency()));
                    return Canonical.decimal(d) + " " + money.currency();
                }
                case BOOLEAN -> {
                    boolean b = (Boolean) value;
                    cell.setCellValue(b);
                    cell.setCellStyle(styles.bool);
                    return Boolean.toString(b);
                }
                default -> throw new IllegalStateException();
            }
        } catch (ClassCastException e) {
            throw new IllegalStateException("column " + column.header() + " expects " + column.type(), e);
        }
    }

    /**
     * The width a column is shown with: at least its header and HXL tag plus room for the autofilter
     * button (LibreOffice showed "Registratio" and "Document numb" with the declared widths alone).
     */
    static int displayWidth(ExportColumn column, boolean hxl) {
        int width = Math.max(column.width(), column.header().length() + 3);
        if (hxl && column.hxl() != null) {
            width = Math.max(width, column.hxl().length() + 3);
        }
        return Math.min(width, 80);
    }

    /** Printing (and PDF): landscape, header rows repeated on every page, narrow sheets fitted to the page width. */
    private static void printSetup(SXSSFSheet sheet, int headerRows, int totalWidth) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sheet.setRepeatingRows(new CellRangeAddress(0, headerRows - 1, -1, -1));
        if (totalWidth <= FIT_WIDTH_CHARS) {
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
        }
    }

    /** Up to this many characters of column width a sheet is printed one page wide. */
    private static final int FIT_WIDTH_CHARS = 200;

    private void writeAbout(SXSSFSheet about, Styles styles, Description d, List<SheetResult> sheets,
                                   Signer signer) {
        List<List<Object>> rows = aboutRows(d, sheets, signer, schemaVersion);
        writeAboutRows(about, styles, rows);
    }

    /** The description and integrity block, row by row (also the sidecar of a CSV export), signed. */
    static List<List<Object>> aboutRows(Description d, List<SheetResult> sheets, Signer signer) {
        return aboutRows(d, sheets, signer, SCHEMA_VERSION);
    }

    private static List<List<Object>> aboutRows(Description d, List<SheetResult> sheets, Signer signer, int schemaVersion) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(TITLE));
        rows.add(List.of(K_FORMAT, FORMAT));
        rows.add(List.of(K_SCHEMA, (long) schemaVersion));
        rows.add(List.of(K_POST, d.post()));
        rows.add(List.of(K_COUNTRY, d.country()));
        rows.add(List.of(K_REGISTRY, d.registryId()));
        rows.add(List.of(K_PROFILE, d.profile()));
        rows.add(List.of(K_PROFILE_TITLE, d.profileTitle()));
        rows.add(List.of(K_CREATED_AT, d.createdAt().toString()));
        rows.add(List.of(K_CREATED_BY, d.createdBy()));
        rows.add(List.of(K_FILTERS, d.filterText()));
        rows.add(List.of(K_HXL, d.hxl() ? "yes" : "no"));
        rows.add(List.of());
        rows.add(List.of(K_VERIFY, Messages.get("exchange.workbook.howToVerify")));
        rows.add(List.of());
        rows.add(List.of(K_SHEETS, "Name", "Rows", "SHA-256", "Columns"));
        for (SheetResult s : sheets) {
            rows.add(List.of(K_SHEET, s.name, s.rows, s.sha256,
                    s.columns.stream().map(ExportColumn::spec).collect(Collectors.joining(";"))));
        }
        rows.add(List.of());
        rows.add(List.of(K_FINGERPRINT, signer.fingerprint()));
        rows.add(List.of(K_PUBLIC_KEY, Base64.getEncoder().encodeToString(signer.publicKey())));
        String signature = Base64.getEncoder().encodeToString(signer.sign(signedBytes(rows)));
        rows.add(List.of(K_SIGNATURE, signature));
        return rows;
    }

    private static void writeAboutRows(SXSSFSheet about, Styles styles, List<List<Object>> rows) {
        int[] widths = {18, 48, 10, 34, 60};
        int r = 0;
        for (List<Object> values : rows) {
            SXSSFRow row = about.createRow(r++);
            int lines = 1;
            for (int c = 1; c < values.size(); c++) {
                lines = Math.max(lines, (values.get(c).toString().length() + widths[c] - 3) / (widths[c] - 2));
            }
            if (lines > 1) {
                // Neither SXSSF nor LibreOffice sizes a row to its wrapped text reliably: set the height.
                row.setHeightInPoints(lines * 15f);
            }
            for (int c = 0; c < values.size(); c++) {
                SXSSFCell cell = row.createCell(c);
                Object v = values.get(c);
                if (v instanceof Long n) {
                    cell.setCellValue(n.doubleValue());
                    cell.setCellStyle(styles.integerLeft);
                } else {
                    cell.setCellValue(v.toString());
                    if (c == 0 || r == 1 || K_SHEETS.equals(values.get(0))) {
                        cell.setCellStyle(styles.header);
                    } else {
                        cell.setCellStyle(styles.wrapped);
                    }
                }
            }
        }
        // Long values (how to verify, key, signature, column specs) wrap inside their cell instead of running
        // over the next columns and pages, as LibreOffice printed them before.
        for (int c = 0; c < widths.length; c++) {
            about.setColumnWidth(c, widths[c] * 256);
        }
        about.getPrintSetup().setLandscape(true);
        about.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        about.setFitToPage(true);
        about.getPrintSetup().setFitWidth((short) 1);
        about.getPrintSetup().setFitHeight((short) 0);
    }

    /** The signed text: every signed row's cells joined by U+001F, rows ended by a line feed. */
    static byte[] signedBytes(List<List<Object>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : rows) {
            if (row.isEmpty() || !SIGNED.contains(row.get(0).toString())) {
                continue;
            }
            text.append(row.stream().map(Object::toString).collect(Collectors.joining("\u001f"))).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final class Counter {
        private final ProgressSink progress;
        private final long expected;
        private long done;

        Counter(ProgressSink progress, long expected) {
            this.progress = progress;
            this.expected = expected;
            progress.checkCancelled();
        }

        void add() {
            if (++done % PROGRESS_EVERY == 0) {
                progress.checkCancelled();
                progress.progress(done, Math.max(expected, done));
            }
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle hxl;
        final CellStyle integer;
        final CellStyle decimal;
        final CellStyle date;
        final CellStyle bool;
        final CellStyle integerLeft;
        final CellStyle wrapped;
        private final Map<String, CellStyle> money = new HashMap<>();
        private final SXSSFWorkbook wb;
        private final DataFormat format;

        Styles(SXSSFWorkbook wb) {
            this.wb = wb;
            this.format = wb.createDataFormat();
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            Font italic = wb.createFont();
            italic.setItalic(true);
            hxl = wb.createCellStyle();
            hxl.setFont(italic);
            integer = style("0");
            decimal = style("0.00####");
            date = style("yyyy-mm-dd");
            // Excel shows a boolean cell as TRUE/FALSE whatever its format; LibreOffice 7.4 showed 1/0 for
            // all but the first boolean cell of a column unless the cell carries this boolean format.
            bool = style("\"TRUE\";\"TRUE\";\"FALSE\"");
            integerLeft = style("0");
            integerLeft.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
            integerLeft.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        }

        private CellStyle style(String pattern) {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(format.getFormat(pattern));
            return style;
        }

        CellStyle money(String currency) {
            return money.computeIfAbsent(currency, c -> style("#,##0.00 \"" + c + "\""));
        }
    }
}
