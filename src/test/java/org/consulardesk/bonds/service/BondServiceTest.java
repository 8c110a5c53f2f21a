package org.consulardesk.bonds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondDocument;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.EmployerWorker;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.registry.model.OrganisationKind;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Employers, bonds, covered workers and scans against a real encrypted H2 file. */
class BondServiceTest {
    @TempDir
    Path tmp;
    BondFixtures f;
    BondService bonds;
    EmployerService employers;

    @BeforeEach
    void open() {
        f = new BondFixtures(tmp);
        bonds = new BondService(f.officer);
        employers = new EmployerService(f.officer);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void extendsTheSharedOrganisationRecordAndBlacklists() {
        Employer e = f.employer("Savanna Builders Ltd");
        assertThat(e.licenceNumber()).isEqualTo("LIC-2026-17");
        assertThat(e.licenceValidOn(LocalDate.of(2026, 6, 1))).isTrue();
        assertThat(e.licenceValidOn(LocalDate.of(2028, 1, 1))).isFalse();
        Employer changed = employers.save(new Employer(e.id(), e.version(), e.kind(), e.legalName(), e.registrationNumber(),
                e.licenceNumber(), e.licenceValidFrom(), e.licenceValidUntil(), "ke", e.address(), e.contactPerson(),
                e.phone(), e.email(), "Late wages reported twice in 2025", false, null, null));
        assertThat(changed.countryCode()).isEqualTo("KE");
        assertThat(changed.version()).isEqualTo(e.version() + 1);
        assertThat(userError(() -> employers.save(e)).key()).as("stale version").isEqualTo("error.concurrentChange");
        assertThat(userError(() -> employers.blacklist(e.id(), changed.version(), true, "")).key())
                .isEqualTo("error.employer.blacklistReason");
        Employer black = employers.blacklist(e.id(), changed.version(), true, "Passports confiscated");
        assertThat(black.blacklisted()).isTrue();
        assertThat(black.blacklistReason()).isEqualTo("Passports confiscated");
        assertThat(userError(() -> f.bond(e.id(), "1000", "USD", false)).key()).isEqualTo("error.bond.blacklisted");
        assertThat(employers.search("savanna", 10)).extracting(Employer::id).containsExactly(e.id());
        assertThat(f.head.audit().page(AuditFilter.ALL, 0, 200)).extracting(AuditRecord::action)
                .contains("ORGANISATION_ADDED", "ORGANISATION_CHANGED", "ORGANISATION_BLACKLISTED");
    }

    @Test
    void surgeStaffHaveNoAccess() {
        Employer e = f.employer("Savanna Builders Ltd");
        new org.consulardesk.security.service.UserService(f.head, f.stateDir, TestRegistries.FAST).add("s.surge", "Sol Surge",
                org.consulardesk.security.model.Role.SURGE_STAFF, TestRegistries.THIRD_PASSPHRASE.toCharArray());
        try (Session surge = TestRegistries.login(f.dir, f.stateDir, "s.surge", TestRegistries.THIRD_PASSPHRASE)) {
            assertThat(userError(() -> new EmployerService(surge).get(e.id())).key()).isEqualTo("error.permission.denied");
            assertThat(userError(() -> new BondService(surge).register("", null, 10)).key()).isEqualTo("error.permission.denied");
        }
    }

    @Test
    void coversWorkersOfTheEmployerOnly() {
        Employer e = f.employer("Savanna Builders Ltd");
        Employer other = f.employer("Rift Valley Farms");
        long amara = f.worker(e.id(), "Okonkwo", "Amara");
        long bao = f.worker(e.id(), "Tran", "Bao");
        long stranger = f.worker(other.id(), "Lindqvist", "Elsa");
        assertThat(employers.workers(e.id())).extracting(EmployerWorker::personId).containsExactlyInAnyOrder(amara, bao);

        Bond single = f.bond(e.id(), "1500", "USD", false);
        bonds.addWorker(single.id(), new CoveredWorker(amara, null, null, "Mason", BondFixtures.START, BondFixtures.END,
                Money.of("450", "USD")));
        assertThat(userError(() -> bonds.addWorker(single.id(), new CoveredWorker(bao, null, null, null, null, null, null)))
                .key()).isEqualTo("error.bond.perWorkerOne");

        Bond pooled = f.bond(e.id(), "5000", "USD", true);
        bonds.addWorker(pooled.id(), new CoveredWorker(bao, null, null, "Electrician", null, null, null));
        assertThat(userError(() -> bonds.addWorker(pooled.id(), new CoveredWorker(stranger, null, null, null, null, null, null)))
                .key()).isEqualTo("error.bond.notEmployed");
        assertThat(userError(() -> bonds.addWorker(pooled.id(), new CoveredWorker(bao, null, null, null, null, null, null)))
                .key()).isEqualTo("error.bond.workerTwice");
        assertThat(bonds.workers(single.id())).singleElement().satisfies(w -> {
            assertThat(w.familyName()).isEqualTo("Okonkwo");
            assertThat(w.monthlyWage()).isEqualTo(Money.of("450", "USD"));
            assertThat(w.positionTitle()).isEqualTo("Mason");
        });
        assertThat(bonds.removeWorker(pooled.id(), bao)).isEmpty();
        assertThat(bonds.ofEmployer(e.id())).hasSize(2);
        assertThat(bonds.register("savanna", null, 100)).hasSize(2);
    }

    @Test
    void keepsDocumentScansInsideTheEncryptedDatabase() throws Exception {
        Employer e = f.employer("Savanna Builders Ltd");
        Bond b = f.bond(e.id(), "1500", "USD", false);
        byte[] scan = "%PDF-1.7 guarantee letter of the Bank of Utopia, marker QX7".getBytes(StandardCharsets.US_ASCII);
        BondDocument d = bonds.addDocument(b.id(), "Guarantee letter", "application/pdf", scan);
        assertThat(d.size()).isEqualTo(scan.length);
        assertThat(bonds.documents(b.id())).extracting(BondDocument::title).containsExactly("Guarantee letter");
        assertThat(bonds.documentContent(b.id(), d.id())).isEqualTo(scan);
        assertThat(userError(() -> bonds.addDocument(b.id(), "Empty", "application/pdf", new byte[0])).key())
                .isEqualTo("error.bond.documentSize");
        f.close();
        for (Path file : TestRegistries.files(f.dir)) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("marker QX7");
        }
        f = new BondFixtures(tmp.resolve("again"));
    }

    @Test
    void draftsChangeUntilActivated() {
        Employer e = f.employer("Savanna Builders Ltd");
        Bond b = f.bond(e.id(), "1500", "USD", false);
        Bond changed = bonds.updateDraft(b.id(), b.version(), BondFixtures.draft(e.id(), "2000", "EUR", false, null));
        assertThat(changed.faceAmount()).isEqualTo(Money.of("2000", "EUR"));
        assertThat(userError(() -> bonds.updateDraft(b.id(), b.version(), BondFixtures.draft(e.id(), "1", "EUR", false, null)))
                .key()).isEqualTo("error.concurrentChange");
        assertThat(userError(() -> bonds.create(BondFixtures.draft(e.id(), "10.001", "USD", false, null))).key())
                .isEqualTo("error.bond.amount");
        assertThat(userError(() -> bonds.create(BondFixtures.draft(e.id(), "10.5", "JPY", false, null))).key())
                .as("yen have no decimals").isEqualTo("error.bond.amount");
    }
}
