package org.consulardesk.etd.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.EtdState;
import org.consulardesk.exchange.model.ImportReport;
import org.consulardesk.exchange.model.ImportStatus;
import org.consulardesk.exchange.model.ImportedRows;
import org.consulardesk.exchange.model.VerifyReport;
import org.consulardesk.exchange.service.ConsolidationService;
import org.consulardesk.exchange.service.ExportProfiles;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.exchange.service.ImportService;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.store.model.RegistryKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ETD register and the lost/stolen list as exchange workbooks: exported by an ETD officer (signed,
 * always encrypted), refused to roles without the right, then verified and imported at HQ through
 * the ordinary reader, with the values read back. Also the letters and the stock report (PDF text
 * extracted) on the same register.
 */
class EtdExchangeTest {
    static final char[] PASSWORD = "utopia border list 2026".toCharArray();
    static final String OFFICER = EtdServiceTest.OFFICER;
    static final String SECOND = EtdServiceTest.SECOND;
    static final String REVIEWER = "r.hallowmere";

    @TempDir
    Path tmp;
    Path dir;
    Path state;
    EtdDocument used;
    EtdDocument lost;
    EtdDocument cancelled;
    EtdDocument active;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("nairobi");
        state = tmp.resolve("state");
        try (Session head = create(dir).session()) {
            UserService users = new UserService(head, state, FAST);
            users.add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            users.add(SECOND, "Dorin Farrowby", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            users.add(REVIEWER, "Rasmus Hallowmere", Role.HQ_REVIEWER, OTHER_PASSPHRASE.toCharArray());
            new StockService(head).receive("E", 1, 20, 7, "Pouch 2026/15");
        }
        used = issue("Kestrelle", "Ona", "1990-02-11");
        lost = issue("Østergård", "Jens Ærling", "1979-03");
        cancelled = issue("Marrowick", "Tamsin", "2001");
        active = issue("Belvaro", "Ilsa Marenka", "1984-07-12");
        as(SECOND, s -> {
            EtdService etd = new EtdService(s);
            etd.changeState(used.id(), EtdState.COLLECTED, null);
            etd.changeState(used.id(), EtdState.USED, "Port Amber crossing", used.issuedOn());
            etd.changeState(lost.id(), EtdState.LOST_STOLEN, "Reported stolen, police report 2026/881");
            return etd.changeState(cancelled.id(), EtdState.CANCELLED, "Holder received a new passport");
        });
    }

    EtdDocument issue(String family, String given, String birth) {
        EtdApplication a = as(OFFICER, s -> {
            EtdService etd = new EtdService(s);
            EtdApplication x = etd.apply(EtdServiceTest.walkIn(etd.settings(), family, given, birth));
            etd.setPhoto(x.id(), EtdServiceTest.portrait(), PhotoCrop.initial(600, 800));
            return x;
        });
        as(SECOND, s -> new EtdService(s).approve(a.id(), a.version()));
        return as(SECOND, s -> new EtdService(s).issue(a.id()));
    }

    <T> T as(String user, Function<Session, T> work) {
        try (Session s = login(dir, state, user, OTHER_PASSPHRASE)) {
            return work.apply(s);
        }
    }

    Path export(String profile) {
        Path out = tmp.resolve("mail/" + profile + ".xlsx");
        as(OFFICER, s -> new ExportService(s).export(profile, Map.of(), false, PASSWORD.clone(), out, ProgressSink.NONE));
        return out;
    }

    @Test
    void bothProfilesAreListedForEtdOfficersOnly() {
        assertThat(ExportProfiles.find(EtdRegisterProfile.NAME)).isPresent();
        assertThat(ExportProfiles.find(EtdLostStolenProfile.NAME)).isPresent();
        assertThat(this.<List<String>>as(OFFICER, s -> new ExportService(s).profiles().stream().map(p -> p.name()).toList()))
                .contains(EtdRegisterProfile.NAME, EtdLostStolenProfile.NAME);
        assertThat(this.<List<String>>as(REVIEWER, s -> new ExportService(s).profiles().stream().map(p -> p.name()).toList()))
                .doesNotContain(EtdRegisterProfile.NAME, EtdLostStolenProfile.NAME);
        assertThat(as(REVIEWER, s -> userError(() -> new ExportService(s).export(EtdLostStolenProfile.NAME, Map.of(), false,
                PASSWORD.clone(), tmp.resolve("x.xlsx"), ProgressSink.NONE))).key()).isEqualTo("error.permission.denied");
        // personal data: never without a password
        assertThat(as(OFFICER, s -> userError(() -> new ExportService(s).export(EtdRegisterProfile.NAME, Map.of(), false,
                null, tmp.resolve("y.xlsx"), ProgressSink.NONE))).key()).isEqualTo("error.exchange.passwordRequired");
        assertThat(tmp.resolve("x.xlsx")).doesNotExist();
        assertThat(tmp.resolve("y.xlsx")).doesNotExist();
    }

    @Test
    void registerAndLostStolenListRoundTripThroughHqImport() {
        Path register = export(EtdRegisterProfile.NAME);
        Path lostList = export(EtdLostStolenProfile.NAME);
        List<org.consulardesk.security.model.AuditRecord> audit;
        try (Session head = loginHead(dir, state)) {
            audit = head.audit().page(org.consulardesk.security.model.AuditFilter.ALL, 0, 500);
        }
        assertThat(audit.stream()
                .filter(r -> r.action().equals(ExportService.AUDIT_EXPORTED)).map(r -> r.detail()).toList())
                .anyMatch(d -> d.startsWith("etd-register, 4 rows") && d.endsWith("encrypted"))
                .anyMatch(d -> d.startsWith("etd-lost-stolen, 2 rows"));

        try (Session hq = creator().create(new RegistryCreator.Request(tmp.resolve("hq"), RegistryKind.HQ,
                "Ministry of Utopia, consular HQ", "UT", "a.marchetti", "Alma Marchetti", THIRD_PASSPHRASE.toCharArray())).session()) {
            ImportService imports = new ImportService(hq);
            VerifyReport checked = imports.check(register, PASSWORD.clone(), ProgressSink.NONE);
            assertThat(checked.issues()).isEmpty();
            assertThat(checked.info().profile()).isEqualTo(EtdRegisterProfile.NAME);
            assertThat(checked.info().post()).isEqualTo(POST_NAME);
            // wrong password: nothing readable
            assertThat(imports.check(register, "not the password".toCharArray(), ProgressSink.NONE).issues()).isNotEmpty();

            ImportReport unknown = imports.importFiles(List.of(register), PASSWORD.clone(), ProgressSink.NONE).get(0);
            assertThat(unknown.status()).isEqualTo(ImportStatus.UNKNOWN_KEY);
            new PostKeyService(hq).register(unknown.info().registryId(), unknown.info().post(), unknown.info().country(),
                    unknown.info().publicKey());
            List<ImportReport> reports = imports.importFiles(List.of(register, lostList), PASSWORD.clone(), ProgressSink.NONE);
            assertThat(reports).extracting(ImportReport::status).containsExactly(ImportStatus.IMPORTED, ImportStatus.IMPORTED);
            assertThat(reports).extracting(ImportReport::rows).containsExactly(4L, 2L);

            ConsolidationService consolidation = new ConsolidationService(hq);
            long registerId = consolidation.imports().stream().filter(i -> i.profile().equals(EtdRegisterProfile.NAME))
                    .findFirst().orElseThrow().id();
            ImportedRows rows = consolidation.rows(registerId, 0, 0, 10);
            assertThat(rows.sheet()).isEqualTo(EtdRegisterProfile.SHEET);
            assertThat(rows.columns()).extracting(c -> c.header()).containsExactlyElementsOf(
                    EtdRegisterProfile.COLUMNS.stream().map(c -> c.header()).toList());
            String[] usedRow = rows.rows().stream().filter(r -> r[0].equals(used.serial())).findFirst().orElseThrow();
            assertThat(Arrays.asList(usedRow)).containsExactly(used.serial(), "PE", "Kestrelle", "Ona", "1990-02-11", "M", "UTO",
                    used.issuedOn().toString(), used.expiresOn().toString(), "USED", used.issuedOn().toString(), POST_NAME);
            String[] activeRow = rows.rows().stream().filter(r -> r[0].equals(active.serial())).findFirst().orElseThrow();
            assertThat(activeRow[9]).isEqualTo("ISSUED");
            assertThat(activeRow[10]).isEmpty();

            long lostId = consolidation.imports().stream().filter(i -> i.profile().equals(EtdLostStolenProfile.NAME))
                    .findFirst().orElseThrow().id();
            ImportedRows list = consolidation.rows(lostId, 0, 0, 10);
            assertThat(list.rows()).extracting(r -> r[0]).containsExactly(lost.serial(), cancelled.serial());
            String[] first = list.rows().get(0);
            assertThat(first[3]).isEqualTo("Østergård");
            assertThat(first[10]).isEqualTo("LOST_STOLEN");
            assertThat(first[11]).isEqualTo(LocalDate.now().toString());
            assertThat(first[12]).isEqualTo(lost.mrz().line1()).startsWith("PEUTOOESTERGAARD<<JENS<AERLING");
            assertThat(first[13]).isEqualTo(lost.mrz().line2());
            assertThat(list.rows().get(1)[10]).isEqualTo("CANCELLED");
        }
    }

    static String text(byte[] pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void lettersAndStockReportArePrintableAndAudited() {
        byte[] handover = as(SECOND, s -> new EtdService(s).handoverLetter(active.id()));
        String letter = text(handover);
        assertThat(letter).contains("REPUBLIC OF UTOPIA", POST_NAME, "To the border control, immigration and transit authorities",
                "Emergency travel document No. " + active.serial(), "Belvaro, Ilsa Marenka", "12 JUL 1984", "UTO",
                "Single journey to Utopia", active.verificationCode(), "Consular officer, name and signature");
        assertThat(letter).contains(EtdLetters.LONG_DATE.format(active.expiresOn()));
        // no letter for a document that was used, lost or cancelled
        assertThat(as(SECOND, s -> userError(() -> new EtdService(s).handoverLetter(used.id()))).key())
                .isEqualTo("error.etd.letterState");

        EtdApplication refused = as(OFFICER, s -> new EtdService(s).apply(EtdServiceTest.walkIn(new EtdService(s).settings(),
                "Thornquist", "Aldo", "1970")));
        assertThat(as(SECOND, s -> userError(() -> new EtdService(s).rejectionLetter(refused.id()))).key())
                .isEqualTo("error.etd.notRejected");
        as(SECOND, s -> new EtdService(s).reject(refused.id(), refused.version(),
                "The witness could not confirm the applicant's identity."));
        assertThat(this.<List<EtdApplication>>as(OFFICER, s -> new EtdService(s).rejected())).extracting(EtdApplication::id).containsExactly(refused.id());
        String rejection = text(as(OFFICER, s -> new EtdService(s).rejectionLetter(refused.id())));
        assertThat(rejection).contains("Thornquist, Aldo", "Your application No. " + refused.id(),
                "The witness could not confirm the applicant's identity.", "you may apply again");

        String report;
        try (Session head = loginHead(dir, state)) {
            StockService stock = new StockService(head);
            report = text(stock.reportPdf(stock.report(16)));
            assertThat(head.audit().page(org.consulardesk.security.model.AuditFilter.ALL, 0, 500).stream()
                    .map(r -> r.action())).contains("ETD_STOCK_REPORT_PRINTED", "ETD_LETTER_PRINTED");
            assertThat(head.audit().page(org.consulardesk.security.model.AuditFilter.ALL, 0, 500).stream()
                    .filter(r -> r.action().equals("ETD_LETTER_PRINTED")).map(r -> r.detail()))
                    .containsExactlyInAnyOrder("handover", "rejection");
        }
        assertThat(report).contains("Reconciliation of the emergency travel document blank stock", "Received (expected) 20",
                "Issued 4", "Spoiled 0", "Counted 16", "Head of post, name and signature");
        // an ETD officer who is not head of post gets no stock report
        assertThat(as(OFFICER, s -> userError(() -> new StockService(s).reportPdf(null))).key())
                .isEqualTo("error.permission.denied");
    }
}
