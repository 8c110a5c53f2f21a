package org.consulardesk.app;

import java.nio.file.Path;
import org.consulardesk.core.AppPaths;
import org.consulardesk.core.crypto.KdfParams;

/**
 * What the desktop application needs from its surroundings: where registries and workstation state
 * live, and how costly new passphrase keys are. Tests pass their own.
 */
public record AppConfig(KdfParams kdfParams, Path dataDir, Path stateDir) {
    public static AppConfig defaults() {
        return new AppConfig(KdfParams.STANDARD, AppPaths.dataDir(), AppPaths.stateDir());
    }

    public Path defaultRegistryDir(String name) {
        return dataDir.resolve("registries").resolve(name);
    }

    public Path trainingRegistryDir() {
        return defaultRegistryDir("training");
    }
}
