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
        // Before the first logger is created: logs go to the per-user log folder.
        if (System.getProperty("consulardesk.logdir") == null) {
            System.setProperty("consulardesk.logdir", org.consulardesk.core.AppPaths.logDir().toString());
        }
        if (args.length == 0) {
            ConsularDeskApp.launchApp(args);
        } else {
            System.exit(org.consulardesk.cli.Cli.run(args));
        }
    }
}
