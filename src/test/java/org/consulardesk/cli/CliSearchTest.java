package org.consulardesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliSearchTest {
    private static final String PASSPHRASE = "orchid tunnel basalt marigold 5521";

    @TempDir
    static Path work;
    static Path registry;
    static Path pass;
    static String previousStateDir;

    @BeforeAll
    static void createRegistry() throws Exception {
        previousStateDir = System.getProperty("consulardesk.statedir");
        System.setProperty("consulardesk.statedir", work.resolve("state").toString());
        pass = Files.writeString(work.resolve("head.pass"), PASSPHRASE + "\n");
        registry = work.resolve("r");
        CliTest.Result r = CliTest.run("init", "--registry", registry.toString(), "--post", "Embassy of Utopia in Doha",
                "--country", "qa", "--user", "head", "--display-name", "Head", "--passphrase-file", pass.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        CliTest.Result sample = CliTest.run("sample-data", "--registry", registry.toString(), "--user", "head",
                "--passphrase-file", pass.toString(), "--persons", "2000", "--seed", "5");
        assertThat(sample.exit()).as(sample.err()).isZero();
        assertThat(sample.out()).contains("persons written").contains("persons added");
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
    void searchPrintsBestFirst() {
        CliTest.Result r = CliTest.run("persons", "search", "--registry", registry.toString(), "--user", "head",
                "--passphrase-file", pass.toString(), "--limit", "5", "ivanov");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).containsIgnoringCase("family name").containsIgnoringCase("born").containsIgnoringCase("city");
        assertThat(r.out().lines().filter(l -> l.matches("\\s*\\d+\\s.*")).toList()).hasSizeBetween(1, 5)
                .allSatisfy(l -> assertThat(l).contains("Ivanov"));

        CliTest.Result typo = CliTest.run("persons", "search", "--registry", registry.toString(), "--user", "head",
                "--passphrase-file", pass.toString(), "papadopolous");
        assertThat(typo.exit()).as(typo.err()).isZero();
        assertThat(typo.out()).contains("Papadopoulos");

        CliTest.Result none = CliTest.run("persons", "search", "--registry", registry.toString(), "--user", "head",
                "--passphrase-file", pass.toString(), "zzqqxx");
        assertThat(none.out()).contains("No matching person");
    }
}
