package org.consulardesk.security.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.consulardesk.core.AtomicFiles;

/**
 * Failed login counts, kept in the workstation's state folder rather than the registry folder: a
 * wrong passphrase must not change any registry file, and without the data key nothing inside the
 * registry could be written safely anyway. Keys are holder ids (salted hashes), never user names.
 */
public final class LoginAttemptStore {
    private final Path file;

    public LoginAttemptStore(Path stateDir, String registryId) {
        this.file = stateDir.resolve("login-attempts").resolve(registryId.replaceAll("[^A-Za-z0-9-]", "") + ".properties");
    }

    public synchronized int failures(String holderId) {
        return count(load(), holderId);
    }

    public synchronized int recordFailure(String holderId) {
        Properties p = load();
        int count = count(p, holderId) + 1;
        p.setProperty(holderId, Integer.toString(count));
        save(p);
        return count;
    }

    public synchronized void clear(String holderId) {
        Properties p = load();
        if (p.remove(holderId) != null) {
            save(p);
        }
    }

    /** A damaged count reads as zero, like a missing file; Argon2id still slows guessing. */
    private static int count(Properties p, String holderId) {
        try {
            return Math.max(0, Integer.parseInt(p.getProperty(holderId, "0").trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable counter file is treated as empty; the KDF still slows guessing.
            }
        }
        return p;
    }

    private void save(Properties p) {
        try {
            Files.createDirectories(file.getParent());
            StringWriter out = new StringWriter();
            p.store(out, null);
            AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
