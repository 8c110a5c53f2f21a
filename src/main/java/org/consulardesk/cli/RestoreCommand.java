package org.consulardesk.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.RecoveryKey;
import org.consulardesk.security.service.Credential;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.model.UpgradeStep;
import org.consulardesk.store.service.BackupService;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Restores a backup file into a new registry folder, opened with a passphrase or the recovery key. */
@Command(name = "restore", mixinStandardHelpOptions = true)
final class RestoreCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Option(names = "--from", required = true, paramLabel = "FILE", descriptionKey = "cli.option.restoreFrom")
    Path from;

    @Option(names = "--registry", required = true, paramLabel = "DIR", descriptionKey = "cli.option.restoreInto")
    Path registry;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Secret secret;

    /** Either a user and their passphrase, or the recovery key. */
    static final class Secret {
        @ArgGroup(exclusive = false, multiplicity = "1")
        UserSecret user;

        @Option(names = "--recovery-key-file", required = true, paramLabel = "FILE", descriptionKey = "cli.option.recoveryKeyFile")
        Path recoveryKeyFile;
    }

    static final class UserSecret {
        @Option(names = "--user", required = true, paramLabel = "NAME", descriptionKey = "cli.option.user")
        String user;

        @Option(names = "--passphrase-file", paramLabel = "FILE", descriptionKey = "cli.option.passphraseFile")
        Path passphraseFile;
    }

    RestoreCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        BackupService.Restored restored;
        if (secret.user != null) {
            char[] passphrase = Passphrases.forLogin(terminal, secret.user.passphraseFile, secret.user.user, false);
            try {
                restored = BackupService.restore(from, registry, new Credential.Passphrase(secret.user.user, passphrase),
                        ProgressSink.NONE);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        } else {
            restored = BackupService.restore(from, registry, new Credential.Recovery(readRecoveryKey(secret.recoveryKeyFile)),
                    ProgressSink.NONE);
        }
        RegistryDescriptor descriptor = restored.descriptor();
        terminal.out().println(Messages.get("cli.restore.done", descriptor.postName(), descriptor.countryCode(),
                registry.toAbsolutePath().toString()));
        if (!restored.pendingUpgrade().isEmpty()) {
            // Restored as the earlier version left it; opening it will ask (ADR 0076).
            terminal.out().println(Messages.get("cli.restore.behind", restored.pendingUpgrade().size(),
                    UpgradeStep.names(restored.pendingUpgrade())));
        }
        return 0;
    }

    static RecoveryKey readRecoveryKey(Path file) {
        char[] line = Passphrases.firstLine(file);
        try {
            return RecoveryKey.parse(new String(line));
        } catch (IllegalArgumentException e) {
            throw new UserError("cli.recoveryKey.invalid", file.toString());
        } finally {
            Arrays.fill(line, '\0');
        }
    }
}
