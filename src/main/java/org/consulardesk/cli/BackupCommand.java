package org.consulardesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.service.BackupService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes an encrypted backup file of a registry. */
@Command(name = "backup", mixinStandardHelpOptions = true)
final class BackupCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    LoginOptions login;

    @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "cli.option.backupOut")
    Path out;

    @Option(names = "--force", descriptionKey = "cli.option.force")
    boolean force;

    BackupCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (Files.isDirectory(out)) {
            throw new UserError("cli.backup.isFolder", out.toString());
        }
        if (Files.exists(out) && !force) {
            throw new UserError("cli.backup.exists", out.toString());
        }
        try (Session session = login.login(terminal)) {
            BackupService.backup(session, out, ProgressSink.NONE);
        }
        terminal.out().println(Messages.get("cli.backup.written", out.toAbsolutePath().toString()));
        return 0;
    }
}
