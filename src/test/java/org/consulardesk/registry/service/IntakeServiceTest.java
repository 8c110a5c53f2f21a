package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.registry.model.ColumnMapping;
import org.consulardesk.registry.model.IntakeAnalysis;
import org.consulardesk.registry.model.IntakeField;
import org.consulardesk.registry.model.IntakeIssue;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk intake against a real encrypted registry; every name and number here is invented. */
class IntakeServiceTest {
    static final String HEADER = "Surname,First name,Sex,Date of birth,City,Country,Mobile,Passport No,Purpose";

    @TempDir
    Path dir;

    Session session;
    IntakeService intake;

    @BeforeEach
    void open() {
        session = TestRegistries.create(dir.resolve("registry")).session();
        intake = new IntakeService(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    Path csv(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    IntakeAnalysis analyse(Path file) {
        return intake.analyse(file, IntakeMappings.suggest(intake.preview(file, 5, ProgressSink.NONE).header()), ProgressSink.NONE);
    }

    int count() {
        return session.database().read(tx -> tx.dsl().fetchCount(org.consulardesk.store.generated.Tables.PERSON));
    }

    @Test
    void goodCsvImportsEveryRow() throws IOException {
        Path file = csv("drive.csv", HEADER,
                "Mwangi-Otieno,Achieng,F,1988-03-14,Nairobi,KE,0712 345678,UT1234567,worker",
                "Haddad,Karim,male,1979,Mombasa,Kenya,+254 733 123456,UT7654321,Resident",
                "Tan,Mei Ling,X,1995-11,Kisumu,,,,student");

        IntakeAnalysis analysis = analyse(file);

        assertThat(analysis.issues()).isEmpty();
        assertThat(analysis.rowsRead()).isEqualTo(3);
        assertThat(intake.commit(analysis, Set.of())).isEqualTo(3);
        assertThat(count()).isEqualTo(3);
        Registration first = new RegistrationService(session).get(1);
        assertThat(first.contacts().get(0).value()).isEqualTo("+254712345678");
        assertThat(first.documents().get(0).number()).isEqualTo("UT1234567");
        assertThat(first.whereabouts().countryCode()).isEqualTo("KE");
    }

    @Test
    void oneBadPhoneImportsNothingAndNamesRowColumnAndReason() throws IOException {
        Path file = csv("bad.csv", HEADER,
                "Mwangi,Achieng,F,1988-03-14,Nairobi,KE,0712 345678,,worker",
                "Haddad,Karim,M,1979-01-02,Mombasa,KE,12,,worker");

        IntakeAnalysis analysis = analyse(file);

        assertThat(analysis.hasErrors()).isTrue();
        assertThat(analysis.errors()).singleElement().satisfies(i -> {
            assertThat(i.row()).isEqualTo(3);
            assertThat(i.column()).isEqualTo("Mobile");
            assertThat(i.value()).isEqualTo("12");
            assertThat(i.reason()).contains("phone");
        });
        assertThat(userError(() -> intake.commit(analysis, Set.of())).key()).isEqualTo("error.intake.hasErrors");
        assertThat(count()).isZero();
    }

    @Test
    void severalProblemsInOneFileAreAllReported() throws IOException {
        Path file = csv("many.csv", HEADER,
                ",Achieng,Q,14/03/1988,Nairobi,Atlantis,0712 345678,,astronaut");

        IntakeAnalysis analysis = analyse(file);

        assertThat(analysis.errors()).extracting(IntakeIssue::column)
                .contains("Surname", "Sex", "Date of birth", "Country", "Purpose");
    }

    @Test
    void invalidUtf8IsRefusedNamingTheLine() throws IOException {
        byte[] good = (HEADER + "\nMwangi,Achieng,F,1988-03-14,Nairobi,KE,,,worker\n").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "Gonz\u00e1lez,Ana,F,1990,Nairobi,KE,,,worker\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("latin1.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(good);
            out.write(latin1);
        }

        var e = userError(() -> analyse(file));

        assertThat(e.key()).isEqualTo("error.intake.encoding");
        assertThat(e.getMessage()).contains("latin1.csv").contains("line 3");
        assertThat(count()).isZero();
    }

    @Test
    void utf16WithoutByteOrderMarkIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("utf16.csv"), (HEADER + "\n").getBytes(StandardCharsets.UTF_16LE));

        var e = userError(() -> analyse(file));

        assertThat(e.key()).isEqualTo("error.intake.encoding");
        assertThat(e.getMessage()).contains("utf16.csv").contains("line 1");
    }

    @Test
    void byteOrderMarksAreHandled() throws IOException {
        String text = HEADER + "\n\u00d8deg\u00e5rd,Ingrid,F,1970-05-05,Nairobi,KE,,,tourist\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path utf8 = Files.write(dir.resolve("bom.csv"), withBom);
        Path utf16 = Files.write(dir.resolve("utf16.csv"), ("\uFEFF" + text.replace(',', ';')).getBytes(StandardCharsets.UTF_16LE));

        for (Path file : List.of(utf8, utf16)) {
            assertThat(intake.preview(file, 5, ProgressSink.NONE).header()).first().isEqualTo("Surname");
            IntakeAnalysis analysis = analyse(file);
            assertThat(analysis.issues()).as(file.toString()).isEmpty();
            assertThat(analysis.candidates().get(0).registration().familyName()).isEqualTo("\u00d8deg\u00e5rd");
        }
    }

    @Test
    void halfWrittenCsvIsRefused() throws IOException {
        Path file = csv("cut.csv", HEADER, "Mwangi,\"Achieng");

        assertThat(userError(() -> analyse(file)).key()).isEqualTo("error.intake.damagedAt");
    }

    @Test
    void sizeAndRowLimitsAreEnforced() throws IOException {
        Path file = csv("big.csv", HEADER, "A,B,F,1980,Nairobi,KE,,,worker", "C,D,F,1980,Nairobi,KE,,,worker");
        IntakeService small = new IntakeService(session, new IntakeFiles.Limits(20, 100));
        IntakeService few = new IntakeService(session, new IntakeFiles.Limits(1 << 20, 2));

        assertThat(userError(() -> small.analyse(file, ColumnMapping.empty(), ProgressSink.NONE)).key()).isEqualTo("error.intake.tooLarge");
        assertThat(userError(() -> few.analyse(file, ColumnMapping.empty(), ProgressSink.NONE)).key()).isEqualTo("error.intake.tooManyRows");
    }

    Path xlsx(String name, boolean formula) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Drive");
            String[] header = HEADER.split(",");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("Papadopoulou");
            r.createCell(1).setCellValue("Eleni");
            r.createCell(2).setCellValue("F");
            r.createCell(3).setCellValue(java.time.LocalDate.of(1991, 2, 28));
            r.getCell(3).setCellStyle(date);
            r.createCell(4).setCellValue("Nairobi");
            r.createCell(5).setCellValue("KE");
            r.createCell(6).setCellValue("+254722000111");
            r.createCell(8).setCellValue("worker");
            if (formula) {
                r.createCell(7).setCellFormula("\"UT\"&\"999\"");
            }
            book.write(out);
        }
        return file;
    }

    @Test
    void xlsxDatesComeAsIso() throws IOException {
        IntakeAnalysis analysis = analyse(xlsx("drive.xlsx", false));

        assertThat(analysis.issues()).isEmpty();
        assertThat(analysis.candidates().get(0).registration().birthDate()).isEqualTo("1991-02-28");
        assertThat(intake.commit(analysis, Set.of())).isEqualTo(1);
    }

    @Test
    void xlsxWithAFormulaIsRefusedNamingTheCell() throws IOException {
        Path file = xlsx("formula.xlsx", true);

        var e = userError(() -> analyse(file));

        assertThat(e.key()).isEqualTo("error.intake.formula");
        assertThat(e.getMessage()).contains("row 2").contains("column H");
        assertThat(count()).isZero();
    }

    @Test
    void truncatedOrFakeXlsxIsDamaged() throws IOException {
        byte[] whole = Files.readAllBytes(xlsx("whole.xlsx", false));
        Path cut = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));
        Path fake = Files.writeString(dir.resolve("fake.xlsx"), "this is not a workbook");

        for (Path file : List.of(cut, fake)) {
            var e = userError(() -> intake.analyse(file, ColumnMapping.empty(), ProgressSink.NONE));
            assertThat(e.key()).as(file.toString()).isEqualTo("error.intake.damaged");
            assertThat(e.getMessage()).contains(file.getFileName().toString()).contains("damaged or incomplete");
        }
    }

    @Test
    void duplicatesAgainstRegistryAndWithinFile() throws IOException {
        intake.commit(analyse(csv("first.csv", HEADER, "Haddad,Karim,M,1979-01-02,Mombasa,KE,,UT7654321,worker")), Set.of());
        Path file = csv("second.csv", HEADER,
                "HADDAD,K\u00e1rim,M,1979-01-02,Mombasa,KE,,,worker",
                "Other,Person,F,1960,Nairobi,KE,,UT 765-4321,worker",
                "Mwangi,Achieng,F,1988-03-14,Nairobi,KE,,,worker",
                "mwangi,achieng,F,1988-03-14,Nairobi,KE,,,worker",
                "Fresh,Face,F,1999,Nairobi,KE,,,tourist");

        IntakeAnalysis analysis = analyse(file);

        assertThat(analysis.hasErrors()).isFalse();
        assertThat(analysis.duplicates()).extracting(IntakeIssue::row, IntakeIssue::matchingId, IntakeIssue::matchingRow)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1L, 0), org.assertj.core.groups.Tuple.tuple(3, 1L, 0),
                        org.assertj.core.groups.Tuple.tuple(5, null, 4));
        assertThat(intake.commit(analysis, Set.copyOf(analysis.duplicateRows()))).isEqualTo(2);
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void mappingIsSuggestedFromSynonymsIgnoringCaseAndAccents() {
        ColumnMapping m = IntakeMappings.suggest(List.of("LAST NAME", "Pr\u00e9nom", "Gender", "DOB", "Tel.", "E-mail", "Town",
                "Passport", "Reason for stay", "Unrelated"));

        assertThat(m.columns()).containsExactlyInAnyOrderEntriesOf(Map.of(IntakeField.FAMILY_NAME, "LAST NAME",
                IntakeField.GIVEN_NAMES, "Pr\u00e9nom", IntakeField.SEX, "Gender", IntakeField.BIRTH_DATE, "DOB",
                IntakeField.PHONE, "Tel.", IntakeField.EMAIL, "E-mail", IntakeField.CITY, "Town",
                IntakeField.PASSPORT_NUMBER, "Passport", IntakeField.PURPOSE, "Reason for stay"));
    }

    @Test
    void savedMappingRoundTrip() {
        ColumnMapping m = ColumnMapping.empty().with(IntakeField.FAMILY_NAME, "Nom = famille").with(IntakeField.PHONE, "T\u00e9l\u00e9phone #1");

        intake.saveMapping("Employer list (Mombasa)", m);
        intake.saveMapping("Employer list (Mombasa)", m.with(IntakeField.CITY, "Ville"));
        intake.saveMapping("Partner", ColumnMapping.empty().with(IntakeField.FAMILY_NAME, "Surname"));

        assertThat(intake.savedMappings()).containsOnlyKeys("Employer list (Mombasa)", "Partner");
        assertThat(intake.savedMapping("Employer list (Mombasa)")).contains(m.with(IntakeField.CITY, "Ville"));
        assertThat(intake.deleteMapping("Partner")).isTrue();
        assertThat(intake.savedMappings()).containsOnlyKeys("Employer list (Mombasa)");
        assertThat(userError(() -> intake.saveMapping(" ", m)).key()).isEqualTo("error.intake.mappingName");
    }

    @Test
    void mappingFileIsReadAndUnknownTargetsRefused() throws IOException {
        Path good = Files.writeString(dir.resolve("m.properties"), "family_name=Nom de famille\nphone=T\u00e9l\u00e9phone\n");
        Path bad = Files.writeString(dir.resolve("bad.properties"), "surname=Nom\n");

        assertThat(IntakeMappings.load(good).column(IntakeField.PHONE)).contains("T\u00e9l\u00e9phone");
        assertThat(userError(() -> IntakeMappings.load(bad)).key()).isEqualTo("error.intake.mappingTarget");
    }
}
