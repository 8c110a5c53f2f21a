package org.consulardesk.security.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.consulardesk.core.AtomicFiles;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.KdfParams;

/** Reads and atomically writes the key file of a registry folder. */
public final class KeyFileStore {
    public static final String FILE_NAME = "keys.properties";

    private KeyFileStore() {
    }

    public static Path path(Path registryDir) {
        return registryDir.resolve(FILE_NAME);
    }

    public static boolean exists(Path registryDir) {
        return Files.isRegularFile(path(registryDir));
    }

    public static KeyFile read(Path registryDir) {
        Path file = path(registryDir);
        try (InputStream in = Files.newInputStream(file)) {
            return fromBytes(in.readAllBytes(), file.toString());
        } catch (NoSuchFileException e) {
            throw new UserError("error.registry.notFound", registryDir.toString());
        } catch (IOException e) {
            throw new UserError(e, "error.keyfile.unreadable", file.toString());
        }
    }

    public static void write(Path registryDir, KeyFile keys) {
        try {
            AtomicFiles.write(path(registryDir), toBytes(keys));
        } catch (IOException e) {
            throw new UserError(e, "error.keyfile.unwritable", path(registryDir).toString());
        }
    }

    public static byte[] toBytes(KeyFile keys) {
        // Sorted keys: the same content always gives the same bytes.
        Map<String, String> values = new LinkedHashMap<>();
        values.put("format", Integer.toString(KeyFile.FORMAT));
        values.put("registry.id", keys.registryId());
        values.put("holder.salt", b64(keys.holderSalt()));
        put(values, "recovery", keys.recovery());
        values.put("revoked", String.join(",", new TreeSet<>(keys.revoked())));
        int i = 0;
        for (WrappedKey user : keys.users().values().stream()
                .sorted(java.util.Comparator.comparing(WrappedKey::holderId)).toList()) {
            put(values, "user." + i++, user);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.ISO_8859_1)) {
            writer.write("# ConsularDesk key file: the registry's data key, wrapped per user. Do not edit.\n");
            for (String name : new TreeSet<>(values.keySet())) {
                writer.write(name + "=" + values.get(name) + "\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static KeyFile fromBytes(byte[] bytes, String source) {
        Properties p = new Properties();
        try {
            p.load(new java.io.ByteArrayInputStream(bytes));
            if (!Integer.toString(KeyFile.FORMAT).equals(p.getProperty("format"))) {
                throw new UserError("error.keyfile.format", source);
            }
            Map<String, WrappedKey> users = new LinkedHashMap<>();
            for (int i = 0; p.containsKey("user." + i + ".holder"); i++) {
                WrappedKey key = get(p, "user." + i);
                users.put(key.holderId(), key);
            }
            String revoked = p.getProperty("revoked", "").trim();
            java.util.Set<String> revokedIds = revoked.isEmpty() ? java.util.Set.of() : java.util.Set.of(revoked.split(","));
            return new KeyFile(required(p, "registry.id"), unb64(required(p, "holder.salt")), users, get(p, "recovery"),
                    revokedIds);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(e, "error.keyfile.corrupt", source);
        }
    }

    private static void put(Map<String, String> values, String prefix, WrappedKey key) {
        values.put(prefix + ".holder", key.holderId());
        values.put(prefix + ".kdf", key.kdf().encode());
        values.put(prefix + ".salt", b64(key.salt()));
        values.put(prefix + ".nonce", b64(key.nonce()));
        values.put(prefix + ".wrapped", b64(key.ciphertext()));
    }

    private static WrappedKey get(Properties p, String prefix) {
        return new WrappedKey(required(p, prefix + ".holder"), KdfParams.decode(required(p, prefix + ".kdf")),
                unb64(required(p, prefix + ".salt")), unb64(required(p, prefix + ".nonce")),
                unb64(required(p, prefix + ".wrapped")));
    }

    private static String required(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value.trim();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String text) {
        return Base64.getDecoder().decode(text);
    }
}
