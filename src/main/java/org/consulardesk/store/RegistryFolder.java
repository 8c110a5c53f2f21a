package org.consulardesk.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.consulardesk.core.AtomicFiles;
import org.consulardesk.core.UserError;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.model.RegistryKind;

/** The files that make a registry folder, and its plaintext descriptor. */
public final class RegistryFolder {
    public static final String DESCRIPTOR = "registry.properties";
    public static final String DATABASE_NAME = "registry";
    public static final String DATABASE_FILE = DATABASE_NAME + ".mv.db";

    private RegistryFolder() {
    }

    public static boolean isRegistry(Path dir) {
        return Files.isRegularFile(dir.resolve(DESCRIPTOR)) && Files.isRegularFile(dir.resolve("keys.properties"));
    }

    /** A folder a new registry may be created in: absent, or present and empty. */
    public static void requireEmptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new UserError("error.registry.notAFolder", dir.toString());
        }
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new UserError("error.registry.folderNotEmpty", dir.toString());
            }
        } catch (IOException e) {
            throw new UserError(e, "error.registry.folderUnreadable", dir.toString());
        }
    }

    public static RegistryDescriptor readDescriptor(Path dir) {
        Path file = dir.resolve(DESCRIPTOR);
        try (InputStream in = Files.newInputStream(file)) {
            return fromBytes(in.readAllBytes(), file.toString());
        } catch (NoSuchFileException e) {
            throw new UserError("error.registry.notFound", dir.toString());
        } catch (IOException e) {
            throw new UserError(e, "error.registry.folderUnreadable", dir.toString());
        }
    }

    public static void writeDescriptor(Path dir, RegistryDescriptor descriptor) {
        try {
            AtomicFiles.write(dir.resolve(DESCRIPTOR), toBytes(descriptor));
        } catch (IOException e) {
            throw new UserError(e, "error.registry.unwritable", dir.toString());
        }
    }

    public static byte[] toBytes(RegistryDescriptor d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.setProperty("registry.id", d.registryId());
            p.setProperty("kind", d.kind().name());
            p.setProperty("post.name", d.postName());
            p.setProperty("post.country", d.countryCode());
            p.setProperty("created.at", d.createdAt().toString());
            p.store(w, "ConsularDesk registry (no personal data here)");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public static RegistryDescriptor fromBytes(byte[] bytes, String source) {
        Properties p = new Properties();
        try {
            p.load(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
            return new RegistryDescriptor(required(p, "registry.id"), RegistryKind.valueOf(required(p, "kind")),
                    required(p, "post.name"), required(p, "post.country"), Instant.parse(required(p, "created.at")));
        } catch (IOException | RuntimeException e) {
            throw new UserError(e, "error.registry.descriptorCorrupt", source);
        }
    }

    private static String required(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }
}
