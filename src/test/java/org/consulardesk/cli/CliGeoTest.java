package org.consulardesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code geo inside} on a synthetic registry: count and ids, buffer, broken files. */
class CliGeoTest {
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
        CliTest.Result r = CliTest.run("init", "--registry", registry.toString(), "--post", "Embassy of Utopia in Nairobi",
                "--country", "ke", "--user", "head", "--display-name", "Head", "--passphrase-file", pass.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        CliTest.Result sample = CliTest.run("sample-data", "--registry", registry.toString(), "--user", "head",
                "--passphrase-file", pass.toString(), "--persons", "1500", "--seed", "7");
        assertThat(sample.exit()).as(sample.err()).isZero();
    }

    @AfterAll
    static void restore() {
        if (previousStateDir == null) {
            System.clearProperty("consulardesk.statedir");
        } else {
            System.setProperty("consulardesk.statedir", previousStateDir);
        }
    }

    private static CliTest.Result inside(Path file, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("geo", "inside", "--registry", registry.toString(), "--user", "head",
                "--passphrase-file", pass.toString(), "--geojson", file.toString()));
        args.addAll(List.of(extra));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void printsCountAndIdsOfRegistrantsInside() throws Exception {
        // Synthetic Nairobi registrants live within 0.05 degrees of the centre (-1.2864, 36.8172).
        Path nairobi = Files.writeString(work.resolve("nairobi.geojson"), """
                {"type": "Feature", "properties": {"name": "Central Nairobi"}, "geometry": {"type": "Polygon",
                 "coordinates": [[[36.76,-1.34],[36.87,-1.34],[36.87,-1.23],[36.76,-1.23],[36.76,-1.34]]]}}""");
        CliTest.Result r = inside(nairobi);
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        int count = Integer.parseInt(lines.get(0).split(" ")[0]);
        assertThat(count).isPositive();
        assertThat(lines.subList(1, lines.size())).hasSize(count).allMatch(l -> l.matches("\\d+"));

        Path small = Files.writeString(work.resolve("small.geojson"), """
                {"type": "Polygon", "coordinates": [[[36.81,-1.29],[36.82,-1.29],[36.82,-1.28],[36.81,-1.28],[36.81,-1.29]]]}""");
        int few = Integer.parseInt(inside(small).out().lines().findFirst().orElseThrow().split(" ")[0]);
        int buffered = Integer.parseInt(inside(small, "--buffer-km", "8").out().lines().findFirst().orElseThrow().split(" ")[0]);
        assertThat(few).isLessThan(count);
        assertThat(buffered).isGreaterThan(few);
    }

    @Test
    void brokenFileIsOneClearLine() throws Exception {
        Path broken = Files.writeString(work.resolve("broken.geojson"), "{\"type\": \"Polygon\", \"coordinates\": [[[1,2],");
        CliTest.Result r = inside(broken);
        assertThat(r.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(r.err().strip()).contains("broken.geojson").contains("not valid JSON").doesNotContain("Exception");
    }
}
