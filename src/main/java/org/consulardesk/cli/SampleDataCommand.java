package org.consulardesk.cli;

import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exercise.service.SampleData;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Adds deterministic synthetic registrants (training and benchmarks only). */
@Command(name = "sample-data", mixinStandardHelpOptions = true)
final class SampleDataCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    LoginOptions login;

    @Option(names = "--persons", required = true, paramLabel = "N", descriptionKey = "cli.option.persons")
    int persons;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", descriptionKey = "cli.option.seed")
    long seed;

    SampleDataCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        try (Session session = login.login(terminal)) {
            long start = System.nanoTime();
            int written = SampleData.generate(session, persons, seed, progress(terminal, start));
            terminal.out().println();
            terminal.out().println(Messages.get("cli.sampleData.done", written, (System.nanoTime() - start) / 1_000_000_000));
            return 0;
        }
    }

    static ProgressSink progress(Terminal terminal, long start) {
        return new ProgressSink() {
            @Override
            public void progress(long done, long total) {
                terminal.out().print("\r" + Messages.get("cli.sampleData.progress", done, total,
                        (System.nanoTime() - start) / 1_000_000_000));
                terminal.out().flush();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
