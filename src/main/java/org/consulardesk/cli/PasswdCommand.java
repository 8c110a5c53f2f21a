package org.consulardesk.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Changes the signed-in user's own passphrase: only that user's wrapped key is rewritten. */
@Command(name = "passwd", mixinStandardHelpOptions = true)
final class PasswdCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    LoginOptions login;

    @Option(names = "--new-passphrase-file", paramLabel = "FILE", descriptionKey = "cli.option.ownNewPassphraseFile")
    Path newPassphraseFile;

    PasswdCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        char[] current = Passphrases.forLogin(terminal, login.passphraseFile, login.user, false);
        try (var session = login.login(terminal, current)) {
            char[] next = Passphrases.forNewUser(terminal, newPassphraseFile, login.user);
            try {
                UsersCommand.service(session).changeOwnPassphrase(current, next);
            } finally {
                Arrays.fill(next, '\0');
            }
            terminal.out().println(Messages.get("cli.passwd.done", session.user().username()));
        } finally {
            Arrays.fill(current, '\0');
        }
        return 0;
    }
}
