package org.consulardesk.cli;

import org.consulardesk.core.Messages;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or "development" when running from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {Messages.get("cli.version", version())};
    }

    static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "development" : version;
    }
}
