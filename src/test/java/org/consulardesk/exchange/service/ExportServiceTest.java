package org.consulardesk.exchange.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.exchange.model.ExportSummary;
import org.consulardesk.exchange.model.VerifyReport;
import org.consulardesk.exercise.service.SampleData;
import org.consulardesk.registry.model.Consent;
import org.consulardesk.registry.model.ConsentChannel;
import org.consulardesk.registry.model.ConsentPurpose;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.SensitiveDetails;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportServiceTest {
    static final char[] PASSWORD = "utopia exchange 2026".toCharArray();

    @TempDir
    Path tmp;
    Path dir;
    Path state;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("registry");
        state = tmp.resolve("state");
        try (Session head = create(dir).session()) {
            SampleData.generate(head, 40, 7, ProgressSink.NONE);
            UserService users = new UserService(head, state, FAST);
            users.add("r.hallowmere", "Rasmus Hallowmere", Role.HQ_REVIEWER, OTHER_PASSPHRASE.toCharArray());
            users.add("t.orvandel", "Tobiah Orvandel", Role.SURGE_STAFF, OTHER_PASSPHRASE.toCharArray());
        }
    }

    VerifyReport verify(Session session, Path file, char[] password, List<String[]> rows) {
        byte[] own = new PostKeyService(session).ownKey().publicKey();
        return WorkbookReader.verify(file, password, id -> own, (s, r, cells) -> rows.add(cells), ProgressSink.NONE);
    }

    @Test
    void aggregateHasTotalsOnlyAndVerifiesWithThePostKey() {
        try (Session head = loginHead(dir, state)) {
            Path out = tmp.resolve("out/totals.xlsx");
            ExportSummary summary = new ExportService(head).export(RegistryAggregateProfile.NAME, Map.of(), true, null,
                    out, ProgressSink.NONE);
            assertThat(summary.encrypted()).isFalse();
            List<String[]> rows = new ArrayList<>();
            VerifyReport report = verify(head, out, null, rows);
            assertThat(report.trusted()).isTrue();
            assertThat(report.info().profile()).isEqualTo("registry-aggregate");
            assertThat(rows.get(0)).containsExactly("TOTAL", "", "40");
            assertThat(rows).allSatisfy(r -> assertThat(r[0]).isIn("TOTAL", "PURPOSE", "CITY", "DISTRICT",
                    "VULNERABILITY", "DOCUMENT_EXPIRY", "STATUS"));
            assertThat(report.info().schemaVersion()).isEqualTo(2);
            assertThat(report.info().sheets()).extracting(s -> s.name()).containsExactly("Totals", "Crises");
            long statuses = rows.stream().filter(r -> r[0].equals("STATUS")).mapToLong(r -> Long.parseLong(r[2])).sum();
            assertThat(statuses).isEqualTo(40);
            long purposes = rows.stream().filter(r -> r[0].equals("PURPOSE")).mapToLong(r -> Long.parseLong(r[2])).sum();
            assertThat(purposes).isEqualTo(40);
            assertThat(head.audit().page(AuditFilter.ALL, 0, 50)).anySatisfy(a -> {
                assertThat(a.action()).isEqualTo(ExportService.AUDIT_EXPORTED);
                assertThat(a.detail()).contains("registry-aggregate").contains("rows");
            });
        }
    }

    @Test
    void fullIsEncryptedAndSensitiveFieldsLeaveOnlyWithConsent() {
        long withConsent;
        long without;
        try (Session head = loginHead(dir, state)) {
            RegistrationService registrations = new RegistrationService(head);
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            Registration a = registrations.save(withName("Belvaro", List.of(new Consent(0, ConsentPurpose.SHARE_WITH_PARTNER,
                    "IOM", today.minusDays(3), ConsentChannel.values()[0], HEAD, null))));
            Registration b = registrations.save(withName("Quillane", List.of()));
            withConsent = a.id();
            without = b.id();
            registrations.saveSensitive(new SensitiveDetails(a.id(), 0, "Work permit pending", null, null));
            registrations.saveSensitive(new SensitiveDetails(b.id(), 0, "Overstayed visa", null, null));
        }
        try (Session head = loginHead(dir, state)) {
            Path out = tmp.resolve("full.xlsx");
            UserError noPassword = userError(() -> new ExportService(head).export(RegistryFullProfile.NAME, Map.of(),
                    false, null, out, ProgressSink.NONE));
            assertThat(noPassword.key()).isEqualTo("error.exchange.passwordRequired");
            ExportSummary summary = new ExportService(head).export(RegistryFullProfile.NAME, Map.of(), false,
                    PASSWORD.clone(), out, ProgressSink.NONE);
            assertThat(summary.encrypted()).isTrue();
            assertThat(summary.rowCounts()).containsEntry("Registrants", 42L);
            List<String[]> rows = new ArrayList<>();
            VerifyReport report = verify(head, out, PASSWORD.clone(), rows);
            assertThat(report.trusted()).isTrue();
            String[] consenting = rows.stream().filter(r -> r[0].equals(Long.toString(withConsent))).findFirst().orElseThrow();
            String[] refusing = rows.stream().filter(r -> r[0].equals(Long.toString(without))).findFirst().orElseThrow();
            int status = RegistryFullProfile.COLUMNS.stream().map(c -> c.header()).toList().indexOf("Migration status");
            assertThat(consenting[status]).isEqualTo("Work permit pending");
            assertThat(refusing[status]).isEmpty();
        }
    }

    @Test
    void rolesAreChecked() {
        try (Session reviewer = login(dir, state, "r.hallowmere", OTHER_PASSPHRASE)) {
            ExportService exports = new ExportService(reviewer);
            assertThat(exports.profiles()).extracting(ExportProfile::name).containsExactly("registry-aggregate", "hq-consolidation");
            assertThat(userError(() -> exports.export(RegistryFullProfile.NAME, Map.of(), false, PASSWORD.clone(),
                    tmp.resolve("x.xlsx"), ProgressSink.NONE)).key()).isEqualTo("error.permission.denied");
        }
        try (Session surge = login(dir, state, "t.orvandel", OTHER_PASSPHRASE)) {
            assertThat(new ExportService(surge).profiles()).isEmpty();
            assertThat(userError(() -> new ExportService(surge).export(RegistryAggregateProfile.NAME, Map.of(), false,
                    null, tmp.resolve("y.xlsx"), ProgressSink.NONE)).key()).isEqualTo("error.permission.denied");
        }
        assertThat(entries(tmp)).doesNotContain("x.xlsx", "y.xlsx");
    }

    @Test
    void filtersNarrowTheExportAndUnknownFiltersAreRefused() {
        try (Session head = loginHead(dir, state)) {
            Path out = tmp.resolve("worker.xlsx");
            new ExportService(head).export(RegistryAggregateProfile.NAME, Map.of("purpose", "worker"), false, null, out,
                    ProgressSink.NONE);
            List<String[]> rows = new ArrayList<>();
            verify(head, out, null, rows);
            assertThat(rows).filteredOn(r -> r[0].equals("PURPOSE")).allSatisfy(r -> assertThat(r[1]).isEqualTo("WORKER"));
            assertThat(userError(() -> new ExportService(head).export(RegistryAggregateProfile.NAME,
                    Map.of("nationality", "UTO"), false, null, out, ProgressSink.NONE)).key())
                    .isEqualTo("error.exchange.unknownFilter");
        }
    }

    @Test
    void theSigningKeyIsCreatedOnceAndItsPrivatePartIsNotStoredInClear() {
        try (Session head = loginHead(dir, state)) {
            String first = new PostKeyService(head).ownKey().fingerprint();
            assertThat(new PostKeyService(head).ownKey().fingerprint()).isEqualTo(first);
            assertThat(first).matches("([0-9A-F]{4} ){9}[0-9A-F]{4}");
        }
    }

    static Registration withName(String family, List<Consent> consents) {
        Registration blank = Registration.blank();
        return new Registration(0, 0, family, "Ilsa", null, null, List.of(), 'F', "1990-02-03", null, blank.nationalityEvidence(),
                List.of(), null, blank.purpose(), blank.whereabouts(), List.of(), List.of(), List.of(), List.of(), List.of(),
                consents, null);
    }
}
