package org.consulardesk.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.function.UnaryOperator;

/**
 * Where a command reads and writes: standard output for results, standard error for problems, the
 * environment, and the interactive console for typed passphrases. Tests pass their own.
 *
 * @param env     looks up an environment variable; returns null when it is not set
 * @param console reads a passphrase without echo; null when there is no interactive console
 */
public record Terminal(PrintWriter out, PrintWriter err, UnaryOperator<String> env, PassphraseConsole console) {

    /** Reads one passphrase typed at the console, without echo; null at end of input. */
    @FunctionalInterface
    public interface PassphraseConsole {
        char[] readPassword(String prompt);
    }

    /** The process's own standard streams, environment and console. */
    public static Terminal system() {
        Console console = System.console();
        PassphraseConsole prompt = console == null ? null : p -> console.readPassword("%s", p);
        return new Terminal(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System::getenv, prompt);
    }
}
