package org.consulardesk.exchange.service;

import static org.consulardesk.exchange.service.WorkbookLayout.*;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.temp.AesZipFileZipEntrySource;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExchangeIssue;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.exchange.model.KeyTrust;
import org.consulardesk.exchange.model.SheetInfo;
import org.consulardesk.exchange.model.VerifyReport;
import org.consulardesk.exchange.model.WorkbookInfo;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads and checks an exchange workbook without trusting it: format (zip or agile-encrypted),
 * zip-bomb limits, XML without DOCTYPE or entities, the description sheet, the Ed25519 signature,
 * the key against the post's known key, every declared data sheet (header, HXL row, typed cells,
 * row count, SHA-256 of the canonical content), and no formulas anywhere in the data. Data sheets
 * are streamed (SAX) and rows handed to a {@link RowHandler}; every problem becomes an
 * {@link ExchangeIssue} naming file, sheet, row and column, never a value.
 */
public final class WorkbookReader {
    /** More than a spreadsheet can hold in one sheet. */
    public static final long MAX_ROWS = 1_048_576;
    static final int MAX_ABOUT_ROWS = 2000;
    static final int MAX_ISSUES = 200;
    private static final long MAX_EXACT = 1L << 53;
    private static final Pattern CURRENCY = Pattern.compile("\"([A-Z]{3})\"|\\[\\$([A-Z]{3})\\]");

    static {
        // Zip bombs: refuse entries that expand more than 100x (POI's default) or beyond 4 GB.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(0xFFFFFFFFL);
    }

    /** Receives the rows of the data sheets while they are checked. */
    public interface RowHandler {
        RowHandler NONE = (sheet, row, cells) -> { };

        /** @param cells the canonical text of each cell, in column order */
        void row(SheetInfo sheet, long rowNumber, String[] cells);

        /**
         * Called once the signed description is read and the key compared, before any data row;
         * throw {@link Stop} to end reading here (the report then has no issue from this).
         */
        default void begin(WorkbookInfo info, KeyTrust trust) {
        }

        /** Ends reading without an issue (e.g. an export already imported). */
        final class Stop extends RuntimeException {
            public Stop() {
                super("stop", null, false, false);
            }
        }
    }

    /** An exception of the row handler (e.g. the database): not the file's fault, so passed on. */
    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(RuntimeException cause) {
            super(cause);
        }
    }

    private final String fileName;
    private final List<ExchangeIssue> issues = new ArrayList<>();

    private WorkbookReader(String fileName) {
        this.fileName = fileName;
    }

    /**
     * Checks {@code file}.
     *
     * @param password    for an encrypted workbook, else null
     * @param expectedKey the post key this registry knows for the workbook's post (or one given on
     *                    the command line); null if none
     * @param keyLookup   if {@code expectedKey} is null, looks the key up by the workbook's registry id
     */
    public static VerifyReport verify(Path file, char[] password, java.util.function.Function<String, byte[]> keyLookup,
                                      RowHandler rows, ProgressSink progress) {
        WorkbookReader reader = new WorkbookReader(file.getFileName().toString());
        return reader.run(file, password, keyLookup, rows, progress);
    }

    private VerifyReport run(Path file, char[] password, java.util.function.Function<String, byte[]> keyLookup,
                             RowHandler rows, ProgressSink progress) {
        WorkbookInfo info = null;
        KeyTrust trust = KeyTrust.UNKNOWN;
        try (Opened opened = open(file, password)) {
            XSSFReader xssf = new XSSFReader(opened.pkg);
            StylesTable styles = xssf.getStylesTable();
            ReadOnlySharedStringsTable strings = opened.pkg.getPartsByName(Pattern.compile("/xl/sharedStrings.xml")).isEmpty()
                    ? null : new ReadOnlySharedStringsTable(opened.pkg, false);
            Map<String, byte[]> sheets = new LinkedHashMap<>();
            List<String> order = new ArrayList<>();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) xssf.getSheetsData();
            Map<String, Integer> positions = new HashMap<>();
            int position = 0;
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    order.add(it.getSheetName());
                    positions.put(it.getSheetName(), position++);
                }
            }
            if (order.isEmpty() || !ABOUT_SHEET.equals(order.get(0))) {
                throw refuse(null, 0, null, "exchange.issue.noAbout", ABOUT_SHEET);
            }
            List<List<String>> about = readAbout(xssf, styles, strings);
            info = describe(about, opened.encrypted);
            byte[] expected = keyLookup == null ? null : keyLookup.apply(info.registryId());
            if (expected == null) {
                trust = KeyTrust.UNKNOWN;
            } else {
                trust = Arrays.equals(expected, info.publicKey()) ? KeyTrust.KNOWN : KeyTrust.MISMATCH;
            }
            try {
                rows.begin(info, trust);
            } catch (RowHandler.Stop stop) {
                throw stop;
            } catch (RuntimeException e) {
                throw new HandlerFailed(e);
            }
            for (String name : order.subList(1, order.size())) {
                if (info.sheets().stream().noneMatch(s -> s.name().equals(name))) {
                    throw refuse(name, 0, null, "exchange.issue.extraSheet");
                }
            }
            long total = info.totalRows();
            long[] done = {0};
            for (SheetInfo sheet : info.sheets()) {
                if (!positions.containsKey(sheet.name())) {
                    throw refuse(sheet.name(), 0, null, "exchange.issue.missingSheet");
                }
                readSheet(xssf, sheet, positions.get(sheet.name()), info.hxl(), styles, strings, rows, progress, done, total);
            }
        } catch (Refused r) {
            issues.add(r.issue);
        } catch (RowHandler.Stop stop) {
            // the handler has what it needs
        } catch (HandlerFailed e) {
            throw (RuntimeException) e.getCause();
        } catch (ProgressSink.CancelledException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            issues.add(issue(null, 0, null, "exchange.issue.password"));
        } catch (NotOfficeXmlFileException | ZipException | EOFException e) {
            issues.add(issue(null, 0, null, "exchange.issue.damaged"));
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            issues.add(issue(null, 0, null, isBomb(e) ? "exchange.issue.bomb" : "exchange.issue.damaged"));
        }
        return new VerifyReport(fileName, info, trust, issues);
    }

    private static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (t.getMessage().contains("Zip bomb") || t.getMessage().contains("exceeds the max"))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- opening

    private static final class Opened implements AutoCloseable {
        final OPCPackage pkg;
        final boolean encrypted;
        final AesZipFileZipEntrySource source;

        Opened(OPCPackage pkg, boolean encrypted, AesZipFileZipEntrySource source) {
            this.pkg = pkg;
            this.encrypted = encrypted;
            this.source = source;
        }

        @Override
        public void close() throws IOException {
            pkg.revert();
            if (source != null) {
                source.close();
            }
        }
    }

    private Opened open(Path file, char[] password) throws IOException, InvalidFormatException {
        if (!Files.isRegularFile(file)) {
            throw refuse(null, 0, null, "exchange.issue.notFound");
        }
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 8);
        }
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return new Opened(OPCPackage.open(file.toFile(), PackageAccess.READ), false, null);
        }
        if (read == 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && head[2] == 0x11 && (head[3] & 0xff) == 0xE0) {
            if (password == null || password.length == 0) {
                throw refuse(null, 0, null, "exchange.issue.needsPassword");
            }
            try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
                EncryptionInfo info = new EncryptionInfo(fs);
                Decryptor decryptor = Decryptor.getInstance(info);
                if (!decryptor.verifyPassword(new String(password))) {
                    throw refuse(null, 0, null, "exchange.issue.password");
                }
                // Decrypted into a temporary zip that is itself encrypted with a throw-away key.
                try (InputStream plain = decryptor.getDataStream(fs)) {
                    AesZipFileZipEntrySource source = AesZipFileZipEntrySource.createZipEntrySource(plain);
                    return new Opened(OPCPackage.open(source), true, source);
                }
            } catch (GeneralSecurityException e) {
                throw refuse(null, 0, null, "exchange.issue.password");
            } catch (IOException | RuntimeException e) {
                if (e instanceof Refused r) {
                    throw r;
                }
                throw refuse(null, 0, null, "exchange.issue.damaged");
            }
        }
        throw refuse(null, 0, null, "exchange.issue.notWorkbook");
    }

    // ---------------------------------------------------------------- description sheet

    private List<List<String>> readAbout(XSSFReader xssf, StylesTable styles, ReadOnlySharedStringsTable strings)
            throws IOException, OpenXML4JException, SAXException {
        List<List<String>> rows = new ArrayList<>();
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) xssf.getSheetsData();
        try (InputStream in = it.next()) {
            parse(in, new CellHandler(styles, strings, ABOUT_SHEET) {
                @Override
                void row(long rowNumber, Map<Integer, RawCell> cells) {
                    if (rows.size() >= MAX_ABOUT_ROWS) {
                        throw refuse(ABOUT_SHEET, rowNumber, null, "exchange.issue.aboutTooLong");
                    }
                    List<String> values = new ArrayList<>();
                    int last = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
                    for (int c = 0; c <= last; c++) {
                        RawCell cell = cells.get(c);
                        if (cell == null) {
                            values.add("");
                        } else if (cell.kind == Kind.NUMBER) {
                            double d = Double.parseDouble(cell.value);
                            values.add(d == Math.rint(d) && Math.abs(d) < MAX_EXACT ? Long.toString((long) d) : cell.value);
                        } else {
                            values.add(cell.value);
                        }
                    }
                    rows.add(values);
                }
            }, ABOUT_SHEET);
        }
        return rows;
    }

    private WorkbookInfo describe(List<List<String>> rows, boolean encrypted) {
        Map<String, String> values = new HashMap<>();
        List<SheetInfo> sheets = new ArrayList<>();
        List<List<Object>> signed = new ArrayList<>();
        String signature = null;
        for (List<String> row : rows) {
            if (row.isEmpty()) {
                continue;
            }
            String key = row.get(0);
            if (K_SIGNATURE.equals(key)) {
                signature = row.size() > 1 ? row.get(1) : "";
                continue;
            }
            if (!SIGNED.contains(key)) {
                continue;
            }
            List<String> trimmed = new ArrayList<>(row);
            while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1).isEmpty()) {
                trimmed.remove(trimmed.size() - 1);
            }
            signed.add(new ArrayList<>(trimmed));
            if (K_SHEET.equals(key)) {
                if (trimmed.size() != 5) {
                    throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.aboutBroken", K_SHEET);
                }
                try {
                    List<ExportColumn> columns = new ArrayList<>();
                    for (String spec : trimmed.get(4).split(";")) {
                        columns.add(ExportColumn.parseSpec(spec));
                    }
                    sheets.add(new SheetInfo(trimmed.get(1), Long.parseLong(trimmed.get(2)), trimmed.get(3), columns));
                } catch (IllegalArgumentException e) {
                    throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.aboutBroken", K_SHEET);
                }
            } else if (values.putIfAbsent(key, trimmed.size() > 1 ? trimmed.get(1) : "") != null) {
                throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.aboutBroken", key);
            }
        }
        if (!FORMAT.equals(values.get(K_FORMAT))) {
            throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.notExchange");
        }
        int schema;
        try {
            schema = Integer.parseInt(values.getOrDefault(K_SCHEMA, ""));
        } catch (NumberFormatException e) {
            throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.aboutBroken", K_SCHEMA);
        }
        if (schema < OLDEST_SCHEMA_VERSION || schema > SCHEMA_VERSION) {
            throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.schema", schema, SCHEMA_VERSION);
        }
        for (String key : List.of(K_POST, K_REGISTRY, K_PROFILE, K_CREATED_AT, K_CREATED_BY, K_FINGERPRINT, K_PUBLIC_KEY)) {
            if (values.getOrDefault(key, "").isBlank()) {
                throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.aboutBroken", key);
            }
        }
        if (signature == null || signature.isBlank()) {
            throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.unsigned");
        }
        if (sheets.isEmpty()) {
            throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.aboutBroken", K_SHEET);
        }
        byte[] publicKey;
        byte[] signatureBytes;
        try {
            publicKey = Base64.getDecoder().decode(values.get(K_PUBLIC_KEY));
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.badSignature");
        }
        if (!PostKeys.sameFingerprint(PostKeys.fingerprint(publicKey), values.get(K_FINGERPRINT))) {
            throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.badSignature");
        }
        if (!PostKeys.verify(publicKey, WorkbookWriter.signedBytes(signed), signatureBytes)) {
            throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.badSignature");
        }
        Instant created;
        try {
            created = Instant.parse(values.get(K_CREATED_AT));
        } catch (RuntimeException e) {
            throw refuse(ABOUT_SHEET, 0, null, "exchange.issue.aboutBroken", K_CREATED_AT);
        }
        return new WorkbookInfo(schema, values.get(K_POST), values.get(K_COUNTRY), values.get(K_REGISTRY),
                values.get(K_PROFILE), values.get(K_PROFILE_TITLE), created, values.get(K_CREATED_BY),
                values.get(K_FILTERS), "yes".equals(values.get(K_HXL)), sheets, values.get(K_FINGERPRINT), publicKey,
                encrypted);
    }

    // ---------------------------------------------------------------- data sheets

    private void readSheet(XSSFReader xssf, SheetInfo sheet, int position, boolean hxl, StylesTable styles,
                           ReadOnlySharedStringsTable strings, RowHandler handler, ProgressSink progress, long[] done,
                           long total) throws IOException, OpenXML4JException, SAXException {
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) xssf.getSheetsData();
        InputStream in = null;
        for (int i = 0; i <= position; i++) {
            if (in != null) {
                in.close();
            }
            in = it.next();
        }
        List<ExportColumn> columns = sheet.columns();
        int headerRows = hxl ? 2 : 1;
        Canonical canonical = new Canonical();
        long[] dataRows = {0};
        long[] expectRow = {1};
        try (InputStream data = in) {
            parse(data, new CellHandler(styles, strings, sheet.name()) {
                @Override
                void row(long rowNumber, Map<Integer, RawCell> cells) {
                    if (rowNumber != expectRow[0]) {
                        throw refuse(sheet.name(), rowNumber, null, "exchange.issue.rowGap", expectRow[0]);
                    }
                    expectRow[0]++;
                    for (Integer c : cells.keySet()) {
                        if (c >= columns.size() && !cells.get(c).value.isEmpty()) {
                            throw refuse(sheet.name(), rowNumber, column(c, null), "exchange.issue.extraColumn");
                        }
                    }
                    if (rowNumber <= headerRows) {
                        for (int c = 0; c < columns.size(); c++) {
                            ExportColumn col = columns.get(c);
                            String want = rowNumber == 1 ? col.header() : col.hxl() == null ? "" : col.hxl();
                            RawCell cell = cells.get(c);
                            String got = cell == null ? "" : cell.value;
                            if (!want.equals(got) || cell != null && cell.kind != Kind.TEXT) {
                                throw refuse(sheet.name(), rowNumber, column(c, col), "exchange.issue.header", want);
                            }
                            canonical.cell(want);
                        }
                        canonical.endRow();
                        return;
                    }
                    if (++dataRows[0] > sheet.rows()) {
                        throw refuse(sheet.name(), rowNumber, null, "exchange.issue.tooManyRows", sheet.rows());
                    }
                    String[] values = new String[columns.size()];
                    for (int c = 0; c < columns.size(); c++) {
                        values[c] = canonicalCell(sheet.name(), rowNumber, c, columns.get(c), cells.get(c));
                        canonical.cell(values[c]);
                    }
                    canonical.endRow();
                    if (issues.isEmpty()) {
                        try {
                            handler.row(sheet, rowNumber, values);
                        } catch (RuntimeException e) {
                            throw new HandlerFailed(e);
                        }
                    }
                    if (++done[0] % 1000 == 0) {
                        progress.checkCancelled();
                        progress.progress(done[0], total);
                    }
                }
            }, sheet.name());
        }
        if (expectRow[0] <= headerRows) {
            throw refuse(sheet.name(), expectRow[0], null, "exchange.issue.header", columns.get(0).header());
        }
        if (dataRows[0] != sheet.rows()) {
            throw refuse(sheet.name(), 0, null, "exchange.issue.rowCount", dataRows[0], sheet.rows());
        }
        if (!canonical.hex().equals(sheet.sha256())) {
            throw refuse(sheet.name(), 0, null, "exchange.issue.hash");
        }
    }

    private String canonicalCell(String sheet, long row, int c, ExportColumn column, RawCell cell) {
        if (cell == null || cell.kind == Kind.TEXT && cell.value.isEmpty()) {
            return "";
        }
        if (cell.kind == Kind.FORMULA) {
            throw refuse(sheet, row, column(c, column), "exchange.issue.formula");
        }
        ColumnType type = column.type();
        try {
            switch (type) {
                case TEXT -> {
                    if (cell.kind == Kind.TEXT) {
                        return cell.value;
                    }
                }
                case BOOLEAN -> {
                    if (cell.kind == Kind.BOOLEAN) {
                        return "1".equals(cell.value) ? "true" : "false";
                    }
                }
                case INTEGER -> {
                    if (cell.kind == Kind.NUMBER) {
                        double d = Double.parseDouble(cell.value);
                        if (d == Math.rint(d) && Math.abs(d) <= MAX_EXACT) {
                            return Long.toString((long) d);
                        }
                    }
                }
                case DECIMAL -> {
                    if (cell.kind == Kind.NUMBER) {
                        return Canonical.decimal(Double.parseDouble(cell.value));
                    }
                }
                case DATE -> {
                    if (cell.kind == Kind.NUMBER && DateUtil.isValidExcelDate(Double.parseDouble(cell.value))) {
                        LocalDate date = DateUtil.getLocalDateTime(Double.parseDouble(cell.value), false).toLocalDate();
                        return date.toString();
                    }
                }
                case MONEY -> {
                    if (cell.kind == Kind.NUMBER && cell.format != null) {
                        Matcher m = CURRENCY.matcher(cell.format);
                        if (m.find()) {
                            String currency = m.group(1) != null ? m.group(1) : m.group(2);
                            return Canonical.decimal(Double.parseDouble(cell.value)) + " " + currency;
                        }
                    }
                }
                default -> throw new IllegalStateException();
            }
        } catch (NumberFormatException e) {
            // falls through to the type error
        }
        issues.add(issue(sheet, row, column(c, column), "exchange.issue.type",
                Messages.get("exchange.type." + type.name())));
        if (issues.size() >= MAX_ISSUES) {
            throw refuse(sheet, row, null, "exchange.issue.tooManyIssues", MAX_ISSUES);
        }
        return "\u0000invalid";
    }

    private static String column(int c, ExportColumn column) {
        String letter = CellReference.convertNumToColString(c);
        return column == null ? letter : letter + " (" + column.header() + ")";
    }

    private void parse(InputStream in, CellHandler handler, String sheet) throws IOException, SAXException {
        XMLReader xml;
        try {
            xml = SAXHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        xml.setContentHandler(handler);
        try {
            xml.parse(new InputSource(new BoundedStream(in)));
        } catch (SAXException e) {
            if (e.getException() instanceof Refused r) {
                throw r;
            }
            throw refuse(sheet, handler.rowNumber, null, "exchange.issue.xml");
        }
    }

    // ---------------------------------------------------------------- SAX cell reading

    enum Kind { TEXT, NUMBER, BOOLEAN, FORMULA, ERROR }

    static final class RawCell {
        Kind kind;
        String value;
        String format;
    }

    private abstract class CellHandler extends DefaultHandler {
        private final StylesTable styles;
        private final ReadOnlySharedStringsTable strings;
        private final String sheet;
        long rowNumber;
        private Map<Integer, RawCell> cells = new HashMap<>();
        private int column;
        private String type;
        private String style;
        private boolean formula;
        private boolean inValue;
        private boolean inText;
        private final StringBuilder text = new StringBuilder();

        CellHandler(StylesTable styles, ReadOnlySharedStringsTable strings, String sheet) {
            this.styles = styles;
            this.strings = strings;
            this.sheet = sheet;
        }

        abstract void row(long rowNumber, Map<Integer, RawCell> cells);

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (localName) {
                case "row" -> {
                    String r = atts.getValue("r");
                    long next = r == null ? rowNumber + 1 : parseRow(r);
                    if (next > MAX_ROWS) {
                        throw refuse(sheet, next, null, "exchange.issue.tooManyRows", MAX_ROWS);
                    }
                    rowNumber = next;
                    cells = new HashMap<>();
                    column = -1;
                }
                case "c" -> {
                    String ref = atts.getValue("r");
                    column = ref == null ? column + 1 : new CellReference(ref).getCol();
                    if (column < 0 || column > 16_383) {
                        throw refuse(sheet, rowNumber, null, "exchange.issue.xml");
                    }
                    type = atts.getValue("t");
                    style = atts.getValue("s");
                    formula = false;
                    text.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    text.setLength(0);
                }
                case "t" -> inText = true;
                case "f" -> formula = true;
                default -> {
                }
            }
        }

        private long parseRow(String r) {
            try {
                return Long.parseLong(r);
            } catch (NumberFormatException e) {
                throw refuse(sheet, rowNumber, null, "exchange.issue.xml");
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue || inText) {
                if (text.length() + length > WorkbookWriter.MAX_TEXT) {
                    throw refuse(sheet, rowNumber, column(column, null), "exchange.issue.cellTooLong", WorkbookWriter.MAX_TEXT);
                }
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inText = false;
                case "c" -> cells.put(column, cell());
                case "row" -> row(rowNumber, cells);
                default -> {
                }
            }
        }

        private RawCell cell() {
            RawCell cell = new RawCell();
            cell.value = text.toString();
            if (formula) {
                cell.kind = Kind.FORMULA;
            } else if ("inlineStr".equals(type) || "str".equals(type)) {
                cell.kind = Kind.TEXT;
            } else if ("s".equals(type)) {
                cell.kind = Kind.TEXT;
                if (strings == null) {
                    throw refuse(sheet, rowNumber, column(column, null), "exchange.issue.xml");
                }
                try {
                    cell.value = strings.getItemAt(Integer.parseInt(cell.value.strip())).getString();
                } catch (RuntimeException e) {
                    throw refuse(sheet, rowNumber, column(column, null), "exchange.issue.xml");
                }
            } else if ("b".equals(type)) {
                cell.kind = Kind.BOOLEAN;
            } else if ("e".equals(type)) {
                cell.kind = Kind.ERROR;
            } else {
                cell.kind = Kind.NUMBER;
                if (style != null && styles != null) {
                    try {
                        XSSFCellStyle s = styles.getStyleAt(Integer.parseInt(style));
                        cell.format = s == null ? null : s.getDataFormatString();
                    } catch (RuntimeException e) {
                        cell.format = null;
                    }
                }
            }
            return cell;
        }
    }

    /** Stops reading a sheet part whose XML is absurdly large (a bomb that slipped through). */
    private static final class BoundedStream extends FilterInputStream {
        private static final long LIMIT = 8L << 30;
        private long count;

        BoundedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > LIMIT) {
                throw new IOException("Zip bomb detected: sheet too large");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > LIMIT) {
                throw new IOException("Zip bomb detected: sheet too large");
            }
            return n;
        }
    }

    // ---------------------------------------------------------------- issues

    private ExchangeIssue issue(String sheet, long row, String column, String key, Object... args) {
        return new ExchangeIssue(fileName, sheet, row, column, Messages.get(key, args));
    }

    private Refused refuse(String sheet, long row, String column, String key, Object... args) {
        return new Refused(issue(sheet, row, column, key, args));
    }

    /** Stops reading the file: the workbook is refused with this issue. */
    static final class Refused extends RuntimeException {
        final transient ExchangeIssue issue;

        Refused(ExchangeIssue issue) {
            super(issue.message(), null, false, false);
            this.issue = issue;
        }
    }
}
