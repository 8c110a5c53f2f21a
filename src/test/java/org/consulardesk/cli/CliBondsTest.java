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
    static long evacuated;
    static long uncoveredWorker;
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
            uncoveredWorker = f.worker(uncoveredEmployer, "Haddad", "Dina");
            f.threshold("5000", "USD");
            BondService bonds = new BondService(f.officer);
            LedgerService ledger = new LedgerService(f.officer);
            Bond b = f.bond(employer, "2000", "USD", false);
            bonds.addWorker(b.id(), new CoveredWorker(worker, null, null, "Mason", null, null, null));
            ledger.post(b.id(), EntryRequest.of(EntryKind.DEPOSIT, "2000", "USD", "cash receipt 7781"));
            bonds.activate(b.id(), bonds.get(b.id()).version());
            ledger.post(b.id(), EntryRequest.of(EntryKind.DRAWDOWN, "350.25", "USD", "bus ticket").forPerson(worker));
            long rift = f.employer("Rift Valley Farms").id();
            evacuated = f.worker(rift, "Chenwick", "Wei");
            Bond riftBond = f.bond(rift, "1000", "USD", true);
            ledger.post(riftBond.id(), EntryRequest.of(EntryKind.DEPOSIT, "1000", "USD", "escrow"));
            bonds.activate(riftBond.id(), bonds.get(riftBond.id()).version());
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
    void recordsPreviewsPostsAndListsAnEvacuationCost() {
        String[] login = {"--registry", registry.toString(), "--user", TestRegistries.HEAD, "--passphrase-file", pass.toString()};
        CliTest.Result recorded = run(concat(new String[] {"bonds", "record-cost"}, login, new String[] {"--kind", "bus",
                "--description", "Bus Mombasa to Nairobi", "--date", "2026-11-18", "--amount", "300", "--currency", "USD",
                "--person", Long.toString(evacuated), "--person", Long.toString(uncoveredWorker)}));
        assertThat(recorded.exit()).as(recorded.err()).isZero();
        java.util.regex.Matcher ref = java.util.regex.Pattern.compile("EVC-2026-\\d{4}").matcher(recorded.out());
        assertThat(ref.find()).as(recorded.out()).isTrue();
        CliTest.Result preview = run(concat(new String[] {"bonds", "allocate"}, login, new String[] {"--cost", ref.group()}));
        assertThat(preview.exit()).as(preview.err()).isZero();
        assertThat(preview.out()).contains("nothing posted").contains("Rift Valley Farms").contains("150.00 USD")
                .contains("the state bears 150.00 USD");
        CliTest.Result open = run(concat(new String[] {"bonds", "costs"}, login, new String[0]));
        assertThat(open.out()).contains(ref.group()).contains("open, not yet allocated");
        CliTest.Result posted = run(concat(new String[] {"bonds", "allocate"}, login, new String[] {"--cost", ref.group(),
                "--method", "proportional", "--post"}));
        assertThat(posted.exit()).as(posted.err()).isZero();
        assertThat(posted.out()).contains("Posted " + ref.group());
        CliTest.Result listed = run(concat(new String[] {"bonds", "costs"}, login, new String[0]));
        assertThat(listed.out()).contains("allocated (Proportional to balances)").contains("-150.00 USD");
        CliTest.Result again = run(concat(new String[] {"bonds", "allocate"}, login, new String[] {"--cost", ref.group(), "--post"}));
        assertThat(again.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(run(concat(new String[] {"bonds", "allocate"}, login, new String[] {"--cost", "EVC-1999-0001"})).exit())
                .isEqualTo(Cli.USER_ERROR);
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
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
