package org.consulardesk.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.consulardesk.core.Messages;
import org.consulardesk.core.UserError;

/**
 * Where a passphrase comes from on the command line, in this order: a file given with an option (its
 * first line), the environment variable {@value #ENV}, an interactive prompt. Passphrases are kept
 * in char arrays the caller wipes; they are never printed.
 */
final class Passphrases {
    static final String ENV = "CONSULARDESK_PASSPHRASE";

    private Passphrases() {
    }

    /** The passphrase of the user who logs in (or of the new head of post, with {@code confirm}). */
    static char[] forLogin(Terminal terminal, Path file, String username, boolean confirm) {
        if (file != null) {
            return firstLine(file);
        }
        String fromEnv = terminal.env().apply(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (terminal.console() == null) {
            throw new UserError("cli.passphrase.none", ENV);
        }
        return prompt(terminal, Messages.get("cli.passphrase.prompt", username), confirm);
    }

    /** An initial passphrase for another user: from a file, else typed twice. The environment is not used. */
    static char[] forNewUser(Terminal terminal, Path file, String username) {
        if (file != null) {
            return firstLine(file);
        }
        if (terminal.console() == null) {
            throw new UserError("cli.passphrase.noneForNewUser");
        }
        return prompt(terminal, Messages.get("cli.passphrase.promptNew", username), true);
    }

    private static char[] prompt(Terminal terminal, String prompt, boolean confirm) {
        char[] first = terminal.console().readPassword(prompt);
        if (first == null || first.length == 0) {
            throw new UserError("cli.passphrase.empty");
        }
        if (confirm) {
            char[] again = terminal.console().readPassword(Messages.get("cli.passphrase.promptAgain"));
            try {
                if (!Arrays.equals(first, again)) {
                    Arrays.fill(first, '\0');
                    throw new UserError("cli.passphrase.mismatch");
                }
            } finally {
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
            }
        }
        return first;
    }

    /** The first line of a file (UTF-8, without its line ending or a byte order mark). */
    static char[] firstLine(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError("cli.file.notFound", file.toString());
        } catch (IOException e) {
            throw new UserError(e, "cli.file.unreadable", file.toString());
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new UserError("cli.file.notUtf8", file.toString());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        try {
            int start = chars.length() > 0 && chars.charAt(0) == '\uFEFF' ? 1 : 0;
            int end = start;
            while (end < chars.length() && chars.charAt(end) != '\n' && chars.charAt(end) != '\r') {
                end++;
            }
            if (end == start) {
                throw new UserError("cli.passphrase.emptyFile", file.toString());
            }
            char[] line = new char[end - start];
            for (int i = start; i < end; i++) {
                line[i - start] = chars.charAt(i);
            }
            return line;
        } finally {
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
