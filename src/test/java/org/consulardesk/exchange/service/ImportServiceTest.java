package org.consulardesk.exchange.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.exchange.model.ConsolidatedTotal;
import org.consulardesk.exchange.model.ImportReport;
import org.consulardesk.exchange.model.ImportStatus;
import org.consulardesk.exchange.model.ImportedRows;
import org.consulardesk.exchange.model.PostImport;
import org.consulardesk.exchange.model.PostKey;
import org.consulardesk.exercise.service.SampleData;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.store.model.RegistryKind;
import org.consulardesk.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Post exports imported into an HQ workspace: keys, all-or-nothing, duplicates, superseding, consolidation. */
class ImportServiceTest {
    static final char[] PASSWORD = "utopia exchange 2026".toCharArray();

    @TempDir
    Path tmp;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));
    Session post;
    Session hq;

    @BeforeEach
    void setUp() {
        post = create(tmp.resolve("nairobi"), clock).session();
        SampleData.generate(post, 30, 3, ProgressSink.NONE);
        hq = creator().create(new RegistryCreator.Request(tmp.resolve("hq"), RegistryKind.HQ, "Ministry of Utopia, consular HQ",
                "UT", "a.marchetti", "Alma Marchetti", OTHER_PASSPHRASE.toCharArray())).session();
    }

    @AfterEach
    void tearDown() {
        post.close();
        hq.close();
    }

    Path export(String profile, String name) {
        Path out = tmp.resolve("mail/" + name);
        new ExportService(post).export(profile, Map.of(), false, profile.equals(RegistryFullProfile.NAME) ? PASSWORD.clone() : null,
                out, ProgressSink.NONE);
        return out;
    }

    List<ImportReport> importFiles(Path... files) {
        return new ImportService(hq).importFiles(List.of(files), PASSWORD.clone(), ProgressSink.NONE);
    }

    ImportReport registerAndImport(Path file) {
        ImportReport unknown = importFiles(file).get(0);
        assertThat(unknown.status()).isEqualTo(ImportStatus.UNKNOWN_KEY);
        assertThat(unknown.issues().get(0).message()).contains(unknown.info().fingerprint());
        new PostKeyService(hq).register(unknown.info().registryId(), unknown.info().post(), unknown.info().country(),
                unknown.info().publicKey());
        return importFiles(file).get(0);
    }

    @Test
    void rotatedKeyVerifiesNewExportsAndRetiredKeyIsRefusedClearly() {
        Path first = export(RegistryAggregateProfile.NAME, "nairobi-1.xlsx");
        ImportReport imported = registerAndImport(first);
        assertThat(imported.status()).isEqualTo(ImportStatus.IMPORTED);
        String registryId = imported.info().registryId();
        String oldFingerprint = imported.info().fingerprint();
        byte[] oldKey = imported.info().publicKey();

        // the post rotates its key: its next export is signed with the new one, unknown to HQ yet
        PostKey fresh = new PostKeyService(post).rotateOwn();
        assertThat(fresh.fingerprint()).isNotEqualTo(oldFingerprint);
        clock.advance(Duration.ofDays(1));
        Path second = export(RegistryAggregateProfile.NAME, "nairobi-2.xlsx");
        assertThat(importFiles(second).get(0).status()).isEqualTo(ImportStatus.REFUSED);
        new PostKeyService(hq).rotate(registryId, imported.info().post(), imported.info().country(), fresh.publicKey());
        assertThat(importFiles(second).get(0).status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(new PostKeyService(hq).history(registryId)).extracting(PostKey::retired).containsExactly(false, true);

        // a workbook signed by the retired key is refused with a message that says so
        clock.advance(Duration.ofDays(1));
        ImportReport old = importFiles(first).get(0);
        assertThat(old.status()).isEqualTo(ImportStatus.REFUSED);
        assertThat(old.issues().get(0).message()).contains("retired").contains(oldFingerprint);
        assertThatThrownBy(() -> new PostKeyService(hq).rotate(registryId, "x", "KE", oldKey)).isInstanceOf(UserError.class);

        // retiring the current key: later exports signed by it are refused; the imports stay
        new PostKeyService(hq).retire(registryId);
        clock.advance(Duration.ofDays(1));
        Path third = export(RegistryAggregateProfile.NAME, "nairobi-3.xlsx");
        ImportReport refused = importFiles(third).get(0);
        assertThat(refused.status()).isEqualTo(ImportStatus.REFUSED);
        assertThat(refused.issues().get(0).message()).contains("retired");
        assertThat(new ConsolidationService(hq).imports()).singleElement()
                .satisfies(i -> assertThat(i.fileName()).isEqualTo("nairobi-2.xlsx"));
        assertThat(hq.audit().page(org.consulardesk.security.model.AuditFilter.ALL, 0, 100))
                .extracting(a -> a.action()).contains(PostKeyService.AUDIT_KEY_ROTATED, PostKeyService.AUDIT_KEY_RETIRED);
        assertThat(post.audit().page(org.consulardesk.security.model.AuditFilter.ALL, 0, 100))
                .extracting(a -> a.action()).contains(PostKeyService.AUDIT_KEY_RETIRED);
    }

    @Test
    void importsOnceSupersedesOlderAndConsolidates() {
        Path first = export(RegistryAggregateProfile.NAME, "nairobi-1.xlsx");
        ImportReport imported = registerAndImport(first);
        assertThat(imported.status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(importFiles(first).get(0).status()).isEqualTo(ImportStatus.ALREADY_IMPORTED);
        assertThat(new ConsolidationService(hq).imports()).hasSize(1);

        SampleData.generate(post, 5, 9, ProgressSink.NONE);
        clock.advance(Duration.ofDays(1));
        Path second = export(RegistryAggregateProfile.NAME, "nairobi-2.xlsx");
        assertThat(importFiles(second).get(0).status()).isEqualTo(ImportStatus.IMPORTED);
        List<PostImport> current = new ConsolidationService(hq).imports();
        assertThat(current).singleElement().satisfies(i -> {
            assertThat(i.persons()).isEqualTo(35);
            assertThat(i.fileName()).isEqualTo("nairobi-2.xlsx");
        });
        ConsolidationService consolidation = new ConsolidationService(hq);
        assertThat(consolidation.totals("COUNTRY")).containsExactly(new ConsolidatedTotal("COUNTRY", "KE", 35));
        assertThat(consolidation.totals("PURPOSE").stream().mapToLong(ConsolidatedTotal::persons).sum()).isEqualTo(35);
        assertThat(consolidation.totals("POST")).extracting(ConsolidatedTotal::value).containsExactly(POST_NAME);
    }

    @Test
    void fullExportRoundTripsAndDrillsDown() {
        Path full = export(RegistryFullProfile.NAME, "nairobi-full.xlsx");
        ImportReport report = registerAndImport(full);
        assertThat(report.status()).isEqualTo(ImportStatus.IMPORTED);
        assertThat(report.rows()).isEqualTo(30);
        ConsolidationService consolidation = new ConsolidationService(hq);
        long id = consolidation.imports().get(0).id();
        ImportedRows page = consolidation.rows(id, 0, 0, 10);
        assertThat(page.total()).isEqualTo(30);
        assertThat(page.rows()).hasSize(10);
        assertThat(page.columns()).extracting(c -> c.header()).startsWith("Registration", "Family name");
        assertThat(consolidation.totals("POST")).containsExactly(new ConsolidatedTotal("POST", POST_NAME, 30));
    }

    @Test
    void tamperedAndMismatchedFilesImportNothing() throws Exception {
        Path good = export(RegistryAggregateProfile.NAME, "good.xlsx");
        registerAndImport(good);
        clock.advance(Duration.ofHours(1));
        Path tampered = export(RegistryAggregateProfile.NAME, "tampered.xlsx");
        ZipEdit.edit(tampered, "xl/worksheets/sheet2.xml", xml -> xml.replaceFirst("<v>30", "<v>31"));
        ImportReport refused = importFiles(tampered).get(0);
        assertThat(refused.status()).isEqualTo(ImportStatus.REFUSED);
        assertThat(refused.issues().get(0).sheet()).isEqualTo("Totals");
        assertThat(new ConsolidationService(hq).imports()).extracting(PostImport::fileName).containsExactly("good.xlsx");

        // Another registry claiming the same post id is refused against the registered key.
        try (Session impostor = create(tmp.resolve("impostor")).session()) {
            Path forged = tmp.resolve("forged.xlsx");
            new ExportService(impostor).export(RegistryAggregateProfile.NAME, Map.of(), false, null, forged, ProgressSink.NONE);
            ImportReport unknown = importFiles(forged).get(0);
            assertThat(unknown.status()).isEqualTo(ImportStatus.UNKNOWN_KEY);
        }
    }

    @Test
    void onlyEntitledUsersImportOrRegisterKeys() {
        new UserService(hq, tmp.resolve("state"), FAST).add("r.hallowmere", "Rasmus Hallowmere", Role.HQ_REVIEWER,
                THIRD_PASSPHRASE.toCharArray());
        Path file = export(RegistryAggregateProfile.NAME, "n.xlsx");
        try (Session reviewer = login(tmp.resolve("hq"), tmp.resolve("state"), "r.hallowmere", THIRD_PASSPHRASE)) {
            ImportReport unknown = new ImportService(reviewer).importFiles(List.of(file), null, ProgressSink.NONE).get(0);
            assertThat(unknown.status()).isEqualTo(ImportStatus.UNKNOWN_KEY);
            assertThat(userError(() -> new PostKeyService(reviewer).register(unknown.info().registryId(), "x", "KE",
                    unknown.info().publicKey())).key()).isEqualTo("error.permission.denied");
        }
        assertThat(userError(() -> new ImportService(post).importFiles(List.of(file), null, ProgressSink.NONE)).key())
                .isEqualTo("error.exchange.notHq");
    }

    @Test
    void consolidationReExportsAsASignedWorkbook() {
        registerAndImport(export(RegistryAggregateProfile.NAME, "n.xlsx"));
        Path out = tmp.resolve("consolidated.xlsx");
        new ExportService(hq).export(ConsolidationProfile.NAME, Map.of(), true, null, out, ProgressSink.NONE);
        List<String[]> rows = new java.util.ArrayList<>();
        byte[] own = new PostKeyService(hq).ownKey().publicKey();
        var report = WorkbookReader.verify(out, null, id -> own, (s, r, cells) -> rows.add(cells), ProgressSink.NONE);
        assertThat(report.trusted()).isTrue();
        assertThat(rows.get(0)).containsExactly(POST_NAME, "KE", "registry-aggregate", "2026-11-20T08:00:00Z", "30");
    }
}
