package org.consulardesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.service.BondFixtures;
import org.consulardesk.bonds.service.BondService;
import org.consulardesk.bonds.service.LedgerService;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bonds statement} and {@code bonds alerts} through {@link Cli#run}, on a registry made with the services. */
class CliBondsTest {
    @TempDir
    static Path work;
    static Path pass;
    static Path registry;
    static long employer;
    static long uncoveredEmployer;
    static String previousStateDir;

    @BeforeAll
    static void createRegistry() throws Exception {
        previousStateDir = System.getProperty("consulardesk.statedir");
        try (BondFixtures f = new BondFixtures(work)) {
            System.setProperty("consulardesk.statedir", f.stateDir.toString());
            registry = f.dir;
            employer = f.employer("Savanna Builders Ltd").id();
            uncoveredEmployer = f.employer("Nomad Cleaning Services").id();
            long worker = f.worker(employer, "Okonkwo", "Amara");
            f.worker(uncoveredEmployer, "Haddad", "Dina");
            f.threshold("5000", "USD");
            BondService bonds = new BondService(f.officer);
            LedgerService ledger = new LedgerService(f.officer);
            Bond b = f.bond(employer, "2000", "USD", false);
            bonds.addWorker(b.id(), new CoveredWorker(worker, null, null, "Mason", null, null, null));
            ledger.post(b.id(), EntryRequest.of(EntryKind.DEPOSIT, "2000", "USD", "cash receipt 7781"));
            bonds.activate(b.id(), bonds.get(b.id()).version());
            ledger.post(b.id(), EntryRequest.of(EntryKind.DRAWDOWN, "350.25", "USD", "bus ticket").forPerson(worker));
            Bond eur = f.bond(employer, "100", "EUR", false);
            ledger.post(eur.id(), EntryRequest.of(EntryKind.DEPOSIT, "100", "EUR", "no threshold in EUR"));
        }
        pass = Files.writeString(work.resolve("head.pass"), TestRegistries.PASSPHRASE + "\n");
    }

    @AfterAll
    static void restore() {
        if (previousStateDir == null) {
            System.clearProperty("consulardesk.statedir");
        } else {
            System.setProperty("consulardesk.statedir", previousStateDir);
        }
    }

    private static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void statementListsTheLedgerAndBalancesPerCurrency() {
        CliTest.Result r = run("bonds", "statement", "--registry", registry.toString(), "--user", TestRegistries.HEAD,
                "--passphrase-file", pass.toString(), "--employer", Long.toString(employer));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Statement of Savanna Builders Ltd").contains("Licence LIC-2026-17")
                .contains("Cash deposit").contains("Partially drawn").contains("-350.25 USD").contains("bus ticket")
                .contains("Balance 1649.75 USD").contains("awaiting approval")
                .contains("Balances per currency: 0.00 EUR; 1649.75 USD");
    }

    @Test
    void alertsNameTheWorkerWithoutABondAndTheWaitingApproval() {
        CliTest.Result r = run("bonds", "alerts", "--registry", registry.toString(), "--user", TestRegistries.HEAD,
                "--passphrase-file", pass.toString(), "--days", "30");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Workers whose employer has no bond in force: 1").contains("Haddad")
                .contains("Nomad Cleaning Services").contains("Ledger entries waiting for a second officer: 1")
                .contains("100.00 EUR");
    }

    @Test
    void exportsTheRegisterThroughTheExchangeAndVerifiesIt() {
        Path out = work.resolve("out/bond-register.xlsx");
        CliTest.Result r = run("export", "--registry", registry.toString(), "--user", TestRegistries.HEAD,
                "--passphrase-file", pass.toString(), "--profile", "bond-register", "--filter",
                "employer=" + employer, "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Bonds: 2").contains("Totals: 2");
        CliTest.Result verified = run("verify-export", out.toString());
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("bond-register").contains("Bonds: 2");
        CliTest.Result other = run("export", "--registry", registry.toString(), "--user", TestRegistries.HEAD,
                "--passphrase-file", pass.toString(), "--profile", "bond-register", "--filter",
                "employer=" + uncoveredEmployer, "--out", work.resolve("out/none.xlsx").toString());
        assertThat(other.exit()).as(other.err()).isZero();
        assertThat(other.out()).contains("Bonds: 0");
        assertThat(run("export", "--list-profiles").out()).contains("bond-register").contains("bond-ledger")
                .contains("bond-statement");
    }

    @Test
    void anUnknownEmployerIsAUserError() {
        CliTest.Result r = run("bonds", "statement", "--registry", registry.toString(), "--user", TestRegistries.HEAD,
                "--passphrase-file", pass.toString(), "--employer", "999999");
        assertThat(r.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(r.err()).contains("999999");
        assertThat(run("bonds").exit()).isEqualTo(Cli.USAGE_ERROR);
    }
}
