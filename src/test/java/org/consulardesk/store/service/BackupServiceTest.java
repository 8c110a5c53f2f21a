package org.consulardesk.store.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.Randoms;
import org.consulardesk.core.crypto.RecoveryKey;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Credential;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.store.RegistryFolder;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupServiceTest {
    private static final String OFFICER = "m.quillane";

    @TempDir
    Path tmp;
    Path dir;
    Path state;
    Path backup;
    Path restoreParent;
    RecoveryKey recoveryKey;
    RegistryDescriptor original;

    @BeforeEach
    void setUp() throws IOException {
        dir = tmp.resolve("registry");
        state = tmp.resolve("state");
        backup = tmp.resolve("backups/nairobi" + BackupService.EXTENSION);
        restoreParent = Files.createDirectories(tmp.resolve("restores"));
        RegistryCreator.Created created = create(dir);
        recoveryKey = created.recoveryKey();
        try (Session head = created.session()) {
            original = head.descriptor();
            new UserService(head, state, FAST).add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER,
                    OTHER_PASSPHRASE.toCharArray());
            PersonService persons = new PersonService(head);
            persons.register(person("Aldermoor", "Petra"));
            persons.register(person("Brackwell", "Ivo"));
            persons.register(person("Cindral", "Yusra"));
            BackupService.backup(head, backup, ProgressSink.NONE);
            // Work after the backup is not in it.
            persons.register(person("Dunmarrow", "Lio"));
        }
        assertThat(backup).isRegularFile();
        assertThat(entries(backup.getParent())).containsExactly(backup.getFileName().toString());
        assertThat(entries(dir)).noneMatch(n -> n.startsWith(".backup-"));
    }

    @Test
    void restoresWithAPassphrase() {
        Path target = restoreParent.resolve("restored");
        BackupService.Restored restored = BackupService.restore(backup, target,
                new Credential.Passphrase(HEAD, PASSPHRASE.toCharArray()), ProgressSink.NONE);
        assertThat(restored.descriptor()).isEqualTo(original);
        assertThat(restored.pendingUpgrade()).isEmpty();
        assertThat(entries(target)).containsExactlyInAnyOrder("keys.properties", "registry.properties", "registry.mv.db");
        assertThat(entries(restoreParent)).containsExactly("restored");
        assertRestoredContent(target, HEAD, PASSPHRASE);
        // Every user's passphrase of the time opens the restored copy.
        login(target, tmp.resolve("state2"), OFFICER, OTHER_PASSPHRASE).close();
    }

    @Test
    void restoresWithTheRecoveryKey() {
        Path target = restoreParent.resolve("restored");
        BackupService.restore(backup, target, new Credential.Recovery(RecoveryKey.parse(recoveryKey.formatted())),
                ProgressSink.NONE);
        assertRestoredContent(target, OFFICER, OTHER_PASSPHRASE);
    }

    @Test
    void restoresIntoAnExistingEmptyFolder() throws IOException {
        Path target = Files.createDirectories(restoreParent.resolve("empty"));
        BackupService.restore(backup, target, new Credential.Passphrase(OFFICER, OTHER_PASSPHRASE.toCharArray()),
                ProgressSink.NONE);
        assertThat(RegistryFolder.isRegistry(target)).isTrue();
    }

    @Test
    void backupKeepsThePassphrasesValidWhenItWasTaken() {
        try (Session head = loginHead(dir, state)) {
            new UserService(head, state, FAST).changeOwnPassphrase(PASSPHRASE.toCharArray(), THIRD_PASSPHRASE.toCharArray());
        }
        Path target = restoreParent.resolve("restored");
        UserError e = userError(() -> BackupService.restore(backup, target,
                new Credential.Passphrase(HEAD, THIRD_PASSPHRASE.toCharArray()), ProgressSink.NONE));
        assertThat(e.key()).isEqualTo("error.backup.wrongSecret");
        BackupService.restore(backup, target, new Credential.Passphrase(HEAD, PASSPHRASE.toCharArray()), ProgressSink.NONE);
        assertThat(RegistryFolder.isRegistry(target)).isTrue();
    }

    @Test
    void refusesANonEmptyTarget() throws IOException {
        Path target = Files.createDirectories(restoreParent.resolve("busy"));
        Files.writeString(target.resolve("keep.txt"), "do not touch");
        UserError e = userError(() -> BackupService.restore(backup, target,
                new Credential.Passphrase(HEAD, PASSPHRASE.toCharArray()), ProgressSink.NONE));
        assertThat(e.key()).isEqualTo("error.registry.folderNotEmpty");
        assertThat(entries(target)).containsExactly("keep.txt");
        assertThat(entries(restoreParent)).containsExactly("busy");
        // Restoring over the live registry is refused too.
        assertThat(userError(() -> BackupService.restore(backup, dir,
                new Credential.Passphrase(HEAD, PASSPHRASE.toCharArray()), ProgressSink.NONE)).key())
                .isEqualTo("error.registry.folderNotEmpty");
    }

    @Test
    void wrongPassphraseIsRefusedAndCreatesNothing() {
        assertRefused(backup, new Credential.Passphrase(HEAD, "amber falcon orbit velvet 1988".toCharArray()),
                "error.backup.wrongSecret");
        assertRefused(backup, new Credential.Passphrase("nobody", PASSPHRASE.toCharArray()), "error.backup.wrongSecret");
        assertRefused(backup, new Credential.Recovery(RecoveryKey.generate()), "error.backup.wrongSecret");
    }

    @Test
    void flippedByteInThePayloadIsTampered() throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        assertThat(bytes.length).isGreaterThan(10_000);
        bytes[bytes.length / 2] ^= 0x01;
        Path tampered = Files.write(tmp.resolve("tampered.cdbackup"), bytes);
        assertRefused(tampered, headCredential(), "error.backup.tampered");
    }

    @Test
    void flippedByteInTheClearHeaderIsTampered() throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        // The key file's comment line: ignored when parsed, but covered by the payload's associated data.
        int at = indexOf(bytes, "# ConsularDesk key file".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(at).isPositive();
        bytes[at + 2] = 'c';
        Path tampered = Files.write(tmp.resolve("header.cdbackup"), bytes);
        assertRefused(tampered, headCredential(), "error.backup.tampered");
    }

    @Test
    void truncatedFilesAreRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        Path lastByte = Files.write(tmp.resolve("cut1.cdbackup"), Arrays.copyOf(bytes, bytes.length - 1));
        assertRefused(lastByte, headCredential(), "error.backup.tampered");
        Path half = Files.write(tmp.resolve("half.cdbackup"), Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(half, headCredential(), "error.backup.tampered");
        Path headerOnly = Files.write(tmp.resolve("header-only.cdbackup"), Arrays.copyOf(bytes, 40));
        assertRefused(headerOnly, headCredential(), "error.backup.notABackup");
    }

    @Test
    void randomBytesAreNotABackup() throws IOException {
        Path random = Files.write(tmp.resolve("random.cdbackup"), Randoms.bytes(200_000));
        assertRefused(random, headCredential(), "error.backup.notABackup");
        Path empty = Files.write(tmp.resolve("empty.cdbackup"), new byte[0]);
        assertRefused(empty, headCredential(), "error.backup.notABackup");
        Path text = Files.writeString(tmp.resolve("notes.cdbackup"), "Shopping list: bread, tea, oranges\n".repeat(100));
        assertRefused(text, headCredential(), "error.backup.notABackup");
        byte[] magicLength = {0, 0, 0, 40};
        Path magicOnly = Files.write(tmp.resolve("magic.cdbackup"), concat(magicLength,
                "CONSULARDESK-BACKUP".getBytes(StandardCharsets.US_ASCII), new byte[21]));
        assertRefused(magicOnly, headCredential(), "error.backup.notABackup");
    }

    @Test
    void missingFileIsReported() {
        assertRefused(tmp.resolve("absent.cdbackup"), headCredential(), "error.backup.read");
    }

    @Test
    void rotateKeepsOnlyTheNewest() throws IOException {
        Path rotDir = tmp.resolve("rotating");
        MutableClock clock = new MutableClock(Instant.parse("2031-05-06T07:08:09Z"));
        Path rotRegistry = tmp.resolve("rot-registry");
        Path manual = BackupService.defaultBackupDir(rotRegistry).resolve("before-upgrade" + BackupService.EXTENSION);
        try (Session head = create(rotRegistry, clock).session()) {
            BackupService.backup(head, manual, ProgressSink.NONE);
            Path created = null;
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofMinutes(1));
                created = BackupService.rotate(head, rotDir, 3);
                assertThat(created).isRegularFile();
                assertThat(BackupService.list(rotDir)).hasSize(Math.min(i + 1, 3)).last().isEqualTo(created);
            }
            List<String> names = BackupService.list(rotDir).stream().map(p -> p.getFileName().toString()).toList();
            assertThat(names).containsExactly("backup-20310506-071109-000.cdbackup", "backup-20310506-071209-000.cdbackup",
                    "backup-20310506-071309-000.cdbackup");
            assertThat(entries(rotDir)).containsExactlyElementsOf(names);

            // Rotating into the registry's own backup folder leaves other backups alone.
            BackupService.rotate(head, BackupService.defaultBackupDir(rotRegistry), 1);
            clock.advance(Duration.ofMinutes(1));
            BackupService.rotate(head, BackupService.defaultBackupDir(rotRegistry), 1);
            assertThat(manual).isRegularFile();
            assertThat(BackupService.list(BackupService.defaultBackupDir(rotRegistry))).hasSize(1);
        }
        // Each kept backup restores.
        Path target = restoreParent.resolve("from-rotation");
        BackupService.restore(BackupService.list(rotDir).get(0), target, headCredential(), ProgressSink.NONE);
        assertThat(RegistryFolder.isRegistry(target)).isTrue();
        assertThat(BackupService.list(tmp.resolve("no-such-folder"))).isEmpty();
    }

    @Test
    void cancelledBackupLeavesNoFile() {
        Path out = tmp.resolve("cancelled/backup" + BackupService.EXTENSION);
        ProgressSink cancelled = new ProgressSink() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        try (Session head = loginHead(dir, state)) {
            assertThatThrownBy(() -> BackupService.backup(head, out, cancelled))
                    .isInstanceOf(ProgressSink.CancelledException.class);
        }
        assertThat(entries(out.getParent())).isEmpty();
        assertThat(entries(dir)).noneMatch(n -> n.startsWith(".backup-"));
    }

    @Test
    void backupIsAuditedAndDoesNotChangeTheRegistryContent() {
        try (Session head = loginHead(dir, state)) {
            BackupService.backup(head, tmp.resolve("second" + BackupService.EXTENSION), ProgressSink.NONE);
            assertThat(head.audit().page(new org.consulardesk.security.model.AuditFilter(null, "BACKUP_CREATED", null,
                    null, null), 0, 10)).extracting(r -> r.detail()).containsExactly("second.cdbackup", "nairobi.cdbackup");
            assertThat(head.audit().verify().ok()).isTrue();
        }
    }

    private void assertRestoredContent(Path target, String user, String passphrase) {
        try (Session s = login(target, tmp.resolve("state-restored"), user, passphrase)) {
            PersonService persons = new PersonService(s);
            assertThat(persons.count(null)).isEqualTo(3);
            assertThat(persons.search(null, 0, 10)).extracting(Person::familyName)
                    .containsExactly("Aldermoor", "Brackwell", "Cindral");
            assertThat(s.descriptor()).isEqualTo(original);
        }
        try (Session head = login(target, tmp.resolve("state-restored"), HEAD, PASSPHRASE)) {
            assertThat(head.audit().verify().ok()).isTrue();
        }
    }

    private void assertRefused(Path file, Credential credential, String key) {
        Path target = restoreParent.resolve("target");
        UserError e = userError(() -> BackupService.restore(file, target, credential, ProgressSink.NONE));
        assertThat(e.key()).as(file.getFileName().toString()).isEqualTo(key);
        assertThat(target).doesNotExist();
        assertThat(entries(restoreParent)).as("left-overs of a refused restore").isEmpty();
    }

    private static Credential headCredential() {
        return new Credential.Passphrase(HEAD, PASSPHRASE.toCharArray());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
