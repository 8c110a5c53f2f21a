package org.consulardesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.exchange.service.ExchangeBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Export and import of N rows shaped like the full registry profile: the application's writer and
 * reader against raw SXSSF and the raw XSSF event API, alternately in the same run, with time and
 * peak heap (run it with -Xmx256m to hold the heap goal).
 */
@Command(name = "export", mixinStandardHelpOptions = true)
final class BenchExport implements Callable<Integer> {
    static final double GOAL_RATIO = 1.5;

    private final Terminal terminal;

    @Option(names = "--rows", defaultValue = "100000", paramLabel = "N", descriptionKey = "cli.option.benchRows")
    long rows;

    @Option(names = "--runs", defaultValue = "1", paramLabel = "N", descriptionKey = "cli.option.benchRuns")
    int runs;

    BenchExport(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("consulardesk-bench-export-");
        try {
            Path raw = work.resolve("bench-raw.xlsx");
            Path app = work.resolve("bench-app.xlsx");
            terminal.out().println(Messages.get("cli.bench.export.starting", rows, runs, Runtime.getRuntime().maxMemory() >> 20));
            terminal.out().flush();
            List<ExchangeBench.Figure> rawWrite = new ArrayList<>();
            List<ExchangeBench.Figure> appWrite = new ArrayList<>();
            List<ExchangeBench.Figure> rawRead = new ArrayList<>();
            List<ExchangeBench.Figure> appRead = new ArrayList<>();
            long warm = Math.min(rows, 20_000);
            ExchangeBench.writeRaw(raw, warm);
            ExchangeBench.writeWithApp(app, warm);
            ExchangeBench.readRaw(raw);
            ExchangeBench.readWithApp(app);
            for (int i = 0; i < runs; i++) {
                rawWrite.add(ExchangeBench.writeRaw(raw, rows));
                appWrite.add(ExchangeBench.writeWithApp(app, rows));
                rawRead.add(ExchangeBench.readRaw(raw));
                appRead.add(ExchangeBench.readWithApp(app));
            }
            List<String[]> table = new ArrayList<>();
            table.add(new String[] {"", "ms (best)", "peak heap MB", "file MB"});
            table.add(row(Messages.get("cli.bench.export.rawWrite"), rawWrite));
            table.add(row(Messages.get("cli.bench.export.appWrite"), appWrite));
            table.add(row(Messages.get("cli.bench.export.rawRead"), rawRead));
            table.add(row(Messages.get("cli.bench.export.appRead"), appRead));
            Table.print(terminal.out(), table);
            double writeRatio = (double) best(appWrite).millis() / Math.max(1, best(rawWrite).millis());
            double readRatio = (double) best(appRead).millis() / Math.max(1, best(rawRead).millis());
            long peak = Math.max(maxHeap(appWrite), maxHeap(appRead));
            terminal.out().println(Messages.get("cli.bench.export.ratio", fmt(writeRatio), fmt(readRatio), peak >> 20, fmt(GOAL_RATIO)));
            boolean met = writeRatio <= GOAL_RATIO && readRatio <= GOAL_RATIO && peak < 256L << 20;
            terminal.out().println(Messages.get(met ? "cli.bench.goalMet" : "cli.bench.goalMissed"));
            return 0;
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static ExchangeBench.Figure best(List<ExchangeBench.Figure> figures) {
        return figures.stream().min((a, b) -> Long.compare(a.millis(), b.millis())).orElseThrow();
    }

    private static long maxHeap(List<ExchangeBench.Figure> figures) {
        return figures.stream().mapToLong(ExchangeBench.Figure::peakHeap).max().orElse(0);
    }

    private static String[] row(String label, List<ExchangeBench.Figure> figures) {
        ExchangeBench.Figure b = best(figures);
        return new String[] {label, Long.toString(b.millis()), Long.toString(maxHeap(figures) >> 20), fmt(b.bytes() / 1048576.0)};
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
