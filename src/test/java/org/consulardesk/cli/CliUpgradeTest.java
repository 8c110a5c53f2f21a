package org.consulardesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.Vault;
import org.consulardesk.security.store.UserStore;
import org.consulardesk.store.Database;
import org.consulardesk.store.OlderRegistries;
import org.consulardesk.store.RegistryFolder;
import org.consulardesk.store.model.UpgradeStep;
import org.consulardesk.store.service.BackupService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command never upgrades a registry an earlier version wrote on its own: without {@code --upgrade}
 * it refuses, names the steps and changes nothing; with it, it upgrades and prints its progress to
 * standard error (ADR 0076).
 */
class CliUpgradeTest {
    private static final String HEAD = "h.ashvale";
    private static final String PASSPHRASE = "orchid tunnel basalt marigold 5521";
    private static final String REFUSED = "was written by an earlier version of ConsularDesk and needs an upgrade before this"
            + " command can open it: 9 steps (search word pairs table, search word pairs, search word pairs index, duplicate keys,"
            + " map cell points, map names by cell, search list tables, search list rows, search list index). Nothing was changed.";

    @TempDir
    Path work;
    private Path registry;
    private Path pass;
    private Vault.NewKeys keys;
    private String previousStateDir;

    @BeforeEach
    void registryAtV16() throws Exception {
        previousStateDir = System.getProperty("consulardesk.statedir");
        System.setProperty("consulardesk.statedir", work.resolve("state").toString());
        registry = work.resolve("nairobi");
        keys = OlderRegistries.registry(registry, "16", HEAD, PASSPHRASE, 1, 2, 20_001);
        pass = Files.writeString(work.resolve("head.pass"), PASSPHRASE + "\n");
    }

    @AfterEach
    void restoreStateDir() {
        if (previousStateDir == null) {
            System.clearProperty("consulardesk.statedir");
        } else {
            System.setProperty("consulardesk.statedir", previousStateDir);
        }
    }

    @Test
    void everyCommandThatOpensAnOlderRegistryRefusesWithoutTheFlagAndChangesNothing() throws Exception {
        Path area = Files.writeString(work.resolve("small.geojson"), "{\"type\": \"Polygon\", \"coordinates\":"
                + " [[[36.81,-1.29],[36.82,-1.29],[36.82,-1.28],[36.81,-1.28],[36.81,-1.29]]]}");
        Path password = Files.writeString(work.resolve("pw"), "utopia exchange 2026\n");
        List<List<String>> commands = List.of(
                List.of("persons", "search", "garcia"),
                List.of("persons", "duplicates"),
                List.of("users", "list"),
                List.of("audit", "verify"),
                List.of("backup", "--out", work.resolve("b.cdbackup").toString()),
                List.of("export", "--profile", "registry-full", "--out", work.resolve("full.xlsx").toString(),
                        "--password-file", password.toString()),
                List.of("geo", "inside", "--geojson", area.toString()),
                List.of("sample-data", "--persons", "1", "--seed", "1"),
                List.of("post-key", "list"));
        byte[] keyFile = Files.readAllBytes(registry.resolve("keys.properties"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--registry", registry.toString(), "--user", HEAD, "--passphrase-file", pass.toString()));
            CliTest.Result r = CliTest.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", command)).isEqualTo(Cli.USER_ERROR);
            assertThat(r.err()).as(String.join(" ", command)).contains(REFUSED).contains("run the command again with --upgrade")
                    .doesNotContain("Exception");
            assertThat(r.out()).as(String.join(" ", command)).isEmpty();
        }
        assertThat(pendingVersions(registry)).containsExactly("17", "17.1", "17.2", "19", "20", "22", "23", "23.1", "23.2");
        assertThat(Files.readAllBytes(registry.resolve("keys.properties"))).isEqualTo(keyFile);
        assertThat(work.resolve("b.cdbackup")).doesNotExist();
    }

    @Test
    void withTheFlagItUpgradesAndPrintsEachStepAndBatchToStandardError() {
        CliTest.Result r = CliTest.run("persons", "search", "--upgrade", "--registry", registry.toString(), "--user", HEAD,
                "--passphrase-file", pass.toString(), "garcia");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Garcia").doesNotContain("Upgrading");
        assertThat(r.err().lines().toList()).first().isEqualTo("Upgrading the registry: 9 steps (search word pairs table, search word pairs, search word"
                + " pairs index, duplicate keys, map cell points, map names by cell, search list tables, search list rows, search list index).");
        assertThat(r.err().lines().toList()).containsSubsequence(
                "Upgrading the registry: step 1 of 9 (search word pairs table)…",
                "Upgrading the registry: step 2 of 9 (search word pairs)…",
                "Upgrading the registry: step 2 of 9 (search word pairs), 0 of 20,001 persons",
                "Upgrading the registry: step 2 of 9 (search word pairs), 20,000 of 20,001 persons",
                "Upgrading the registry: step 2 of 9 (search word pairs), 20,001 of 20,001 persons",
                "Upgrading the registry: step 3 of 9 (search word pairs index)…",
                "Upgrading the registry: step 4 of 9 (duplicate keys)…",
                "Upgrading the registry: step 5 of 9 (map cell points)…",
                "Upgrading the registry: step 6 of 9 (map names by cell)…",
                "Upgrading the registry: step 7 of 9 (search list tables)…",
                "Upgrading the registry: step 8 of 9 (search list rows), 20,001 of 20,001 persons",
                "Upgrading the registry: step 9 of 9 (search list index)…");
        assertThat(r.err().lines().toList()).last().asString().matches("The registry was upgraded: 9 steps in \\d+ s\\.");
        assertThat(pendingVersions(registry)).isEmpty();

        // Once current, the flag is not needed and nothing more is printed.
        CliTest.Result again = CliTest.run("persons", "search", "--registry", registry.toString(), "--user", HEAD,
                "--passphrase-file", pass.toString(), "garcia");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).isEmpty();
        assertThat(again.out()).contains("Garcia");
    }

    @Test
    void benchCommandsReusingAnOlderRegistryRefuseWithoutTheFlag() {
        Path bench = work.resolve("bench");
        Vault.NewKeys benchKeys = OlderRegistries.registry(bench, "16", BenchRegistry.USER, BenchRegistry.PASSPHRASE, 1, 2);
        for (String command : List.of("registry", "geo")) {
            CliTest.Result r = CliTest.run("bench", command, "--registry", bench.toString(), "--queries", "1");
            assertThat(r.exit()).as(command).isEqualTo(Cli.USER_ERROR);
            assertThat(r.err()).as(command).contains(REFUSED).contains("--upgrade");
        }
        assertThat(pendingVersions(bench, benchKeys.dataKey())).hasSize(9);
    }

    @Test
    void recoveryWithTheRecoveryKeyRefusesAnOlderRegistryUntilTheFlagIsGiven() throws Exception {
        Path keyFile = Files.writeString(work.resolve("recovery.txt"), keys.recoveryKey().formatted() + "\n");
        Path next = Files.writeString(work.resolve("next.pass"), "quartz meadow lantern cobalt 8812\n");
        byte[] before = Files.readAllBytes(registry.resolve("keys.properties"));

        CliTest.Result refused = CliTest.run("recover", "--registry", registry.toString(), "--user", HEAD,
                "--recovery-key-file", keyFile.toString(), "--new-passphrase-file", next.toString());
        assertThat(refused.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(refused.err()).contains(REFUSED).contains("--upgrade");
        // No new passphrase was written and the schema is as it was.
        assertThat(Files.readAllBytes(registry.resolve("keys.properties"))).isEqualTo(before);
        assertThat(pendingVersions(registry)).hasSize(9);

        CliTest.Result recovered = CliTest.run("recover", "--upgrade", "--registry", registry.toString(), "--user", HEAD,
                "--recovery-key-file", keyFile.toString(), "--new-passphrase-file", next.toString());
        assertThat(recovered.exit()).as(recovered.err()).isZero();
        assertThat(recovered.err()).contains("Upgrading the registry: step 6 of 9 (map names by cell)…",
                "Upgrading the registry: step 7 of 9 (search list tables)…",
                "Upgrading the registry: step 8 of 9 (search list rows), 20,001 of 20,001 persons",
                "Upgrading the registry: step 9 of 9 (search list index)…");
        assertThat(pendingVersions(registry)).isEmpty();
        CliTest.Result signedIn = CliTest.run("users", "list", "--registry", registry.toString(), "--user", HEAD,
                "--passphrase-file", next.toString());
        assertThat(signedIn.exit()).as(signedIn.err()).isZero();
    }

    @Test
    void aBackupFromAnEarlierVersionIsRestoredAsItWasAndOpeningItThenAsks() throws Exception {
        Path backup = work.resolve("old.cdbackup");
        backupAtV16(backup);
        Path restored = work.resolve("restored");

        CliTest.Result r = CliTest.run("restore", "--from", backup.toString(), "--registry", restored.toString(), "--user", HEAD,
                "--passphrase-file", pass.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Restored the registry of Embassy of Utopia in Nairobi")
                .contains("The backup was written by an earlier version and was restored as it was: opening it needs an upgrade"
                        + " of 9 steps (search word pairs");
        assertThat(pendingVersions(restored)).containsExactly("17", "17.1", "17.2", "19", "20", "22", "23", "23.1", "23.2");

        CliTest.Result refused = CliTest.run("persons", "search", "--registry", restored.toString(), "--user", HEAD,
                "--passphrase-file", pass.toString(), "garcia");
        assertThat(refused.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(refused.err()).contains(REFUSED);
        CliTest.Result upgraded = CliTest.run("persons", "search", "--upgrade", "--registry", restored.toString(), "--user", HEAD,
                "--passphrase-file", pass.toString(), "garcia");
        assertThat(upgraded.exit()).as(upgraded.err()).isZero();
        assertThat(upgraded.out()).contains("Garcia");
    }

    /** A backup taken by a version whose schema was V16: its own session over the database as that version left it. */
    private void backupAtV16(Path out) {
        try (Database db = OlderRegistries.openAt(registry, keys.dataKey(), "16")) {
            UserAccount head = db.read(tx -> new UserStore().find(tx, HEAD)).orElseThrow();
            Session session = new Session(registry, RegistryFolder.readDescriptor(registry), db, keys.dataKey(), head,
                    Clock.systemUTC());
            BackupService.backup(session, out, ProgressSink.NONE);
        }
        assertThat(pendingVersions(registry)).hasSize(9);
    }

    private List<String> pendingVersions(Path dir) {
        return pendingVersions(dir, keys.dataKey());
    }

    private static List<String> pendingVersions(Path dir, byte[] dataKey) {
        try (Database.Opening opening = Database.connect(dir, dataKey)) {
            return opening.pending().stream().map(UpgradeStep::version).toList();
        }
    }
}
