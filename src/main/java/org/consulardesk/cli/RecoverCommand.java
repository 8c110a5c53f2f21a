package org.consulardesk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.consulardesk.core.AppPaths;
import org.consulardesk.core.Messages;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The head of post sets a new passphrase with the recovery key (forgotten passphrase or lockout). */
@Command(name = "recover", mixinStandardHelpOptions = true)
final class RecoverCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Option(names = "--registry", required = true, paramLabel = "DIR", descriptionKey = "cli.option.registry")
    Path registry;

    @Option(names = "--user", required = true, paramLabel = "NAME", descriptionKey = "cli.option.headUser")
    String user;

    @Option(names = "--recovery-key-file", required = true, paramLabel = "FILE", descriptionKey = "cli.option.recoveryKeyFile")
    Path recoveryKeyFile;

    @Option(names = "--new-passphrase-file", paramLabel = "FILE", descriptionKey = "cli.option.ownNewPassphraseFile")
    Path newPassphraseFile;

    @Option(names = "--upgrade", descriptionKey = "cli.option.upgrade")
    boolean upgrade;

    RecoverCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        var recoveryKey = RestoreCommand.readRecoveryKey(recoveryKeyFile);
        char[] next = Passphrases.forNewUser(terminal, newPassphraseFile, user);
        LoginService logins = new LoginService(AppPaths.stateDir(), Clock.systemUTC());
        try (Session session = UpgradeOption.finish(logins,
                logins.beginRecovery(registry, recoveryKey, user, next, KdfParams.STANDARD), registry, upgrade, terminal)) {
            terminal.out().println(Messages.get("cli.recover.done", session.user().username()));
        } finally {
            Arrays.fill(next, '\0');
        }
        return 0;
    }
}
