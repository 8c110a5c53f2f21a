package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.create;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.ExpiringDocument;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expiring documents call list and its CSV export, against a real encrypted H2 file. */
class ExpiringDocumentsServiceTest {
    @TempDir
    Path tmp;
    private Session head;
    private RegistrationService registrations;
    private ExpiringDocumentsService service;
    private LocalDate today;

    @BeforeEach
    void open() {
        head = create(tmp.resolve("registry")).session();
        registrations = new RegistrationService(head);
        service = new ExpiringDocumentsService(head);
        today = head.now().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    @AfterEach
    void close() {
        head.close();
    }

    private Registration person(String family, String given, List<ContactMethod> contacts, TravelDocument... docs) {
        Registration b = Registration.blank();
        return registrations.save(new Registration(0, 0, family, given, null, null, List.of(), 'M', "1975", null,
                b.nationalityEvidence(), List.of(), null, b.purpose(),
                new Whereabouts(null, null, null, "Nairobi", "KE", null, null, null, null), contacts, List.of(),
                List.of(docs), List.of(), List.of(), List.of(), null));
    }

    private TravelDocument passport(String number, int daysFromToday) {
        return new TravelDocument(0, DocumentType.PASSPORT, number, null, null, today.plusDays(daysFromToday), false);
    }

    private static ContactMethod phone(String number, boolean preferred) {
        return new ContactMethod(ContactKind.PHONE, number, null, preferred);
    }

    @Test
    void listsTheWindowSoonestFirstWithThePreferredPhone() {
        Registration a = person("Achebe", "Ngozi", List.of(phone("0712 000111", false), phone("0733 222333", true)),
                passport("UT100", 30), new TravelDocument(0, DocumentType.NATIONAL_ID, "ID7", null, null, today.plusDays(5), false));
        person("Banda", "Kito", List.of(), passport("UT200", 0));
        person("Chege", "Wanjiru", List.of(), passport("UT300", 91));
        person("Dlamini", "Sipho", List.of(), passport("UT400", -1));

        List<ExpiringDocument> list = service.list(90, 0, 10);
        assertThat(list).extracting(ExpiringDocument::number).containsExactly("UT200", "ID7", "UT100");
        assertThat(list).extracting(ExpiringDocument::daysLeft).containsExactly(0L, 5L, 30L);
        assertThat(list.get(1).phone()).isEqualTo("+254733222333");
        assertThat(list.get(1).personId()).isEqualTo(a.id());
        assertThat(list.get(1).city()).isEqualTo("Nairobi");
        assertThat(list.get(0).phone()).isNull();
        assertThat(service.count(90)).isEqualTo(3);
        assertThat(service.count(91)).isEqualTo(4);
        assertThat(service.count(0)).isEqualTo(1);
        assertThat(userError(() -> service.list(-1, 0, 10)).key()).isEqualTo("error.expiring.days");
    }

    @Test
    void pagesThroughTheList() {
        for (int i = 0; i < 7; i++) {
            person("Person" + i, "Test", List.of(), passport("P" + i, 10 + i));
        }
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 7; offset += 3) {
            seen.addAll(service.list(90, offset, 3).stream().map(ExpiringDocument::number).toList());
        }
        assertThat(seen).containsExactly("P0", "P1", "P2", "P3", "P4", "P5", "P6");
        assertThat(service.list(90, 6, 3)).hasSize(1);
        assertThat(service.list(90, 7, 3)).isEmpty();
    }

    @Test
    void exportsCsvWithHeaderAndFormulaProtectionAndAudits() throws Exception {
        person("=HYPERLINK(\"http://x\")", "@Mallory", List.of(phone("0712 000111", true)), passport("-UT1", 3));
        person("Banda", "Kito", List.of(), passport("UT2", 4));
        Path target = tmp.resolve("out").resolve("calls.csv");
        Files.createDirectories(target.getParent());

        assertThat(service.export(90, target)).isEqualTo(2);

        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(Files.readString(target, StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).toList()).containsExactly(ExpiringDocumentsService.HEADER);
        assertThat(rows.get(1).get(0)).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(rows.get(1).get(1)).isEqualTo("'@Mallory");
        assertThat(rows.get(1).get(2)).isEqualTo("PASSPORT");
        assertThat(rows.get(1).get(3)).isEqualTo("'-UT1");
        assertThat(rows.get(1).get(4)).isEqualTo(today.plusDays(3).toString());
        assertThat(rows.get(1).get(6)).isEqualTo("'+254712000111");
        assertThat(rows.get(2).get(0)).isEqualTo("Banda");
        assertThat(rows.get(2).get(6)).isEmpty();
        assertThat(Files.list(target.getParent()).map(p -> p.getFileName().toString()).toList()).containsExactly("calls.csv");

        List<AuditRecord> audit = head.audit().page(new AuditFilter(null, "EXPIRING_DOCUMENTS_EXPORTED", null, null, null), 0, 10);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).detail()).contains("2 rows").doesNotContain("Banda", "UT2");
    }

    @Test
    void aFailedExportLeavesNoFileAndNoAuditEntry() throws Exception {
        person("Banda", "Kito", List.of(), passport("UT2", 4));
        Path target = tmp.resolve("out").resolve("calls.csv");
        Files.createDirectories(target); // a non-empty folder where the file should go: the move fails
        Files.writeString(target.resolve("keep.txt"), "x");

        assertThat(userError(() -> service.export(90, target)).key()).isEqualTo("error.expiring.export");
        assertThat(Files.list(target.getParent()).map(p -> p.getFileName().toString()).toList()).containsExactly("calls.csv");
        assertThat(Files.isDirectory(target)).isTrue();
        assertThat(head.audit().page(new AuditFilter(null, "EXPIRING_DOCUMENTS_EXPORTED", null, null, null), 0, 10)).isEmpty();

        Path missingFolder = tmp.resolve("nowhere").resolve("calls.csv");
        assertThat(userError(() -> service.export(90, missingFolder)).key()).isEqualTo("error.expiring.export");
        assertThat(Files.exists(missingFolder)).isFalse();
    }

    @Test
    void cellsThatLookLikeFormulasGetAnApostrophe() {
        assertThat(ExpiringDocumentsService.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(ExpiringDocumentsService.cell("+1")).isEqualTo("'+1");
        assertThat(ExpiringDocumentsService.cell("-1")).isEqualTo("'-1");
        assertThat(ExpiringDocumentsService.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ExpiringDocumentsService.cell("Banda")).isEqualTo("Banda");
        assertThat(ExpiringDocumentsService.cell(null)).isEmpty();
    }
}
