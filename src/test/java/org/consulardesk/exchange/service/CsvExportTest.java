package org.consulardesk.exchange.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.exchange.model.ExportSummary;
import org.consulardesk.exchange.model.Money;
import org.consulardesk.exercise.service.SampleData;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV output of export profiles: formula-safe cells, BOM, sidecar with the integrity block, no personal data. */
class CsvExportTest {
    static final List<ExportColumn> COLUMNS = List.of(
            ExportColumn.text("Name", "#affected+name", 20),
            new ExportColumn("Count", ColumnType.INTEGER, null, 10),
            new ExportColumn("Latitude", ColumnType.DECIMAL, "#geo+lat", 10),
            new ExportColumn("Seen", ColumnType.DATE, null, 12),
            new ExportColumn("Bond", ColumnType.MONEY, null, 16),
            new ExportColumn("Active", ColumnType.BOOLEAN, null, 8));
    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"y\")", "+44 20 7946 0000", "-2+3", "@SUM(A1)",
            "Quillane, \"Ana\"", "Ødegård");

    @TempDir
    Path tmp;

    static ExportSheet sheet() {
        return new ExportSheet("People", COLUMNS, (ctx, sink) -> {
            for (int i = 0; i < HOSTILE.size(); i++) {
                sink.row(HOSTILE.get(i), (long) i, new BigDecimal("-1.25"), LocalDate.of(2026, 1, 1).plusDays(i),
                        new Money(new BigDecimal("1500.50"), "KES"), i % 2 == 0);
            }
        });
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void cellsNeverBecomeFormulasAndTheFileStartsWithAByteOrderMark() throws IOException {
        Path out = tmp.resolve("people.csv");
        var result = new CsvWriter().write(out, WorkbookWriterTest.description(true), List.of(sheet()), null,
                TestSigners.fresh(), ProgressSink.NONE);
        assertThat(result.rowCounts()).containsExactly(Map.entry("People", 6L));
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = lines(out);
        assertThat(lines.get(0)).isEqualTo("\ufeffName,Count,Latitude,Seen,Bond,Active");
        assertThat(lines.get(1)).isEqualTo("\"#affected+name\",,\"#geo+lat\",,,");
        assertThat(lines.get(2)).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0,-1.25,2026-01-01,1500.5 KES,true");
        assertThat(lines.get(3)).startsWith("'+44 20 7946 0000,1,");
        assertThat(lines.get(4)).startsWith("'-2+3,2,-1.25,");
        assertThat(lines.get(5)).startsWith("'@SUM(A1),3,");
        assertThat(lines.get(6)).startsWith("\"Quillane, \"\"Ana\"\"\",4,");
        assertThat(lines.get(7)).startsWith("Ødegård,5,");
        for (String line : lines.subList(2, lines.size())) {
            assertThat(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                    .doesNotStartWith("\"=");
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("people.csv", "people.about.csv");
        }
    }

    @Test
    void sidecarCarriesTheSameHashAsTheWorkbookAndIsSigned() throws IOException {
        Signer signer = TestSigners.fresh();
        new CsvWriter().write(tmp.resolve("people.csv"), WorkbookWriterTest.description(true), List.of(sheet()), null,
                signer, ProgressSink.NONE);
        Path workbook = tmp.resolve("people.xlsx");
        new WorkbookWriter().write(workbook, WorkbookWriterTest.description(true), List.of(sheet()), null, signer, false,
                null, ProgressSink.NONE);
        String workbookHash = null;
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row row : wb.getSheet("About")) {
                if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("Sheet")) {
                    workbookHash = row.getCell(3).getStringCellValue();
                }
            }
        }
        List<String> about = lines(tmp.resolve("people.about.csv"));
        String hash = workbookHash;
        assertThat(hash).hasSize(64);
        assertThat(about).anySatisfy(l -> assertThat(l).startsWith("Sheet,People,6,")).anySatisfy(l -> assertThat(l).contains(hash));
        assertThat(about).anySatisfy(l -> assertThat(l).startsWith("Key fingerprint," + signer.fingerprint()));
        assertThat(about).anySatisfy(l -> assertThat(l).startsWith("Signature,"));
        assertThat(about).anySatisfy(l -> assertThat(l).startsWith("How to verify,").contains("U+001F"));
    }

    @Test
    void multiSheetProfilesWriteOneFilePerSheet() {
        ExportSheet other = new ExportSheet("Lost or stolen", List.of(ExportColumn.text("Number", null, 12)),
                (ctx, sink) -> sink.row("-UT123"));
        new CsvWriter().write(tmp.resolve("etd"), WorkbookWriterTest.description(false), List.of(sheet(), other), null,
                TestSigners.fresh(), ProgressSink.NONE);
        assertThat(tmp.resolve("etd-People.csv")).exists();
        assertThat(tmp.resolve("etd-Lost_or_stolen.csv")).content(StandardCharsets.UTF_8).isEqualTo("\ufeffNumber\r\n'-UT123\r\n");
        assertThat(tmp.resolve("etd.about.csv")).exists();
    }

    @Test
    void serviceExportsAggregateAsCsvAuditedAndRefusesPersonalData() {
        Path dir = tmp.resolve("registry");
        Path state = tmp.resolve("state");
        try (Session head = create(dir).session()) {
            SampleData.generate(head, 20, 3, ProgressSink.NONE);
        }
        try (Session head = loginHead(dir, state)) {
            ExportService exports = new ExportService(head);
            ExportSummary summary = exports.exportCsv(RegistryAggregateProfile.NAME, Map.of(), true, tmp.resolve("out/totals.csv"),
                    ProgressSink.NONE);
            // Two sheets (totals and crises, schema 2): one CSV file each, named after the sheet.
            assertThat(summary.file()).isEqualTo(tmp.resolve("out/totals-Totals.csv").toAbsolutePath());
            assertThat(tmp.resolve("out/totals-Crises.csv")).exists();
            assertThat(summary.encrypted()).isFalse();
            assertThat(tmp.resolve("out/totals.about.csv")).exists();
            assertThat(head.audit().page(AuditFilter.ALL, 0, 50)).anySatisfy(e -> assertThat(e.detail()).contains("csv"));
            assertThatThrownBy(() -> exports.exportCsv(RegistryFullProfile.NAME, Map.of(), false, tmp.resolve("out/full.csv"),
                    ProgressSink.NONE)).isInstanceOf(UserError.class)
                    .satisfies(e -> assertThat(((UserError) e).key()).isEqualTo("error.exchange.csvPersonalData"));
            assertThat(tmp.resolve("out/full.csv")).doesNotExist();
        }
    }
}
