package org.consulardesk.exchange.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.exchange.model.Money;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookWriterTest {
    static final List<ExportColumn> COLUMNS = List.of(
            ExportColumn.text("Name", "#affected+name", 20),
            new ExportColumn("Count", ColumnType.INTEGER, "#affected+num", 10),
            new ExportColumn("Share", ColumnType.DECIMAL, null, 10),
            new ExportColumn("Seen", ColumnType.DATE, null, 12),
            new ExportColumn("Bond", ColumnType.MONEY, null, 16),
            new ExportColumn("Active", ColumnType.BOOLEAN, null, 8));

    @TempDir
    Path tmp;

    static WorkbookWriter.Description description(boolean hxl) {
        return new WorkbookWriter.Description("Embassy of Utopia in Nairobi", "KE", "reg-1", "test-profile", "Test",
                Instant.parse("2026-11-25T10:00:00Z"), "h.ashvale", Map.of("city", "Nairobi"), hxl);
    }

    static ExportSheet sheet(int rows) {
        return new ExportSheet("People", COLUMNS, (ctx, sink) -> {
            for (int i = 0; i < rows; i++) {
                sink.row(i == 0 ? "=HYPERLINK(\"http://x\")" : "Quillane " + i, (long) i, new BigDecimal("0.25"),
                        LocalDate.of(2026, 1, 1).plusDays(i), new Money(new BigDecimal("1500.50"), "KES"), i % 2 == 0);
            }
        });
    }

    @Test
    void writesTypedCellsFrozenHeaderFilterHxlAndDescriptionFirst() throws Exception {
        Path out = tmp.resolve("x.xlsx");
        var result = new WorkbookWriter().write(out, description(true), List.of(sheet(3)), null, TestSigners.fresh(),
                false, null, ProgressSink.NONE);
        assertThat(result.rowCounts()).containsExactly(Map.entry("People", 3L));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getSheetName(0)).isEqualTo("About");
            XSSFSheet people = wb.getSheet("People");
            assertThat(people.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Name");
            assertThat(people.getRow(1).getCell(1).getStringCellValue()).isEqualTo("#affected+num");
            var first = people.getRow(2);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(0).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(3))).isTrue();
            assertThat(first.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(1500.50);
            assertThat(first.getCell(4).getCellStyle().getDataFormatString()).contains("KES");
            assertThat(first.getCell(5).getBooleanCellValue()).isTrue();
            assertThat(people.getPaneInformation().isFreezePane()).isTrue();
            assertThat(people.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:F5");
            assertThat(people.getColumnWidth(0)).isEqualTo(20 * 256);
            for (Sheet s : wb) {
                s.forEach(row -> row.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA)));
            }
            Sheet about = wb.getSheet("About");
            assertThat(about.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Embassy of Utopia in Nairobi");
        }
    }

    /** What opening real exports in LibreOffice 7.4 showed wrong (docs/architecture.md, "Checked in LibreOffice"). */
    @Test
    void layoutFixedAfterTheLibreOfficeCheck() throws Exception {
        Path out = tmp.resolve("lo.xlsx");
        new WorkbookWriter().write(out, description(true), List.of(sheet(3)), null, TestSigners.fresh(), false, null,
                ProgressSink.NONE);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            XSSFSheet people = wb.getSheet("People");
            // booleans carry a TRUE/FALSE format (LibreOffice showed 1/0 below the first one otherwise)
            assertThat(people.getRow(3).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("\"TRUE\";\"TRUE\";\"FALSE\"");
            // a column is at least as wide as its header / HXL tag plus the filter button
            assertThat(people.getColumnWidth(5)).isEqualTo(("Active".length() + 3) * 256);
            assertThat(people.getColumnWidth(1)).isEqualTo(("#affected+num".length() + 3) * 256);
            // printing: landscape, header and HXL rows repeated on every page
            assertThat(people.getPrintSetup().getLandscape()).isTrue();
            assertThat(people.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:2"));
            Sheet about = wb.getSheet("About");
            assertThat(about.getRow(13).getCell(1).getCellStyle().getWrapText()).isTrue();
            assertThat(about.getRow(13).getHeightInPoints()).isGreaterThan(30f);
            assertThat(about.getFitToPage()).isTrue();
        }
    }

    @Test
    void splitsSheetsBeforeTheRowLimit() throws Exception {
        Path out = tmp.resolve("split.xlsx");
        var result = new WorkbookWriter(2).write(out, description(false), List.of(sheet(5)), null, TestSigners.fresh(),
                false, null, ProgressSink.NONE);
        assertThat(result.rowCounts()).containsExactly(Map.entry("People", 2L), Map.entry("People 2", 2L),
                Map.entry("People 3", 1L));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(wb.getSheet("People 3").getLastRowNum()).isEqualTo(1);
            assertThat(wb.getSheet("People 2").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Name");
        }
    }

    @Test
    void refusesOverlongTextAndLeavesNoFile() {
        Path out = tmp.resolve("long.xlsx");
        ExportSheet longText = new ExportSheet("People", COLUMNS, (ctx, sink) -> {
            sink.row("fine", 1L, null, null, null, null);
            sink.row("x".repeat(WorkbookWriter.MAX_TEXT + 1), 2L, null, null, null, null);
        });
        UserError e = TestRegistries.userError(() -> new WorkbookWriter().write(out, description(false), List.of(longText),
                null, TestSigners.fresh(), false, null, ProgressSink.NONE));
        assertThat(e.getMessage()).contains("People").contains("row 3").contains("Name").contains("32,767");
        assertThat(TestRegistries.entries(tmp)).isEmpty();
    }

    @Test
    void cancelledExportLeavesNoFile() throws Exception {
        Path out = tmp.resolve("cancel.xlsx");
        Files.writeString(out, "previous export");
        ProgressSink cancelAfterFirstThousand = new ProgressSink() {
            boolean cancelled;

            @Override
            public void progress(long done, long total) {
                cancelled = true;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
        assertThatThrownBy(() -> new WorkbookWriter().write(out, description(false), List.of(sheet(5000)), null,
                TestSigners.fresh(), false, null, cancelAfterFirstThousand)).isInstanceOf(ProgressSink.CancelledException.class);
        assertThat(TestRegistries.entries(tmp)).containsExactly("cancel.xlsx");
        assertThat(Files.readString(out)).isEqualTo("previous export");
    }

    @Test
    void personalDataIsAgileEncryptedAndOpensOnlyWithThePassword() throws Exception {
        Path out = tmp.resolve("enc.xlsx");
        char[] password = "correct horse battery".toCharArray();
        new WorkbookWriter().write(out, description(false), List.of(sheet(3)), null, TestSigners.fresh(), true,
                password, ProgressSink.NONE);
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(out)) {
            in.readNBytes(head, 0, 8);
        }
        assertThat(head).startsWith((byte) 0xD0, (byte) 0xCF, (byte) 0x11, (byte) 0xE0); // OLE2 container, not a zip
        try (Workbook wb = WorkbookFactory.create(out.toFile(), "correct horse battery", true)) {
            assertThat(wb.getSheet("People").getRow(2).getCell(0).getStringCellValue()).isEqualTo("Quillane 1");
        }
        assertThatThrownBy(() -> WorkbookFactory.create(out.toFile(), "wrong password here", true))
                .isInstanceOf(EncryptedDocumentException.class);
        assertThatThrownBy(() -> WorkbookFactory.create(out.toFile(), null, true))
                .isInstanceOf(EncryptedDocumentException.class);
        assertThat(new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Quillane");
    }

    @Test
    void personalDataWithoutPasswordIsRefused() {
        UserError e = TestRegistries.userError(() -> new WorkbookWriter().write(tmp.resolve("p.xlsx"), description(false),
                List.of(sheet(1)), null, TestSigners.fresh(), true, null, ProgressSink.NONE));
        assertThat(e.key()).isEqualTo("error.exchange.passwordRequired");
        assertThat(TestRegistries.entries(tmp)).isEmpty();
    }
}
