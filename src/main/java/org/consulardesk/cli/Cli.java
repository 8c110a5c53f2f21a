package org.consulardesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.List;
import org.consulardesk.core.Messages;
import org.consulardesk.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Entry point of the command line; the picocli command tree is built here. Exit codes: 0 success,
 * 1 user error (one line on standard error, never a stack trace), 2 usage error.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int USER_ERROR = 1;
    public static final int USAGE_ERROR = 2;

    /** The top-level commands, in the order the help lists them. Add new commands here. */
    static final List<Class<?>> COMMANDS = List.of(
            InitCommand.class,
            UsersCommand.class,
            AuditCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            PasswdCommand.class,
            RecoverCommand.class,
            PersonsCommand.class,
            BondsCommand.class,
            SampleDataCommand.class,
            BenchCommand.class,
            EtdCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            VerifyExportCommand.class,
            PostKeyCommand.class,
            GeoCommand.class);

    private Cli() {
    }

    /** Runs a command on the process's standard streams and console; returns its exit code. */
    public static int run(String... args) {
        return run(Terminal.system(), args);
    }

    /** Runs a command on the given terminal; returns its exit code. */
    public static int run(Terminal terminal, String... args) {
        try {
            return commandLine(terminal).execute(args);
        } finally {
            terminal.out().flush();
            terminal.err().flush();
        }
    }

    /** The whole command tree, its commands created with the terminal they write to. */
    static CommandLine commandLine(Terminal terminal) {
        CommandLine cli = new CommandLine(new Root(), new Factory(terminal));
        for (Class<?> command : COMMANDS) {
            cli.addSubcommand(command);
        }
        cli.setResourceBundle(Messages.plainBundle());
        setVersionProvider(cli);
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(oneLine(e));
            commandLine.getErr().flush();
            return USER_ERROR;
        });
        return cli;
    }

    /** Every command prints the same version for --version. */
    private static void setVersionProvider(CommandLine command) {
        command.getCommandSpec().versionProvider(new VersionProvider());
        command.getSubcommands().values().forEach(Cli::setVersionProvider);
    }

    /** The message for a failure: the user error's own text, or a short generic line; never a trace. */
    static String oneLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserError) {
                return flatten(t.getMessage());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                IOException io = t instanceof UncheckedIOException u ? u.getCause() : (IOException) t;
                return flatten(Messages.get("cli.error.io", io.getClass().getSimpleName(),
                        io.getMessage() == null ? "" : io.getMessage()));
            }
        }
        // Other messages may quote SQL or data: show only the kind of failure.
        return flatten(Messages.get("cli.error.unexpected", e.getClass().getName()));
    }

    private static String flatten(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    @Command(name = "consulardesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            synopsisSubcommandLabel = "COMMAND")
    static final class Root extends GroupCommand {
    }

    /** Creates commands with a constructor taking the {@link Terminal} when they have one. */
    private static final class Factory implements CommandLine.IFactory {
        private final Terminal terminal;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<K> withTerminal;
            try {
                withTerminal = type.getDeclaredConstructor(Terminal.class);
            } catch (NoSuchMethodException e) {
                return fallback.create(type);
            }
            withTerminal.setAccessible(true);
            return withTerminal.newInstance(terminal);
        }
    }
}
