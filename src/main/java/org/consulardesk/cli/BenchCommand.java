package org.consulardesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.consulardesk.core.Messages;
import org.consulardesk.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Benchmarks, each a ratio against the raw engine measured in the same run (docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", subcommands = {BenchCommand.Startup.class, BenchRegistry.class, BenchExport.class, BenchGeo.class})
final class BenchCommand extends GroupCommand {

    /**
     * Time from JVM start to the first usable window: the application's welcome screen against a
     * bare JavaFX window, each in a fresh JVM started the same way, alternately.
     */
    @Command(name = "startup", mixinStandardHelpOptions = true)
    static final class Startup implements Callable<Integer> {
        /** Same names as org.consulardesk.app.StartupProbe.PROPERTY; the app package is not loaded here. */
        static final String PROBE_PROPERTY = "consulardesk.bench.startup";
        static final String APP_MAIN = "org.consulardesk.app.Launcher";
        static final String BARE_MAIN = "org.consulardesk.app.BareWindow";
        /** System properties of this JVM handed on to the children, so they use the same display and pipeline. */
        static final List<String> PASSED_ON = List.of("glass.", "prism.", "monocle.", "javafx.", "quantum.", "java.awt.headless");
        private static final long TIMEOUT_SECONDS = 120;

        private final Terminal terminal;

        @Spec
        CommandSpec spec;

        @Option(names = "--runs", defaultValue = "7", paramLabel = "N", descriptionKey = "cli.option.benchRuns")
        int runs;

        @Option(names = "--warmup", defaultValue = "1", paramLabel = "N", descriptionKey = "cli.option.benchWarmup")
        int warmup;

        Startup(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() throws IOException {
            if (runs < 1 || warmup < 0) {
                throw new ParameterException(spec.commandLine(), Messages.get("cli.bench.badCounts"));
            }
            Path work = Files.createTempDirectory("consulardesk-bench-");
            try {
                terminal.out().println(Messages.get("cli.bench.startup.starting", runs, warmup));
                for (int i = 0; i < warmup; i++) {
                    measure(BARE_MAIN, work.resolve("warmup-" + i + "-bare"));
                    measure(APP_MAIN, work.resolve("warmup-" + i + "-app"));
                }
                List<Long> bare = new ArrayList<>();
                List<Long> app = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    bare.add(measure(BARE_MAIN, work.resolve("run-" + i + "-bare")));
                    app.add(measure(APP_MAIN, work.resolve("run-" + i + "-app")));
                }
                report(new StartupFigures(bare, app));
                return 0;
            } finally {
                deleteTree(work);
            }
        }

        private void report(StartupFigures figures) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {Messages.get("cli.bench.col.run"), Messages.get("cli.bench.col.bare"),
                    Messages.get("cli.bench.col.app")});
            for (int i = 0; i < figures.bare().size(); i++) {
                rows.add(new String[] {String.valueOf(i + 1), String.valueOf(figures.bare().get(i)),
                        String.valueOf(figures.app().get(i))});
            }
            rows.add(new String[] {Messages.get("cli.bench.row.median"),
                    StartupFigures.millis(StartupFigures.median(figures.bare())),
                    StartupFigures.millis(StartupFigures.median(figures.app()))});
            rows.add(new String[] {Messages.get("cli.bench.row.min"), String.valueOf(StartupFigures.min(figures.bare())),
                    String.valueOf(StartupFigures.min(figures.app()))});
            Table.print(terminal.out(), rows);
            terminal.out().println(Messages.get("cli.bench.startup.ratio", StartupFigures.times(figures.ratio()),
                    StartupFigures.times(StartupFigures.GOAL)));
            terminal.out().println(Messages.get("cli.bench.startup.ratioMin", StartupFigures.times(figures.ratioOfMinimums())));
            terminal.out().println(Messages.get(figures.goalMet() ? "cli.bench.goalMet" : "cli.bench.goalMissed"));
        }

        /** Starts one child JVM, waits for its probe line, returns its milliseconds from JVM start. */
        private long measure(String mainClass, Path dir) throws IOException {
            Files.createDirectories(dir);
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            Process process = new ProcessBuilder(command(mainClass, dir))
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new UserError("cli.bench.error.timeout", simpleName(mainClass), TIMEOUT_SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new UserError("cli.bench.error.interrupted");
            }
            OptionalLong shown = StartupFigures.parseShown(Files.readAllLines(out, StandardCharsets.UTF_8));
            if (shown.isPresent()) {
                return shown.getAsLong();
            }
            List<String> errors = Files.readAllLines(err, StandardCharsets.UTF_8);
            if (errors.stream().anyMatch(Startup::noDisplay)) {
                throw new UserError("cli.bench.error.noDisplay");
            }
            String last = errors.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip();
            throw new UserError("cli.bench.error.child", simpleName(mainClass), process.exitValue(), last);
        }

        /** The child's command line: this JVM's java and class path, the display flags, a fresh folder. */
        static List<String> command(String mainClass, Path dir) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            System.getProperties().stringPropertyNames().stream().sorted()
                    .filter(name -> PASSED_ON.stream().anyMatch(name::startsWith))
                    .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
            command.add("-D" + PROBE_PROPERTY + "=true");
            // Both children get the same flags; only the application reads these folders. Fresh
            // and empty, so it shows the welcome screen and writes nothing in the user's folders.
            command.add("-Dconsulardesk.datadir=" + dir.resolve("data"));
            command.add("-Dconsulardesk.statedir=" + dir.resolve("state"));
            command.add("-Dconsulardesk.logdir=" + dir.resolve("logs"));
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass);
            return command;
        }

        /** What glass (GTK) or prism says when there is no display to open. */
        static boolean noDisplay(String stderrLine) {
            String line = stderrLine.toLowerCase(Locale.ROOT);
            return line.contains("unable to open display") || line.contains("cannot open display")
                    || line.contains("no toolkit found");
        }

        private static String simpleName(String mainClass) {
            return mainClass.substring(mainClass.lastIndexOf('.') + 1);
        }

        private static java.io.File nullFile() {
            return new java.io.File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win") ? "NUL" : "/dev/null");
        }

        private static void deleteTree(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
