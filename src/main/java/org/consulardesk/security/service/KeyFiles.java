package org.consulardesk.security.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consulardesk.core.UserError;
import org.consulardesk.security.store.KeyFile;
import org.consulardesk.security.store.KeyFileStore;

/** Key files as opaque bytes for other features (backups carry one), without exposing the store. */
public final class KeyFiles {
    private KeyFiles() {
    }

    public static byte[] read(Path registryDir) {
        try {
            return Files.readAllBytes(KeyFileStore.path(registryDir));
        } catch (IOException e) {
            throw new UserError(e, "error.keyfile.unreadable", registryDir.toString());
        }
    }

    public static void write(Path registryDir, byte[] keyFileBytes) {
        try {
            Files.write(KeyFileStore.path(registryDir), keyFileBytes);
        } catch (IOException e) {
            throw new UserError(e, "error.keyfile.unwritable", registryDir.toString());
        }
    }

    public static String registryId(byte[] keyFileBytes, String source) {
        return KeyFileStore.fromBytes(keyFileBytes, source).registryId();
    }

    /**
     * The data key held in a key file, opened with a credential.
     *
     * @throws Vault.WrongSecret if the credential does not open it
     */
    public static byte[] unwrap(byte[] keyFileBytes, String source, Credential credential) {
        KeyFile keys = KeyFileStore.fromBytes(keyFileBytes, source);
        if (credential instanceof Credential.Passphrase p) {
            return Vault.unwrapForUser(keys, Vault.normaliseUsername(p.username()), p.passphrase());
        }
        return Vault.unwrapWithRecovery(keys, ((Credential.Recovery) credential).key());
    }
}
