package org.consulardesk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.consulardesk.core.AppPaths;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Option;

/** The options every command that opens an existing registry shares: folder, user, passphrase file. */
final class LoginOptions {
    @Option(names = "--registry", required = true, paramLabel = "DIR", descriptionKey = "cli.option.registry")
    Path registry;

    @Option(names = "--user", required = true, paramLabel = "NAME", descriptionKey = "cli.option.user")
    String user;

    @Option(names = "--passphrase-file", paramLabel = "FILE", descriptionKey = "cli.option.passphraseFile")
    Path passphraseFile;

    /** Logs in; the caller closes the session. */
    Session login(Terminal terminal) {
        char[] passphrase = Passphrases.forLogin(terminal, passphraseFile, user, false);
        try {
            return login(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Logs in with a passphrase the caller already read (and wipes). */
    Session login(char[] passphrase) {
        return new LoginService(AppPaths.stateDir(), Clock.systemUTC()).login(registry, user, passphrase);
    }
}
