package org.consulardesk.bonds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.exchange.model.ExportSummary;
import org.consulardesk.exchange.model.ImportReport;
import org.consulardesk.exchange.model.ImportStatus;
import org.consulardesk.exchange.model.ImportedRows;
import org.consulardesk.exchange.model.SheetInfo;
import org.consulardesk.exchange.model.VerifyReport;
import org.consulardesk.exchange.service.ConsolidationService;
import org.consulardesk.exchange.service.ExportProfile;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.exchange.service.ImportService;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.exchange.service.WorkbookReader;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.store.model.RegistryKind;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bond register, ledger and statement exported through the exchange, verified and imported at HQ. */
class BondExportProfilesTest {
    static final char[] PASSWORD = "utopia bonds export 2026".toCharArray();

    @TempDir
    Path tmp;
    BondFixtures f;
    long savanna;
    long rift;
    long amara;
    Bond usd;
    Bond kes;
    Bond eur;

    @BeforeEach
    void open() {
        f = new BondFixtures(tmp);
        f.threshold("100000", "USD");
        f.threshold("10000000", "KES");
        f.threshold("100000", "EUR");
        savanna = f.employer("Savanna Builders Ltd").id();
        rift = f.employer("Rift Valley Farms").id();
        amara = f.worker(savanna, "Okonkwo", "Amara");
        LedgerService ledger = new LedgerService(f.officer);
        BondService bonds = new BondService(f.officer);
        usd = f.bond(savanna, "2000", "USD", true);
        ledger.post(usd.id(), EntryRequest.of(EntryKind.DEPOSIT, "2000", "USD", "cash deposit receipt 7781"));
        bonds.activate(usd.id(), bonds.get(usd.id()).version());
        ledger.post(usd.id(), EntryRequest.of(EntryKind.DRAWDOWN, "350.25", "USD", "=HYPERLINK(\"x\")").forPerson(amara));
        ledger.post(usd.id(), EntryRequest.of(EntryKind.TOP_UP, "100", "EUR", "top-up in euros")
                .withRate(new BigDecimal("1.0825")));
        kes = f.bond(savanna, "150000", "KES", false);
        ledger.post(kes.id(), EntryRequest.of(EntryKind.DEPOSIT, "150000", "KES", "escrow"));
        eur = f.bond(rift, "5000", "EUR", true);
    }

    @AfterEach
    void close() {
        f.close();
    }

    Path export(String profile, Map<String, String> filters, char[] password) {
        Path out = tmp.resolve("out/" + profile + ".xlsx");
        new ExportService(f.officer).export(profile, filters, true, password == null ? null : password.clone(), out,
                ProgressSink.NONE);
        return out;
    }

    Map<String, List<String[]>> verify(Path file, char[] password) {
        byte[] own = new PostKeyService(f.officer).ownKey().publicKey();
        Map<String, List<String[]>> rows = new java.util.LinkedHashMap<>();
        VerifyReport report = WorkbookReader.verify(file, password == null ? null : password.clone(), id -> own,
                (SheetInfo sheet, long row, String[] cells) -> rows.computeIfAbsent(sheet.name(), k -> new ArrayList<>()).add(cells),
                ProgressSink.NONE);
        assertThat(report.issues()).isEmpty();
        assertThat(report.trusted()).isTrue();
        return rows;
    }

    static int col(List<ExportColumn> columns, String header) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).header().equals(header)) {
                return i;
            }
        }
        throw new IllegalArgumentException(header);
    }

    @Test
    void registerHasOneTypedRowPerBondAndTotalsPerCurrency() {
        ExportSummary summary = new ExportService(f.officer).export(BondRegisterProfile.NAME, Map.of(), false, null,
                tmp.resolve("register.xlsx"), ProgressSink.NONE);
        assertThat(summary.encrypted()).isFalse();
        assertThat(summary.rowCounts()).containsEntry("Bonds", 3L).containsEntry("Totals", 3L);
        Map<String, List<String[]>> rows = verify(tmp.resolve("register.xlsx"), null);
        List<ExportColumn> c = BondExports.BOND_COLUMNS;
        String[] pooled = rows.get("Bonds").stream().filter(r -> r[0].equals(Long.toString(usd.id()))).findFirst().orElseThrow();
        assertThat(pooled[col(c, "Employer")]).isEqualTo("Savanna Builders Ltd");
        assertThat(pooled[col(c, "Face amount")]).isEqualTo("2000 USD");
        assertThat(pooled[col(c, "Currency")]).isEqualTo("USD");
        assertThat(pooled[col(c, "Coverage")]).isEqualTo("EVACUATION LOST_PROPERTY OUTSTANDING_WAGES");
        assertThat(pooled[col(c, "Cover")]).isEqualTo("POOLED");
        assertThat(pooled[col(c, "Term end")]).isEqualTo("2027-12-31");
        assertThat(pooled[col(c, "State")]).isEqualTo("PARTIALLY_DRAWN");
        // 2000 - 350.25 + 108.25 (100 EUR x 1.0825)
        assertThat(pooled[col(c, "Balance")]).isEqualTo("1758 USD");
        assertThat(rows.get("Totals")).extracting(r -> r[0] + " " + r[1] + " " + r[3])
                .containsExactly("EUR 1 0 EUR", "KES 1 150000 KES", "USD 1 1758 USD");
        // no registrant is named anywhere in the register
        assertThat(rows.values().stream().flatMap(List::stream).flatMap(java.util.Arrays::stream))
                .noneMatch(v -> v.contains("Okonkwo") || v.contains("Amara"));
    }

    @Test
    void registerFiltersByEmployerAndStateAndRefusesOthers() {
        Map<String, List<String[]>> rows = verify(export(BondRegisterProfile.NAME, Map.of("employer", Long.toString(savanna),
                "state", "draft"), null), null);
        assertThat(rows.get("Bonds")).extracting(r -> r[0]).containsExactly(Long.toString(kes.id()));
        assertThat(userError(() -> export(BondRegisterProfile.NAME, Map.of("city", "Mombasa"), null)).key())
                .isEqualTo("error.exchange.unknownFilter");
        assertThat(userError(() -> export(BondRegisterProfile.NAME, Map.of("state", "lost"), null)).key())
                .isEqualTo("error.bondExport.badState");
        assertThat(userError(() -> export(BondRegisterProfile.NAME, Map.of("employer", "x"), null)).key())
                .isEqualTo("error.bondExport.badId");
    }

    @Test
    void ledgerIsEncryptedTypedAndFormulaSafe() {
        assertThat(userError(() -> export(BondLedgerProfile.NAME, Map.of(), null)).key())
                .isEqualTo("error.exchange.passwordRequired");
        Map<String, List<String[]>> rows = verify(export(BondLedgerProfile.NAME, Map.of(), PASSWORD), PASSWORD);
        List<ExportColumn> c = BondExports.ENTRY_COLUMNS;
        List<String[]> entries = rows.get("Entries");
        assertThat(entries).hasSize(4);
        assertThat(entries).extracting(r -> r[col(c, "Kind")] + " " + r[col(c, "Amount")])
                .containsExactly("DEPOSIT 2000 USD", "DRAWDOWN -350.25 USD", "TOP_UP 108.25 USD", "DEPOSIT 150000 KES");
        String[] drawdown = entries.get(1);
        assertThat(drawdown[col(c, "Entered on")]).isEqualTo("2026-11-20");
        assertThat(drawdown[col(c, "Worker registration")]).isEqualTo(Long.toString(amara));
        assertThat(drawdown[col(c, "Memo")]).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(drawdown[col(c, "Status")]).isEqualTo("POSTED");
        String[] topUp = entries.get(2);
        assertThat(topUp[col(c, "Original amount")]).isEqualTo("100 EUR");
        assertThat(topUp[col(c, "Rate")]).isEqualTo("1.0825");
        Map<String, List<String[]>> one = verify(export(BondLedgerProfile.NAME, Map.of("bond", Long.toString(kes.id())),
                PASSWORD), PASSWORD);
        assertThat(one.get("Entries")).extracting(r -> r[col(c, "Bond reference")]).containsExactly(kes.reference());
    }

    @Test
    void aDrawdownForAWorkerMergedTwiceNamesTheLastRegistrationAndTheOneItRecorded() {
        long second = f.worker(savanna, "Okonkwoh", "Amara");
        long third = f.worker(savanna, "Okonkwo", "Amara Ngozi");
        merge(amara, second);
        merge(second, third);
        List<ExportColumn> c = BondExports.ENTRY_COLUMNS;
        List<String[]> entries = verify(export(BondLedgerProfile.NAME, Map.of(), PASSWORD), PASSWORD).get("Entries");
        String[] drawdown = entries.get(1);
        assertThat(drawdown[col(c, "Kind")]).isEqualTo("DRAWDOWN");
        assertThat(drawdown[col(c, "Worker registration")]).isEqualTo(Long.toString(third));
        assertThat(drawdown[col(c, "Merged from registration")]).isEqualTo(Long.toString(amara));
        // Entries without a worker name none.
        assertThat(entries.get(0)[col(c, "Worker registration")]).isEmpty();
        assertThat(entries.get(0)[col(c, "Merged from registration")]).isEmpty();
    }

    private void merge(long away, long into) {
        var registrations = new org.consulardesk.registry.service.RegistrationService(f.head);
        new org.consulardesk.registry.service.MergeService(f.head).merge(new org.consulardesk.registry.model.MergePlan(away,
                registrations.get(away).version(), registrations.get(into)));
    }

    @Test
    void statementIsForOneEmployer() {
        assertThat(userError(() -> export(BondStatementProfile.NAME, Map.of(), PASSWORD)).key())
                .isEqualTo("error.bondExport.employerRequired");
        assertThat(userError(() -> export(BondStatementProfile.NAME, Map.of("employer", "999999"), PASSWORD)).key())
                .isEqualTo("error.employer.notFound");
        Map<String, List<String[]>> rows = verify(export(BondStatementProfile.NAME, Map.of("employer", Long.toString(savanna)),
                PASSWORD), PASSWORD);
        assertThat(rows.keySet()).containsExactly("Employer", "Bonds", "Entries", "Totals");
        assertThat(rows.get("Employer")).singleElement().satisfies(r -> {
            assertThat(r[1]).isEqualTo("Savanna Builders Ltd");
            assertThat(r[r.length - 1]).isEqualTo("2026-11-20");
        });
        assertThat(rows.get("Bonds")).hasSize(2);
        assertThat(rows.get("Entries")).hasSize(4);
        assertThat(rows.get("Totals")).extracting(r -> r[0] + " " + r[3]).containsExactly("KES 150000 KES", "USD 1758 USD");
    }

    @Test
    void onlyRolesThatManageBondsSeeTheProfiles() {
        new UserService(f.head, f.stateDir, TestRegistries.FAST).add("r.hallowmere", "Rasmus Hallowmere", Role.HQ_REVIEWER,
                TestRegistries.THIRD_PASSPHRASE.toCharArray());
        try (Session reviewer = TestRegistries.login(f.dir, f.stateDir, "r.hallowmere", TestRegistries.THIRD_PASSPHRASE)) {
            ExportService exports = new ExportService(reviewer);
            assertThat(exports.profiles()).extracting(ExportProfile::name).doesNotContain(BondRegisterProfile.NAME,
                    BondLedgerProfile.NAME, BondStatementProfile.NAME);
            assertThat(userError(() -> exports.export(BondRegisterProfile.NAME, Map.of(), false, null,
                    tmp.resolve("x.xlsx"), ProgressSink.NONE)).key()).isEqualTo("error.permission.denied");
        }
        assertThat(new ExportService(f.officer).profiles()).extracting(ExportProfile::name)
                .contains(BondRegisterProfile.NAME, BondLedgerProfile.NAME, BondStatementProfile.NAME);
        assertThat(tmp.resolve("x.xlsx")).doesNotExist();
    }

    @Test
    void hqImportsTheRegisterAndTheLedgerRowForRow() {
        Path register = export(BondRegisterProfile.NAME, Map.of(), null);
        Path ledger = export(BondLedgerProfile.NAME, Map.of(), PASSWORD);
        try (Session hq = TestRegistries.creator().create(new RegistryCreator.Request(tmp.resolve("hq"), RegistryKind.HQ,
                "Ministry of Utopia, consular HQ", "UT", "a.marchetti", "Alma Marchetti",
                TestRegistries.OTHER_PASSPHRASE.toCharArray())).session()) {
            ImportService imports = new ImportService(hq);
            ImportReport unknown = imports.importFiles(List.of(register), null, ProgressSink.NONE).get(0);
            assertThat(unknown.status()).isEqualTo(ImportStatus.UNKNOWN_KEY);
            new PostKeyService(hq).register(unknown.info().registryId(), unknown.info().post(), unknown.info().country(),
                    unknown.info().publicKey());
            assertThat(imports.importFiles(List.of(register), null, ProgressSink.NONE).get(0).status())
                    .isEqualTo(ImportStatus.IMPORTED);
            ImportReport entries = imports.importFiles(List.of(ledger), PASSWORD.clone(), ProgressSink.NONE).get(0);
            assertThat(entries.status()).isEqualTo(ImportStatus.IMPORTED);
            assertThat(entries.rows()).isEqualTo(4);
            ConsolidationService consolidation = new ConsolidationService(hq);
            long registerImport = consolidation.imports().stream().filter(i -> i.profile().equals(BondRegisterProfile.NAME))
                    .findFirst().orElseThrow().id();
            ImportedRows bonds = consolidation.rows(registerImport, 0, 0, 10);
            assertThat(bonds.total()).isEqualTo(3);
            assertThat(bonds.rows()).extracting(r -> r[col(BondExports.BOND_COLUMNS, "Reference")])
                    .containsExactlyInAnyOrder(usd.reference(), kes.reference(), eur.reference());
        }
    }
}
