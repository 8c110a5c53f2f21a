package org.consulardesk.core;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Per-user folders of the platform: data (registries), state (login attempts, recent registries),
 * logs. System properties override them so tests and portable installs stay self-contained.
 */
public final class AppPaths {
    private AppPaths() {
    }

    public static Path dataDir() {
        return override("consulardesk.datadir").orElse(platformBase("XDG_DATA_HOME", ".local/share"));
    }

    public static Path stateDir() {
        return override("consulardesk.statedir").orElse(platformBase("XDG_STATE_HOME", ".local/state"));
    }

    public static Path logDir() {
        return override("consulardesk.logdir").orElse(stateDir().resolve("logs"));
    }

    public static Path defaultRegistryDir(String folderName) {
        return dataDir().resolve("registries").resolve(folderName);
    }

    private static java.util.Optional<Path> override(String property) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(value));
    }

    private static Path platformBase(String xdgVariable, String xdgDefault) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("LOCALAPPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Local")).resolve("ConsularDesk");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/ConsularDesk");
        }
        String xdg = System.getenv(xdgVariable);
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(xdgDefault);
        return base.resolve("consulardesk");
    }
}
