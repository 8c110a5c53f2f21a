package org.consulardesk.exchange.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.ooxml.util.SAXHelper;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExportColumn;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The export and import benchmark (issue 8): the workbook writer and reader against raw POI on the
 * same cells in the same run. Rows have the shape of the full registry profile (28 columns of
 * text, numbers, decimals, dates and booleans), generated in memory so the engines are compared,
 * not the database.
 */
public final class ExchangeBench {
    static final String[] FAMILY = {"Quillane", "Belvaro", "Ashvale", "Orvandel", "Hallowmere", "Marchetti", "Okonkwo",
            "Ndegwa", "Wanjiru", "Castellan"};
    static final String[] GIVEN = {"Ilsa", "Mirela", "Tobiah", "Rasmus", "Alma", "Hesper", "Amani", "Zawadi"};
    static final String[] CITY = {"Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret"};

    /** Time in milliseconds and peak heap in bytes of one measured run. */
    public record Figure(long millis, long peakHeap, long bytes) {
    }

    private ExchangeBench() {
    }

    static Object[] row(long i) {
        int k = (int) (i % 1000);
        return new Object[] {i + 1, FAMILY[k % FAMILY.length], GIVEN[k % GIVEN.length] + " " + GIVEN[(k / 3) % GIVEN.length],
                null, null, k % 2 == 0 ? "F" : "M", "19" + (50 + k % 50) + "-0" + (1 + k % 9) + "-1" + (k % 9),
                "Utopia City", "WORKER", k + " Moi Avenue", "District " + (k % 12), CITY[k % CITY.length], "KE",
                -1.28 + k / 10000.0, 36.81 + k / 10000.0, LocalDate.of(2020, 1, 1).plusDays(k),
                LocalDate.of(2027, 1, 1).plusDays(k), "+2547" + (10000000 + k), "person" + k + "@example.org",
                "UT" + (1000000 + i), LocalDate.of(2028, 1, 1).plusDays(k), k % 7 == 0 ? "OLDER_PERSON" : null,
                k % 5 == 0 ? (long) k : null, k % 3 == 0, k % 4 == 0, null, null, null};
    }

    /** The application's writer: description sheet, typed cells, hashes, Ed25519 signature, atomic move. */
    public static Figure writeWithApp(Path file, long rows) {
        ExportSheet sheet = new ExportSheet(RegistryFullProfile.SHEET, RegistryFullProfile.COLUMNS, (ctx, sink) -> {
            for (long i = 0; i < rows; i++) {
                sink.row(row(i));
            }
        });
        WorkbookWriter.Description d = new WorkbookWriter.Description("Bench post of Utopia", "KE", "bench", "bench",
                "Bench", Instant.now(), "bench", Map.of(), false);
        Signer signer = benchSigner();
        return measure(file, () -> new WorkbookWriter().write(file, d, List.of(sheet), null, signer, false, null, ProgressSink.NONE));
    }

    /** Raw SXSSF: the same cells and cell types, a date style, no description, hash or signature. */
    public static Figure writeRaw(Path file, long rows) {
        return measure(file, () -> {
            try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, false); OutputStream out = Files.newOutputStream(file)) {
                CellStyle date = wb.createCellStyle();
                date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
                List<ExportColumn> columns = RegistryFullProfile.COLUMNS;
                int perSheet = WorkbookWriter.DEFAULT_ROWS_PER_SHEET;
                Sheet sheet = null;
                int r = 0;
                for (long i = 0; i < rows; i++) {
                    if (i % perSheet == 0) {
                        sheet = wb.createSheet("Data " + (i / perSheet + 1));
                        Row header = sheet.createRow(0);
                        for (int c = 0; c < columns.size(); c++) {
                            header.createCell(c).setCellValue(columns.get(c).header());
                        }
                        r = 1;
                    }
                    Row row = sheet.createRow(r++);
                    Object[] values = row(i);
                    for (int c = 0; c < values.length; c++) {
                        Object v = values[c];
                        if (v == null) {
                            continue;
                        }
                        ColumnType type = columns.get(c).type();
                        var cell = row.createCell(c);
                        switch (type) {
                            case TEXT -> cell.setCellValue((String) v);
                            case INTEGER -> cell.setCellValue(((Number) v).doubleValue());
                            case DECIMAL -> cell.setCellValue(v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue());
                            case DATE -> {
                                cell.setCellValue((LocalDate) v);
                                cell.setCellStyle(date);
                            }
                            case BOOLEAN -> cell.setCellValue((Boolean) v);
                            default -> cell.setCellValue(v.toString());
                        }
                    }
                }
                wb.write(out);
                wb.dispose();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The application's reader: every check, canonical hashes, typed values (no database). */
    public static Figure readWithApp(Path file) {
        return measure(file, () -> {
            var report = WorkbookReader.verify(file, null, null, WorkbookReader.RowHandler.NONE, ProgressSink.NONE);
            if (!report.intact()) {
                throw new IllegalStateException("bench workbook does not verify: " + report.issues());
            }
        });
    }

    /** Raw POI event API: XSSFSheetXMLHandler over every sheet with a handler that keeps nothing. */
    public static Figure readRaw(Path file) {
        return measure(file, () -> {
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                var styles = reader.getStylesTable();
                XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
                long[] cells = {0};
                while (it.hasNext()) {
                    try (InputStream in = it.next()) {
                        XMLReader xml = SAXHelper.newXMLReader();
                        xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new XSSFSheetXMLHandler.SheetContentsHandler() {
                            @Override
                            public void startRow(int rowNum) {
                            }

                            @Override
                            public void endRow(int rowNum) {
                            }

                            @Override
                            public void cell(String ref, String value, XSSFComment comment) {
                                cells[0]++;
                            }
                        }, false));
                        xml.parse(new InputSource(in));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Signer benchSigner() {
        var pair = PostKeys.generate();
        byte[] pub = pair.getPublic().getEncoded();
        return new Signer() {
            @Override
            public byte[] publicKey() {
                return pub.clone();
            }

            @Override
            public String fingerprint() {
                return PostKeys.fingerprint(pub);
            }

            @Override
            public byte[] sign(byte[] data) {
                return PostKeys.sign(pair.getPrivate(), data);
            }
        };
    }

    private static Figure measure(Path file, Runnable work) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        work.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        return new Figure(millis, peak, bytes);
    }
}
