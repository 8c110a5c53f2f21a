package org.consulardesk.cli;

import java.nio.file.Path;
import org.consulardesk.core.Messages;
import org.consulardesk.core.UserError;

/** The password of an encrypted workbook: a file's first line, else the environment, else typed. */
final class ExchangePasswords {
    static final String ENV = "CONSULARDESK_EXPORT_PASSWORD";

    private ExchangePasswords() {
    }

    /** @param required false: null when none is given and no console is there to ask */
    static char[] read(Terminal terminal, Path file, boolean required, boolean confirm) {
        if (file != null) {
            return Passphrases.firstLine(file);
        }
        String fromEnv = terminal.env().apply(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (!required) {
            return null;
        }
        if (terminal.console() == null) {
            throw new UserError("cli.exchange.noPassword", ENV);
        }
        char[] first = terminal.console().readPassword(Messages.get("cli.exchange.passwordPrompt"));
        if (confirm && first != null) {
            char[] again = terminal.console().readPassword(Messages.get("cli.passphrase.promptAgain"));
            if (again == null || !java.util.Arrays.equals(first, again)) {
                throw new UserError("cli.passphrase.mismatch");
            }
        }
        return first;
    }
}
