package org.consulardesk.store.service;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.consulardesk.core.AtomicFiles;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.Aead;
import org.consulardesk.core.crypto.SegmentedAead;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Credential;
import org.consulardesk.security.service.KeyFiles;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.Vault;
import org.consulardesk.store.Database;
import org.consulardesk.store.RegistryFolder;
import org.consulardesk.store.backup.BackupHeader;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.model.UpgradeStep;

/**
 * Encrypted single-file backups. A backup holds the registry's key file (so it opens with any
 * user's passphrase or the recovery key valid when it was taken) and the database file, encrypted
 * again under a backup key derived from the data key and authenticated segment by segment.
 * Restore writes into a new folder and only renames it into place once everything checked out.
 */
public final class BackupService {
    public static final String EXTENSION = ".cdbackup";
    private static final String PURPOSE = "consulardesk backup v1";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    /** Writes a backup of the open registry to {@code out}; a failed or cancelled backup leaves no file. */
    public static void backup(Session session, Path out, ProgressSink progress) {
        session.require(Permission.BACKUP);
        write(session, out, progress);
    }

    private static void write(Session session, Path out, ProgressSink progress) {
        Path dir = session.dir();
        Path zip = dir.resolve(".backup-" + UUID.randomUUID() + ".zip");
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            progress.progress(0, 3);
            session.database().backupTo(zip);
            progress.checkCancelled();
            progress.progress(1, 3);
            BackupHeader header = new BackupHeader(session.descriptor().registryId(), session.now(),
                    Files.readAllBytes(dir.resolve(RegistryFolder.DESCRIPTOR)), KeyFiles.read(dir));
            byte[] key = session.subKey(PURPOSE);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(zip));
                 OutputStream os = new BufferedOutputStream(Files.newOutputStream(partial))) {
                header.writeTo(os);
                SegmentedAead.encrypt(key, header.encode(), in, os);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            progress.checkCancelled();
            try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.forceDirectory(target.getParent());
            progress.progress(3, 3);
            session.audit().record(AuditEvent.of("BACKUP_CREATED").withDetail(target.getFileName().toString()));
        } catch (IOException e) {
            throw new UserError(e, "error.backup.write", target.toString());
        } finally {
            deleteQuietly(zip);
            deleteQuietly(partial);
        }
    }

    /**
     * The rotating backup written when the registry is closed; keeps the newest {@code keep}. It is a
     * safety measure of the registry, not an action of the user, so it needs no permission.
     */
    public static Path rotate(Session session, Path backupDir, int keep) {
        Path file = backupDir.resolve("backup-" + STAMP.format(session.now()) + EXTENSION);
        write(session, file, ProgressSink.NONE);
        List<Path> backups = list(backupDir);
        for (int i = 0; i < backups.size() - keep; i++) {
            deleteQuietly(backups.get(i));
        }
        return file;
    }

    /** Backups in a folder, oldest first (the names sort by time). */
    public static List<Path> list(Path backupDir) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(backupDir)) {
            return found;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(backupDir, "backup-*" + EXTENSION)) {
            stream.forEach(found::add);
        } catch (IOException e) {
            throw new UserError(e, "error.backup.read", backupDir.toString());
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return found;
    }

    /**
     * When the newest rotating backup in the registry's own backups folder was written (from its
     * name), or empty when there is none. Backups saved elsewhere through the Backup screen or the
     * CLI cannot be seen from here. Reads no key: the sign-in screen asks before an upgrade.
     */
    public static Optional<Instant> newestRotating(Path registryDir) {
        List<Path> backups = list(defaultBackupDir(registryDir));
        for (int i = backups.size() - 1; i >= 0; i--) {
            String name = backups.get(i).getFileName().toString();
            String stamp = name.substring("backup-".length(), name.length() - EXTENSION.length());
            try {
                return Optional.of(Instant.from(STAMP.parse(stamp)));
            } catch (java.time.DateTimeException e) {
                // Not a name this class wrote; look at the next older one.
            }
        }
        return Optional.empty();
    }

    public static Path defaultBackupDir(Path registryDir) {
        return registryDir.resolve("backups");
    }

    /**
     * What a restore wrote: the registry's descriptor, and the upgrade steps its database still
     * needs when the backup was taken by an earlier version (empty when current).
     */
    public record Restored(RegistryDescriptor descriptor, List<UpgradeStep> pendingUpgrade) {
    }

    /**
     * Restores {@code backup} into {@code newDir}, which must be absent or empty. Nothing is written
     * there unless the backup opens and authenticates completely. A backup from an earlier version
     * is restored as it was, not upgraded: the first sign-in asks (ADR 0076).
     */
    public static Restored restore(Path backup, Path newDir, Credential credential, ProgressSink progress) {
        RegistryFolder.requireEmptyOrAbsent(newDir);
        Path target = newDir.toAbsolutePath();
        Path work = target.resolveSibling("." + target.getFileName() + ".restoring-" + UUID.randomUUID());
        byte[] dataKey = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(backup))) {
            BackupHeader.Read read = BackupHeader.readFrom(in);
            BackupHeader header = read.header();
            RegistryDescriptor descriptor = RegistryFolder.fromBytes(header.descriptor(), backup.toString());
            if (!KeyFiles.registryId(header.keyFile(), backup.toString()).equals(header.registryId()) || !descriptor.registryId().equals(header.registryId())) {
                throw new UserError("error.backup.tampered", backup.toString());
            }
            dataKey = unwrap(header.keyFile(), backup, credential);
            byte[] key = Vault.subKey(dataKey, header.registryId(), PURPOSE);
            Files.createDirectories(work);
            Path zip = work.resolve("backup.zip");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip))) {
                SegmentedAead.decrypt(key, read.encoded(), in, out);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            progress.checkCancelled();
            extractDatabase(zip, work.resolve(RegistryFolder.DATABASE_FILE), backup);
            Files.delete(zip);
            Files.write(work.resolve(RegistryFolder.DESCRIPTOR), header.descriptor());
            KeyFiles.write(work, header.keyFile());
            List<UpgradeStep> pending;
            try (Database.Opening check = Database.connect(work, dataKey)) {
                // Reads the schema history, so the file must decrypt; migrates nothing.
                pending = check.pending();
            }
            Files.deleteIfExists(work.resolve("registry.lock.db"));
            if (Files.exists(target)) {
                Files.delete(target);
            }
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.forceDirectory(target.getParent());
            return new Restored(descriptor, pending);
        } catch (BackupHeader.NotABackup e) {
            throw new UserError("error.backup.notABackup", backup.toString());
        } catch (Aead.AuthenticationFailed e) {
            throw new UserError("error.backup.tampered", backup.toString());
        } catch (IOException e) {
            throw new UserError(e, "error.backup.read", backup.toString());
        } finally {
            if (dataKey != null) {
                Arrays.fill(dataKey, (byte) 0);
            }
            deleteTree(work);
        }
    }

    private static byte[] unwrap(byte[] keyFile, Path backup, Credential credential) {
        try {
            return KeyFiles.unwrap(keyFile, backup.toString(), credential);
        } catch (Vault.WrongSecret e) {
            throw new UserError("error.backup.wrongSecret");
        }
    }

    private static void extractDatabase(Path zip, Path dbFile, Path backup) throws IOException {
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(RegistryFolder.DATABASE_FILE)) {
                    Files.copy(in, dbFile);
                    found = true;
                }
            }
        }
        if (!found) {
            throw new UserError("error.backup.noDatabase", backup.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the file holds only ciphertext.
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(BackupService::deleteQuietly);
        } catch (IOException e) {
            // Best effort.
        }
    }
}
