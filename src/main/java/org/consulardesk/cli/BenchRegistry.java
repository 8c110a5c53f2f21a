package org.consulardesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.consulardesk.core.AppPaths;
import org.consulardesk.core.Messages;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.exercise.service.SampleData;
import org.consulardesk.registry.model.RegistrySearch;
import org.consulardesk.registry.service.SearchService;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Search-as-you-type against the raw engine (one indexed prefix query on the normalised name
 * column), in the same run on the same synthetic registry.
 */
@Command(name = "registry", mixinStandardHelpOptions = true)
final class BenchRegistry implements Callable<Integer> {
    /** The bench registry holds synthetic data only; its passphrase is published on purpose. */
    static final String USER = "bench";
    static final String PASSPHRASE = "consulardesk synthetic bench registry";
    static final double GOAL_RATIO = 3.0;
    static final double GOAL_P95_MS = 100.0;
    /** The registry list counts matches up to this many ("1,000+"), as {@code RegistryView} does. */
    static final int LIST_COUNT_CAP = 1_000;
    /** Rows the registry list reads per page ({@code RegistryView.PAGE_SIZE}). */
    static final int LIST_PAGE = 100;
    /** Goal for opening the registry list: its first page and its capped count. */
    static final double GOAL_LIST_OPEN_MS = 1_000.0;

    private final Terminal terminal;

    @Option(names = "--persons", defaultValue = "100000", paramLabel = "N", descriptionKey = "cli.option.persons")
    int persons;

    @Option(names = "--registry", paramLabel = "DIR", descriptionKey = "cli.option.benchRegistry")
    Path registry;

    @Option(names = "--upgrade", descriptionKey = "cli.option.upgrade")
    boolean upgrade;

    @Option(names = "--queries", defaultValue = "300", paramLabel = "Q", descriptionKey = "cli.option.queries")
    int queries;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", descriptionKey = "cli.option.seed")
    long seed;

    @Option(names = "--duplicate-runs", defaultValue = "10", paramLabel = "R", descriptionKey = "cli.option.duplicateRuns")
    int duplicateRuns;

    @Option(names = "--duplicates-only", descriptionKey = "cli.option.duplicatesOnly")
    boolean duplicatesOnly;

    BenchRegistry(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        try (Session session = openOrCreate(terminal, registry, upgrade, "consulardesk-bench-registry-", persons, seed)) {
            SearchService search = new SearchService(session);
            int total = search.count(RegistrySearch.text(""));
            if (duplicatesOnly) {
                printDuplicates(session, total);
                return 0;
            }
            List<String[]> names = search.sampleNames(seed, Math.max(queries, 10));
            SplittableRandom random = new SplittableRandom(seed);
            List<String> typed = new ArrayList<>();
            List<String> rawTyped = new ArrayList<>();
            List<String> typos = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                String[] n = names.get(random.nextInt(names.size()));
                String family = n[0];
                String given = n[1].split(" ")[0];
                String f = prefix(family, 2 + random.nextInt(4));
                String g = prefix(given, 2 + random.nextInt(4));
                int shape = random.nextInt(3);
                typed.add(shape == 0 ? f : shape == 1 ? g + " " + f : f + " " + g);
                rawTyped.add(f);
                typos.add(typo(family, random));
            }
            // Warm-up: the same kinds of query, not measured.
            for (int i = 0; i < Math.min(30, queries); i++) {
                search.search(RegistrySearch.text(typed.get(i)), 0, 50);
                search.rawNamePrefix(rawTyped.get(i), 50);
            }
            // Alternately, query by query, so a burst of load elsewhere hits every kind alike.
            List<Double> typedMs = new ArrayList<>();
            List<Double> typoMs = new ArrayList<>();
            List<Double> rawMs = new ArrayList<>();
            List<Double> keystrokeMs = new ArrayList<>();
            // Rows each side returned: the raw query matches the whole name's start only, the search
            // any name word, so the two do not read the same number of person rows.
            long[] rowsReturned = new long[2];
            for (int i = 0; i < queries; i++) {
                String t = typed.get(i);
                String raw = rawTyped.get(i);
                String typo = typos.get(i);
                rawMs.add(time(() -> rowsReturned[1] += search.rawNamePrefix(raw, 50).size()));
                typedMs.add(time(() -> rowsReturned[0] += search.search(RegistrySearch.text(t), 0, 50).size()));
                typoMs.add(time(() -> search.search(RegistrySearch.text(typo), 0, 50)));
                keystrokeMs.add(time(() -> {
                    search.search(RegistrySearch.text(t), 0, LIST_PAGE);
                    search.countUpTo(RegistrySearch.text(t), LIST_COUNT_CAP);
                }));
            }
            // Opening the list: what the registry screen reads before it shows anything.
            List<Double> openMs = new ArrayList<>();
            for (int i = 0; i < Math.max(10, queries / 10); i++) {
                openMs.add(time(() -> {
                    search.countUpTo(RegistrySearch.text(""), LIST_COUNT_CAP);
                    search.search(RegistrySearch.text(""), 0, LIST_PAGE);
                }));
            }
            terminal.out().println(Messages.get("cli.bench.registry.heading", total, queries,
                    Runtime.getRuntime().availableProcessors()));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"", "p50 (ms)", "p95 (ms)"});
            rows.add(row(Messages.get("cli.bench.registry.typed"), typedMs));
            rows.add(row(Messages.get("cli.bench.registry.typos"), typoMs));
            rows.add(row(Messages.get("cli.bench.registry.raw"), rawMs));
            rows.add(row(Messages.get("cli.bench.registry.keystroke"), keystrokeMs));
            rows.add(row(Messages.get("cli.bench.registry.open"), openMs));
            Table.print(terminal.out(), rows);
            double p95 = Math.max(pct(typedMs, 95), pct(typoMs, 95));
            double ratio = pct(typedMs, 95) / Math.max(0.001, pct(rawMs, 95));
            double ratio50 = pct(typedMs, 50) / Math.max(0.001, pct(rawMs, 50));
            terminal.out().println(Messages.get("cli.bench.registry.ratio", fmt(ratio50), fmt(ratio), fmt(GOAL_RATIO),
                    fmt(GOAL_P95_MS)));
            terminal.out().println(Messages.get("cli.bench.registry.rows", fmt((double) rowsReturned[0] / queries),
                    fmt((double) rowsReturned[1] / queries)));
            terminal.out().println(Messages.get("cli.bench.registry.openGoal", fmt(pct(openMs, 95)), fmt(GOAL_LIST_OPEN_MS)));
            // Both ratios count: a fast tail must not hide a slow middle, nor the reverse.
            boolean met = ratio <= GOAL_RATIO && ratio50 <= GOAL_RATIO && p95 < GOAL_P95_MS && pct(openMs, 95) < GOAL_LIST_OPEN_MS;
            terminal.out().println(Messages.get(met ? "cli.bench.goalMet" : "cli.bench.goalMissed"));
            printDuplicates(session, total);
            return 0;
        }
    }

    /** The duplicates screen's search against its raw counterpart (not in the search ratio). */
    private void printDuplicates(Session session, int total) {
        BenchDuplicates.Timings d = BenchDuplicates.time(session, Math.max(1, duplicateRuns));
        terminal.out().println(Messages.get("cli.bench.registry.duplicatesHeading", total, d.screen().size()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "p50 (ms)", "p95 (ms)"});
        rows.add(row(Messages.get("cli.bench.registry.duplicatesRules"), d.rules()));
        rows.add(row(Messages.get("cli.bench.registry.duplicatesFirstPage", d.firstPairs()), d.first()));
        rows.add(row(Messages.get("cli.bench.registry.duplicatesFirstRest", d.restPairs()), d.firstRest()));
        rows.add(row(Messages.get("cli.bench.registry.duplicates"), d.screen()));
        rows.add(row(Messages.get("cli.bench.registry.duplicatesRaw"), d.raw()));
        Table.print(terminal.out(), rows);
        terminal.out().println(Messages.get("cli.bench.registry.duplicatesRatio",
                fmt(pct(d.screen(), 50) / Math.max(0.001, pct(d.raw(), 50))),
                fmt(pct(d.screen(), 95) / Math.max(0.001, pct(d.raw(), 95)))));
    }

    /**
     * The synthetic registry the benchmarks measure: {@code registry} reused when it holds one, else
     * created there (or in a new temporary folder) with {@code persons} sample persons.
     */
    static Session openOrCreate(Terminal terminal, Path registry, boolean upgrade, String tempPrefix, int persons, long seed)
            throws IOException {
        Path dir = registry != null ? registry : Files.createTempDirectory(tempPrefix).resolve("r");
        boolean reuse = Files.isDirectory(dir) && Files.list(dir).findAny().isPresent();
        if (reuse) {
            // A registry an earlier version built is refused unless --upgrade was given (ADR 0076).
            LoginService logins = new LoginService(AppPaths.stateDir(), Clock.systemUTC());
            Session session = UpgradeOption.finish(logins, logins.begin(dir, USER, PASSPHRASE.toCharArray()), dir, upgrade,
                    terminal);
            terminal.out().println(Messages.get("cli.bench.registry.reusing", dir));
            return session;
        }
        long start = System.nanoTime();
        Session session = new RegistryCreator(KdfParams.STANDARD, Clock.systemUTC()).create(new RegistryCreator.Request(dir,
                RegistryKind.TRAINING, "Bench post of Utopia", "KE", USER, "Benchmark", PASSPHRASE.toCharArray())).session();
        SampleData.generate(session, persons, seed, SampleDataCommand.progress(terminal, start));
        terminal.out().println();
        terminal.out().println(Messages.get("cli.bench.registry.generated", persons, dir,
                (System.nanoTime() - start) / 1_000_000_000));
        return session;
    }

    private static String prefix(String name, int length) {
        String clean = name.split("[ -]")[0];
        return clean.substring(0, Math.min(length, clean.length()));
    }

    /** One substitution or one transposition inside the name (never its first letter). */
    static String typo(String name, SplittableRandom random) {
        String base = name.split("[ -]")[0];
        if (base.length() < 4) {
            return base;
        }
        char[] c = base.toCharArray();
        int i = 1 + random.nextInt(c.length - 2);
        if (random.nextBoolean()) {
            char t = c[i];
            c[i] = c[i + 1];
            c[i + 1] = t;
        } else {
            c[i] = c[i] == 'a' ? 'e' : 'a';
        }
        return new String(c);
    }

    private static double time(Runnable run) {
        long t = System.nanoTime();
        run.run();
        return (System.nanoTime() - t) / 1e6;
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String[] row(String label, List<Double> ms) {
        return new String[] {label, fmt(pct(ms, 50)), fmt(pct(ms, 95))};
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
