package org.consulardesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export, verify-export, import and post-key end to end, as a post and HQ would run them. */
class CliExchangeTest {
    @TempDir
    static Path work;
    static Path pass;
    static Path password;
    static String previousStateDir;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new Terminal(new PrintWriter(out), new PrintWriter(err), k -> null, null), args);
        return new Result(exit, out.toString(), err.toString());
    }

    static String[] as(String registry, String user, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--registry", work.resolve(registry).toString(), "--user", user,
                "--passphrase-file", pass.toString()}, 0, all, args.length, 6);
        return all;
    }

    @BeforeAll
    static void setUp() throws IOException {
        previousStateDir = System.getProperty("consulardesk.statedir");
        System.setProperty("consulardesk.statedir", work.resolve("state").toString());
        pass = Files.writeString(work.resolve("pass"), "violet harbour tangerine compass\n");
        password = Files.writeString(work.resolve("pw"), "utopia exchange 2026\n");
        assertThat(run("init", "--registry", work.resolve("nairobi").toString(), "--post", "Embassy of Utopia in Nairobi",
                "--country", "KE", "--user", "a.okafor", "--passphrase-file", pass.toString()).exit()).isZero();
        assertThat(run(as("nairobi", "a.okafor", "sample-data", "--persons", "25", "--seed", "4")).exit()).isZero();
        assertThat(run("init", "--kind", "hq", "--registry", work.resolve("hq").toString(), "--post", "Utopia consular HQ",
                "--country", "UT", "--user", "h.quorne", "--passphrase-file", pass.toString()).exit()).isZero();
    }

    @AfterAll
    static void restore() {
        if (previousStateDir == null) {
            System.clearProperty("consulardesk.statedir");
        } else {
            System.setProperty("consulardesk.statedir", previousStateDir);
        }
    }

    @Test
    void listsProfiles() {
        Result r = run("export", "--list-profiles");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("registry-full").contains("registry-aggregate").contains("hq-consolidation");
    }

    @Test
    void exportVerifyImportRoundTrip() throws IOException {
        Path full = work.resolve("out/nairobi-full.xlsx");
        Result exported = run(as("nairobi", "a.okafor", "export", "--profile", "registry-full", "--out", full.toString(),
                "--password-file", password.toString(), "--hxl"));
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("Exported 25 rows").contains("encrypted").contains("Registrants: 25");
        Matcher fp = Pattern.compile("fingerprint: ((?:[0-9A-F]{4} ?){10})").matcher(exported.out());
        assertThat(fp.find()).isTrue();
        String fingerprint = fp.group(1).strip();

        Result verified = run("verify-export", full.toString(), "--password-file", password.toString(), "--post-key", fingerprint);
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("Embassy of Utopia in Nairobi").contains("Registrants: 25").contains("Signed by the given post key");
        assertThat(run("verify-export", full.toString(), "--password-file", password.toString(), "--post-key",
                "0000 0000 0000 0000 0000 0000 0000 0000 0000 0000").exit()).isEqualTo(Cli.USER_ERROR);

        Result unknown = run(as("hq", "h.quorne", "import", full.toString(), "--password-file", password.toString()));
        assertThat(unknown.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(unknown.out()).contains("not registered");
        Result imported = run(as("hq", "h.quorne", "import", full.toString(), "--password-file", password.toString(),
                "--trust-fingerprint", fingerprint));
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 25 rows");
        Result again = run(as("hq", "h.quorne", "import", full.toString(), "--password-file", password.toString()));
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("imported before");
        assertThat(run(as("hq", "h.quorne", "post-key", "list")).out()).contains("Embassy of Utopia in Nairobi").contains(fingerprint);
    }

    @Test
    void tamperedWorkbookFailsVerification() throws IOException {
        Path totals = work.resolve("totals.xlsx");
        assertThat(run(as("nairobi", "a.okafor", "export", "--profile", "registry-aggregate", "--out", totals.toString())).exit()).isZero();
        assertThat(run("verify-export", totals.toString()).exit()).isZero();
        org.consulardesk.exchange.service.CliZipEdit.edit(totals, "xl/worksheets/sheet2.xml", xml -> xml.replaceFirst("<v>25", "<v>26"));
        Result r = run("verify-export", totals.toString());
        assertThat(r.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(r.err()).contains("totals.xlsx, sheet Totals").contains("changed after signing");
        Result notZip = run("verify-export", pass.toString());
        assertThat(notZip.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(notZip.err()).contains("not a spreadsheet");
    }

    @Test
    void fullProfileWithoutPasswordIsRefused() {
        Result r = run(as("nairobi", "a.okafor", "export", "--profile", "registry-full", "--out", work.resolve("x.xlsx").toString()));
        assertThat(r.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(r.err()).contains("CONSULARDESK_EXPORT_PASSWORD");
        assertThat(work.resolve("x.xlsx")).doesNotExist();
    }
}
