package org.consulardesk.exchange.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.model.ExchangeIssue;
import org.consulardesk.exchange.model.KeyTrust;
import org.consulardesk.exchange.model.VerifyReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trip, tampering and hostile files: each refused with a message naming file, sheet, row, column. */
class WorkbookReaderTest {
    static final String DATA = "xl/worksheets/sheet2.xml";
    static final String ABOUT = "xl/worksheets/sheet1.xml";

    @TempDir
    Path tmp;
    Signer signer;
    Path file;

    @BeforeEach
    void write() {
        signer = TestSigners.fresh();
        file = tmp.resolve("nairobi.xlsx");
        new WorkbookWriter().write(file, WorkbookWriterTest.description(true), List.of(WorkbookWriterTest.sheet(3)),
                null, signer, false, null, ProgressSink.NONE);
    }

    VerifyReport verify(Path f, char[] password, List<String[]> rows) {
        return WorkbookReader.verify(f, password, id -> "reg-1".equals(id) ? signer.publicKey() : null,
                (sheet, row, cells) -> rows.add(cells), ProgressSink.NONE);
    }

    VerifyReport verify() {
        return verify(file, null, new ArrayList<>());
    }

    static ExchangeIssue only(VerifyReport report) {
        assertThat(report.issues()).hasSize(1);
        return report.issues().get(0);
    }

    @Test
    void roundTripGivesTheSameTypedValues() {
        List<String[]> rows = new ArrayList<>();
        VerifyReport report = verify(file, null, rows);
        assertThat(report.issues()).isEmpty();
        assertThat(report.trusted()).isTrue();
        assertThat(report.info().post()).isEqualTo("Embassy of Utopia in Nairobi");
        assertThat(report.info().sheets().get(0).rows()).isEqualTo(3);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("=HYPERLINK(\"http://x\")", "0", "0.25", "2026-01-01", "1500.5 KES", "true");
        assertThat(rows.get(2)).containsExactly("Quillane 2", "2", "0.25", "2026-01-03", "1500.5 KES", "true");
    }

    @Test
    void keyIsUnknownOrMismatchedAgainstTheRegisteredOne() {
        VerifyReport unknown = WorkbookReader.verify(file, null, id -> null, WorkbookReader.RowHandler.NONE, ProgressSink.NONE);
        assertThat(unknown.intact()).isTrue();
        assertThat(unknown.trust()).isEqualTo(KeyTrust.UNKNOWN);
        byte[] other = TestSigners.fresh().publicKey();
        VerifyReport mismatch = WorkbookReader.verify(file, null, id -> other, WorkbookReader.RowHandler.NONE, ProgressSink.NONE);
        assertThat(mismatch.trust()).isEqualTo(KeyTrust.MISMATCH);
        assertThat(mismatch.trusted()).isFalse();
    }

    @Test
    void editedCellAfterSigningIsFound() throws IOException {
        ZipEdit.edit(file, DATA, xml -> xml.replace("Quillane 1", "Quillane 9"));
        ExchangeIssue issue = only(verify());
        assertThat(issue.sheet()).isEqualTo("People");
        assertThat(issue.describe()).startsWith("nairobi.xlsx, sheet People: ").contains("changed after signing");
    }

    @Test
    void editedRowCountHashOrSignatureIsFound() throws IOException {
        String about = read(file, ABOUT);
        String hash = about.replaceAll("(?s).*<t>([0-9a-f]{64})</t>.*", "$1");
        ZipEdit.edit(file, ABOUT, xml -> xml.replace(hash, hash.substring(0, 63) + (hash.endsWith("0") ? "1" : "0")));
        assertThat(only(verify()).message()).contains("signature does not match");

        write();
        String sig = read(file, ABOUT).replaceAll("(?s).*<t>Signature</t>.*?<t>([^<]+)</t>.*", "$1");
        char flipped = sig.charAt(5) == 'A' ? 'B' : 'A';
        ZipEdit.edit(file, ABOUT, xml -> xml.replace(sig, sig.substring(0, 5) + flipped + sig.substring(6)));
        assertThat(only(verify()).message()).contains("signature does not match");
    }

    @Test
    void notAZipTruncatedAndMissingFilesAreRefused() throws IOException {
        Path text = tmp.resolve("notes.xlsx");
        Files.writeString(text, "family,given\nQuillane,Mirela\n");
        assertThat(only(verify(text, null, new ArrayList<>())).message()).contains("not a spreadsheet");

        Path truncated = tmp.resolve("truncated.xlsx");
        byte[] all = Files.readAllBytes(file);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        ExchangeIssue issue = only(verify(truncated, null, new ArrayList<>()));
        assertThat(issue.message()).contains("damaged or truncated");
        assertThat(issue.file()).isEqualTo("truncated.xlsx");
    }

    @Test
    void zipBombIsRefused() throws IOException {
        ZipEdit.replace(file, DATA, out -> {
            out.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 60; i++) {
                out.write(spaces);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(only(verify()).message()).contains("zip bomb");
    }

    @Test
    void xmlEntitiesAreRefused() throws IOException {
        ZipEdit.edit(file, DATA, xml -> xml.replaceFirst("<worksheet",
                "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><worksheet")
                .replace("Quillane 1", "&xxe;"));
        ExchangeIssue issue = only(verify());
        assertThat(issue.sheet()).isEqualTo("People");
        assertThat(issue.message()).contains("DOCTYPE");
    }

    @Test
    void hugeSheetIsRefusedWithoutReadingItAll() throws IOException {
        ZipEdit.replace(file, DATA, out -> {
            StringBuilder head = new StringBuilder("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            for (int r = 1; r <= 1_100_000; r++) {
                out.write(("<row r=\"" + r + "\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>").getBytes(StandardCharsets.UTF_8));
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        ExchangeIssue issue = only(verify());
        assertThat(issue.sheet()).isEqualTo("People");
        assertThat(issue.row()).isEqualTo(1);
        assertThat(issue.message()).contains("header");

        write();
        ZipEdit.edit(file, DATA, xml -> xml.replace("<row r=\"5\">", "<row r=\"10000000\">").replace("r=\"A5\"", "r=\"A10000000\""));
        ExchangeIssue far = only(verify());
        assertThat(far.row()).isEqualTo(10_000_000L);
        assertThat(far.message()).contains("1,048,576");
    }

    @Test
    void moreRowsThanDeclaredStopReading() throws IOException {
        ZipEdit.edit(file, DATA, xml -> xml.replace("</sheetData>",
                "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>extra</t></is></c></row></sheetData>"));
        ExchangeIssue issue = only(verify());
        assertThat(issue.row()).isEqualTo(6);
        assertThat(issue.message()).contains("more rows than the 3 declared");
    }

    @Test
    void wrongOrMissingPasswordIsRefused() {
        Path enc = tmp.resolve("full.xlsx");
        new WorkbookWriter().write(enc, WorkbookWriterTest.description(false), List.of(WorkbookWriterTest.sheet(2)),
                null, signer, true, "correct horse battery".toCharArray(), ProgressSink.NONE);
        assertThat(only(verify(enc, "wrong horse battery".toCharArray(), new ArrayList<>())).message()).contains("password is wrong");
        assertThat(only(verify(enc, null, new ArrayList<>())).message()).contains("give its password");
        List<String[]> rows = new ArrayList<>();
        VerifyReport ok = verify(enc, "correct horse battery".toCharArray(), rows);
        assertThat(ok.issues()).isEmpty();
        assertThat(ok.info().encrypted()).isTrue();
        assertThat(rows).hasSize(2);
    }

    @Test
    void missingSheetIsRefused() throws IOException {
        ZipEdit.edit(file, "xl/workbook.xml", xml -> xml.replaceAll("<sheet [^>]*name=\"People\"[^>]*/>", ""));
        ExchangeIssue issue = only(verify());
        assertThat(issue.sheet()).isEqualTo("People");
        assertThat(issue.message()).contains("missing");
    }

    @Test
    void extraColumnsAreRefusedNamingTheColumn() throws IOException {
        ZipEdit.edit(file, DATA, xml -> xml.replaceFirst("</row>(\\s*)<row r=\"4\"",
                "<c r=\"G3\" t=\"inlineStr\"><is><t>extra</t></is></c></row>$1<row r=\"4\""));
        ExchangeIssue issue = only(verify());
        assertThat(issue.describe()).isEqualTo("nairobi.xlsx, sheet People, row 3, column G: a value is outside the declared columns.");
    }

    @Test
    void wrongTypesAreReportedPerCell() throws IOException {
        String xml = read(file, DATA);
        String countCell = xml.replaceAll("(?s).*(<c r=\"B4\"[^>]*>.*?</c>).*", "$1");
        String dateCell = xml.replaceAll("(?s).*(<c r=\"D4\"[^>]*>.*?</c>).*", "$1");
        ZipEdit.edit(file, DATA, x -> x.replace(countCell, "<c r=\"B4\" t=\"inlineStr\"><is><t>seven</t></is></c>")
                .replace(dateCell, "<c r=\"D4\" t=\"inlineStr\"><is><t>yesterday</t></is></c>"));
        VerifyReport report = verify();
        assertThat(report.issues()).extracting(ExchangeIssue::describe).contains(
                "nairobi.xlsx, sheet People, row 4, column B (Count): expected a whole number.",
                "nairobi.xlsx, sheet People, row 4, column D (Seen): expected a date.");
    }

    static String read(Path zip, String entry) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return new String(z.getInputStream(z.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
