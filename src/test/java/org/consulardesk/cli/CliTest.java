package org.consulardesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line run in-process against one registry made once (Argon2 at the standard cost is
 * slow on purpose), with passphrase files in a temporary folder.
 */
class CliTest {
    private static final String HEAD_PASSPHRASE = "violet harbour tangerine compass";
    private static final String OFFICER_PASSPHRASE = "quiet meadow lantern seventy";
    private static final Pattern RECOVERY_KEY = Pattern.compile("\\b([0-9A-Z]{4}-){7}[0-9A-Z]{4}\\b");

    @TempDir
    static Path work;

    static Path registry;
    static Path headPass;
    static Path officerPass;
    static String recoveryKey;
    static String previousStateDir;

    record Result(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @BeforeAll
    static void createRegistry() throws IOException {
        previousStateDir = System.getProperty("consulardesk.statedir");
        System.setProperty("consulardesk.statedir", work.resolve("state").toString());
        headPass = Files.writeString(work.resolve("head.pass"), HEAD_PASSPHRASE + "\n");
        officerPass = Files.writeString(work.resolve("officer.pass"), OFFICER_PASSPHRASE + "\r\n");
        registry = work.resolve("nairobi");

        Result r = run("init", "--registry", registry.toString(), "--post", "Embassy of Utopia in Nairobi",
                "--country", "ke", "--user", "a.okafor", "--display-name", "Ada Okafor",
                "--passphrase-file", headPass.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        Matcher m = RECOVERY_KEY.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        recoveryKey = m.group();
        assertThat(recoveryKey.split("-")).hasSize(8).allSatisfy(g -> assertThat(g).hasSize(4));
        assertThat(r.out()).contains("Embassy of Utopia in Nairobi (KE)").contains("a.okafor").contains("offline");
    }

    @AfterAll
    static void restoreStateDir() {
        if (previousStateDir == null) {
            System.clearProperty("consulardesk.statedir");
        } else {
            System.setProperty("consulardesk.statedir", previousStateDir);
        }
    }

    private Result last;

    @AfterEach
    void noPassphraseWasPrinted() {
        if (last != null) {
            assertThat(last.out() + last.err()).doesNotContain(HEAD_PASSPHRASE).doesNotContain(OFFICER_PASSPHRASE)
                    .doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    static Result run(String... args) {
        return run(Map.of(), null, args);
    }

    static Result run(Map<String, String> env, Terminal.PassphraseConsole console, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new Terminal(new PrintWriter(out), new PrintWriter(err), env::get, console), args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Result cli(String... args) {
        last = run(args);
        return last;
    }

    private Result asHead(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--registry", registry.toString(), "--user", "a.okafor",
                "--passphrase-file", headPass.toString()}, 0, all, args.length, 6);
        return cli(all);
    }

    private Result listUsers(Path dir) {
        return cli("users", "list", "--registry", dir.toString(), "--user", "a.okafor", "--passphrase-file", headPass.toString());
    }

    private static String rowOf(String table, String username) {
        return table.lines().filter(l -> l.startsWith(username + " ")).findFirst().orElse("");
    }

    @Test
    void helpOnRootAndSubcommandsExitsZero() {
        Result root = cli("--help");
        assertThat(root.exit()).isZero();
        assertThat(root.out()).contains("init", "users", "audit", "backup", "restore", "persons");

        Result add = cli("users", "add", "--help");
        assertThat(add.exit()).isZero();
        assertThat(add.out()).contains("--new-user", "--role", "head-of-post", "--new-passphrase-file");
        assertThat(add.out()).doesNotContain("!cli.");

        // The bundle writes an apostrophe twice for MessageFormat; help text shows it once.
        Result bench = cli("bench", "geo", "--help");
        assertThat(bench.out()).contains("area's").doesNotContain("''");
    }

    @Test
    void versionIsDevelopmentWhenNotRunFromTheJar() {
        Result r = cli("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).isEqualTo("ConsularDesk development");
    }

    @Test
    void missingRequiredOptionIsUsageError() {
        Result r = cli("users", "list", "--user", "a.okafor");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--registry");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void groupWithoutSubcommandOrBadRoleIsUsageError() {
        assertThat(cli("users").exit()).isEqualTo(2);
        assertThat(cli().exit()).isEqualTo(2);
        Result badRole = asHead("users", "add", "--new-user", "x.y", "--display-name", "X Y", "--role", "boss",
                "--new-passphrase-file", officerPass.toString());
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("consular-officer");
    }

    @Test
    void wrongPassphraseIsOneLineAndExitOne() {
        Result r = cli("users", "list", "--registry", registry.toString(), "--user", "a.okafor",
                "--passphrase-file", officerPass.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("Wrong user name or passphrase.");
        assertThat(r.out()).isEmpty();
        // The right passphrase clears the failure count again.
        assertThat(listUsers(registry).exit()).isZero();
    }

    @Test
    void missingPassphraseFileIsOneLine() {
        Result r = cli("users", "list", "--registry", registry.toString(), "--user", "a.okafor",
                "--passphrase-file", work.resolve("nope.txt").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("nope.txt");
    }

    @Test
    void noPassphraseAndNoConsoleSaysHowToPassIt() {
        Result r = cli("users", "list", "--registry", registry.toString(), "--user", "a.okafor");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("--passphrase-file", "CONSULARDESK_PASSPHRASE");
    }

    @Test
    void unknownRegistryFolderIsOneLine() {
        Result r = cli("users", "list", "--registry", work.resolve("nowhere").toString(), "--user", "a.okafor",
                "--passphrase-file", headPass.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("No ConsularDesk registry in");
    }

    @Test
    void passphraseFromEnvironmentOrPrompt() {
        last = run(Map.of(Passphrases.ENV, HEAD_PASSPHRASE), null,
                "users", "list", "--registry", registry.toString(), "--user", "a.okafor");
        assertThat(last.exit()).as(last.err()).isZero();
        assertThat(rowOf(last.out(), "a.okafor")).contains("Ada Okafor", "Head of post", "yes");

        Deque<String> prompts = new ArrayDeque<>();
        last = run(Map.of(), p -> {
            prompts.add(p);
            return HEAD_PASSPHRASE.toCharArray();
        }, "users", "list", "--registry", registry.toString(), "--user", "a.okafor");
        assertThat(last.exit()).as(last.err()).isZero();
        assertThat(prompts).containsExactly("Passphrase for a.okafor: ");
    }

    @Test
    void initWithMismatchedTypedPassphrasesCreatesNothing() {
        Deque<String> typed = new ArrayDeque<>(List.of(HEAD_PASSPHRASE, OFFICER_PASSPHRASE));
        Path dir = work.resolve("never");
        last = run(Map.of(), p -> typed.removeFirst().toCharArray(), "init", "--registry", dir.toString(),
                "--post", "Consulate of Utopia in Mombasa", "--country", "KE", "--user", "z.head");
        assertThat(last.exit()).isEqualTo(1);
        assertThat(last.errLines()).singleElement().asString().contains("differ");
        assertThat(dir).doesNotExist();
    }

    @Test
    void initRejectsANonEmptyFolder() {
        Result r = cli("init", "--registry", registry.toString(), "--post", "X", "--country", "KE", "--user", "x.head",
                "--passphrase-file", headPass.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("not empty");
    }

    @Test
    void usersAddListDisableEnable() throws IOException {
        Result add = asHead("users", "add", "--new-user", "b.mwangi", "--display-name", "Ben Mwangi",
                "--role", "consular-officer", "--new-passphrase-file", officerPass.toString());
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("b.mwangi", "Consular officer");

        Result list = listUsers(registry);
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines().findFirst().orElseThrow()).contains("USER NAME", "DISPLAY NAME", "ROLE", "ENABLED");
        assertThat(rowOf(list.out(), "b.mwangi")).contains("Ben Mwangi", "Consular officer", "yes");

        Result again = asHead("users", "add", "--new-user", "b.mwangi", "--display-name", "Ben Mwangi",
                "--role", "consular-officer", "--new-passphrase-file", officerPass.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.errLines()).containsExactly("There is already a user called b.mwangi.");

        // An officer may not manage users.
        Result denied = cli("users", "list", "--registry", registry.toString(), "--user", "b.mwangi",
                "--passphrase-file", officerPass.toString());
        assertThat(denied.exit()).isEqualTo(1);
        assertThat(denied.errLines()).singleElement().asString().contains("may not manage users");

        assertThat(asHead("users", "disable", "--target", "b.mwangi").out()).contains("Disabled b.mwangi.");
        assertThat(rowOf(listUsers(registry).out(), "b.mwangi")).endsWith("no");
        Result disabledLogin = cli("users", "list", "--registry", registry.toString(), "--user", "b.mwangi",
                "--passphrase-file", officerPass.toString());
        assertThat(disabledLogin.errLines()).containsExactly("This account is disabled. Ask the head of post.");

        // Disabling destroyed the account's key: enabling gives it a new initial passphrase.
        Path renewed = Files.writeString(officerPass.resolveSibling("officer-renewed.pass"), "harbour violet compass ninety\n");
        Result enable = asHead("users", "enable", "--target", "b.mwangi", "--new-passphrase-file", renewed.toString());
        assertThat(enable.exit()).as(enable.err()).isZero();
        assertThat(rowOf(listUsers(registry).out(), "b.mwangi")).endsWith("yes");
        Result oldPassphrase = cli("users", "list", "--registry", registry.toString(), "--user", "b.mwangi",
                "--passphrase-file", officerPass.toString());
        assertThat(oldPassphrase.errLines()).singleElement().asString().startsWith("Wrong user name or passphrase");

        Result unlock = asHead("users", "unlock", "--target", "b.mwangi");
        assertThat(unlock.exit()).isZero();
        assertThat(unlock.out()).contains("b.mwangi");

        Result self = asHead("users", "disable", "--target", "a.okafor");
        assertThat(self.exit()).isEqualTo(1);
        assertThat(self.errLines()).hasSize(1);
    }

    @Test
    void auditVerifyIntact() {
        Result r = asHead("audit", "verify");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).matches("Audit log intact: [1-9][0-9]* entries checked");
    }

    @Test
    void backupAndRestoreWithPassphraseRoundTrip() throws IOException {
        Path backup = work.resolve("out/nairobi.cdbackup");
        Result b = asHead("backup", "--out", backup.toString());
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(backup).isRegularFile();
        assertThat(b.out()).contains("Backup written to");

        Result exists = asHead("backup", "--out", backup.toString());
        assertThat(exists.exit()).isEqualTo(1);
        assertThat(exists.errLines()).singleElement().asString().contains("--force");
        assertThat(asHead("backup", "--out", backup.toString(), "--force").exit()).isZero();

        Path restored = work.resolve("restored");
        Result r = cli("restore", "--from", backup.toString(), "--registry", restored.toString(),
                "--user", "a.okafor", "--passphrase-file", headPass.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Embassy of Utopia in Nairobi (KE)");

        Result list = listUsers(restored);
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(rowOf(list.out(), "a.okafor")).contains("Ada Okafor");

        Result wrong = cli("restore", "--from", backup.toString(), "--registry", work.resolve("r-wrong").toString(),
                "--user", "a.okafor", "--passphrase-file", officerPass.toString());
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.errLines()).singleElement().asString().contains("nothing was restored");
        assertThat(work.resolve("r-wrong")).doesNotExist();
    }

    @Test
    void restoreWithRecoveryKeyFile() throws IOException {
        Path backup = work.resolve("out/for-recovery.cdbackup");
        assertThat(asHead("backup", "--out", backup.toString()).exit()).isZero();
        // Typed back by hand: lower case, spaces instead of dashes.
        Path keyFile = Files.writeString(work.resolve("recovery.txt"),
                recoveryKey.toLowerCase().replace('-', ' ') + "\n", StandardCharsets.UTF_8);

        Path restored = work.resolve("recovered");
        Result r = cli("restore", "--from", backup.toString(), "--registry", restored.toString(),
                "--recovery-key-file", keyFile.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain(recoveryKey);
        assertThat(listUsers(restored).exit()).isZero();

        Path notAKey = Files.writeString(work.resolve("not-a-key.txt"), "hello\n");
        Result bad = cli("restore", "--from", backup.toString(), "--registry", work.resolve("r-bad").toString(),
                "--recovery-key-file", notAKey.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.errLines()).hasSize(1);
    }

    @Test
    void recoverWithTheRecoveryKeyThenChangeThePassphrase() throws IOException {
        // Work on a restored copy so the shared registry keeps its passphrases.
        Path backup = work.resolve("out/for-recover.cdbackup");
        assertThat(asHead("backup", "--out", backup.toString()).exit()).isZero();
        Path copy = work.resolve("recover-copy");
        Path keyFile = Files.writeString(work.resolve("recovery-for-recover.txt"), recoveryKey + "\n");
        assertThat(cli("restore", "--from", backup.toString(), "--registry", copy.toString(),
                "--recovery-key-file", keyFile.toString()).exit()).isZero();

        Path recovered = Files.writeString(work.resolve("recovered-head.pass"), "saffron glacier piano eleven\n");
        Result recover = cli("recover", "--registry", copy.toString(), "--user", "a.okafor",
                "--recovery-key-file", keyFile.toString(), "--new-passphrase-file", recovered.toString());
        assertThat(recover.exit()).as(recover.err()).isZero();
        assertThat(recover.out()).contains("a.okafor");
        assertThat(cli("users", "list", "--registry", copy.toString(), "--user", "a.okafor",
                "--passphrase-file", headPass.toString()).exit()).isEqualTo(1);

        Path changed = Files.writeString(work.resolve("changed-head.pass"), "walnut horizon tuba sixty\n");
        Result passwd = cli("passwd", "--registry", copy.toString(), "--user", "a.okafor",
                "--passphrase-file", recovered.toString(), "--new-passphrase-file", changed.toString());
        assertThat(passwd.exit()).as(passwd.err()).isZero();
        assertThat(cli("users", "list", "--registry", copy.toString(), "--user", "a.okafor",
                "--passphrase-file", changed.toString()).exit()).isZero();
        assertThat(cli("users", "list", "--registry", copy.toString(), "--user", "a.okafor",
                "--passphrase-file", recovered.toString()).exit()).isEqualTo(1);
    }

    @Test
    void restoreTakesEitherUserOrRecoveryKey() {
        Result both = cli("restore", "--from", "x", "--registry", "y", "--user", "a.okafor",
                "--recovery-key-file", "k");
        assertThat(both.exit()).isEqualTo(2);
        Result neither = cli("restore", "--from", "x", "--registry", "y");
        assertThat(neither.exit()).isEqualTo(2);
    }

    @Test
    void personsImportChecksThenImportsAllOrNothing() throws IOException {
        Path bad = Files.writeString(work.resolve("bad-drive.csv"),
                "Surname,Given names,Sex,Date of birth,City,Country,Mobile\n"
                        + "Wanjiru-Falk,Amara,F,1988-03-14,Nairobi,KE,0712 345 678\n"
                        + "Ostrander,Tobias,M,1979-11-02,Mombasa,KE,12\n");
        Result refused = asHead("persons", "import", bad.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("ROW").contains("REASON").containsPattern("3\\s+Mobile\\s+12\\s+Not a valid phone");
        assertThat(refused.err()).contains("nothing was imported");

        Path sample = Path.of("sample-data/intake-example.csv");
        Result dry = asHead("persons", "import", sample.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run: 20 registrations would be imported");

        Result imported = asHead("persons", "import", sample.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 20 registrations from intake-example.csv");

        Result again = asHead("persons", "import", "sample-data/intake-example.xlsx");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains("[possible duplicate]").contains("registration 1");
        assertThat(again.err()).contains("20 rows may already be registered").contains("--skip-duplicates");
        Result none = asHead("persons", "import", "sample-data/intake-example.xlsx", "--skip-duplicates");
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).contains("Imported 0 registrations from intake-example.xlsx (20 possible duplicates left out)");

        Path mapping = Files.writeString(work.resolve("drive.mapping"), "family_name=Nom\ngiven_names=Pr\u00e9nom\n",
                StandardCharsets.UTF_8);
        Path french = Files.writeString(work.resolve("french.csv"),
                "Nom;Pr\u00e9nom\nTsoukalas;Yannis\nFreshman;Ada\n", StandardCharsets.UTF_8);
        Result skipped = asHead("persons", "import", french.toString(), "--mapping", mapping.toString(), "--skip-duplicates");
        assertThat(skipped.exit()).as(skipped.err()).isZero();
        assertThat(skipped.out()).contains("Imported 2 registrations");

        Result missing = asHead("persons", "import", work.resolve("absent.csv").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("absent.csv");
    }
}
