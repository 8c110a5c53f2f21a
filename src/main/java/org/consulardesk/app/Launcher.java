package org.consulardesk.app;

/**
 * Main class of the jar. With no arguments it opens the desktop application; with a subcommand it
 * runs the command line. It is deliberately not a JavaFX Application subclass, so the jar starts
 * from the class path without a module-info.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (args.length == 0) {
            ConsularDeskApp.launchApp(args);
        } else {
            System.exit(org.consulardesk.cli.Cli.run(args));
        }
    }
}
