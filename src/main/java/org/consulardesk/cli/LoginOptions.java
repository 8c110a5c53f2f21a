package org.consulardesk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.consulardesk.core.AppPaths;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Option;

/** The options every command that opens an existing registry shares: folder, user, passphrase file, --upgrade. */
final class LoginOptions {
    @Option(names = "--registry", required = true, paramLabel = "DIR", descriptionKey = "cli.option.registry")
    Path registry;

    @Option(names = "--user", required = true, paramLabel = "NAME", descriptionKey = "cli.option.user")
    String user;

    @Option(names = "--passphrase-file", paramLabel = "FILE", descriptionKey = "cli.option.passphraseFile")
    Path passphraseFile;

    @Option(names = "--upgrade", descriptionKey = "cli.option.upgrade")
    boolean upgrade;

    /** Logs in; the caller closes the session. */
    Session login(Terminal terminal) {
        char[] passphrase = Passphrases.forLogin(terminal, passphraseFile, user, false);
        try {
            return login(terminal, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * Logs in with a passphrase the caller already read (and wipes). A registry an earlier version
     * wrote is refused unless {@code --upgrade} was given (ADR 0076).
     */
    Session login(Terminal terminal, char[] passphrase) {
        LoginService logins = new LoginService(AppPaths.stateDir(), Clock.systemUTC());
        return UpgradeOption.finish(logins, logins.begin(registry, user, passphrase), registry, upgrade, terminal);
    }
}
