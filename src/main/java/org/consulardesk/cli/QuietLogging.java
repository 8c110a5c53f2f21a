package org.consulardesk.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps library logging (Flyway, jOOQ, H2) off the terminal. Without a logback configuration file,
 * logback logs everything at DEBUG to standard output, which would mix with command output and could
 * echo data; the command line then logs nothing. A configuration file, when present, is respected.
 */
final class QuietLogging {
    private QuietLogging() {
    }

    static void apply() {
        ClassLoader loader = QuietLogging.class.getClassLoader();
        boolean configured = System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback.xml") != null
                || loader.getResource("logback-test.xml") != null;
        if (!configured && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        }
    }
}
