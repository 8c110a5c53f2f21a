package org.consulardesk.cli;

/** Entry point of the command line; the picocli command tree is built here. */
public final class Cli {
    private Cli() {
    }

    /** Runs a command and returns its exit code: 0 success, 1 user error, 2 usage error. */
    public static int run(String... args) {
        System.err.println("the command line is not built yet");
        return 2;
    }
}
