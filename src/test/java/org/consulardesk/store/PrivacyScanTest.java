package org.consulardesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.crypto.Randoms;
import org.consulardesk.registry.model.NewPerson;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.store.service.BackupService;
import org.consulardesk.testsupport.PlaintextScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No personal data in plaintext anywhere on disk: not in the registry folder (database, key file,
 * descriptor, backups) nor in the log folder nor the workstation state folder.
 */
class PrivacyScanTest {
    private static final String FAMILY = "Zyxwvutsrqpon";
    private static final String GIVEN = "Quixotica";
    private static final String STAFF_TOKEN = "Brindlewick";
    private static final String STAFF_GIVEN = "Xylophant";
    private static final String CITY = "Vrellingham";
    private static final List<String> TOKENS = List.of(FAMILY, GIVEN, STAFF_TOKEN, STAFF_GIVEN, CITY,
            "amber falcon orbit", "copper lantern meadow");

    @TempDir
    Path tmp;

    @Test
    void scannerFindsPlaintextInEveryEncoding() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        Files.write(dir.resolve("utf8.txt"), ("registrant: " + FAMILY.toUpperCase() + ", x").getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("utf16le.bin"), ("a " + GIVEN.toLowerCase() + " b").getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("utf16be.bin"), ("a " + STAFF_TOKEN + " b").getBytes(StandardCharsets.UTF_16BE));
        try (OutputStream out = Files.newOutputStream(dir.resolve("deflated.zip")); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("inner.txt"));
            zip.write(("lives in " + CITY + " ").repeat(50).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.write(dir.resolve("random.bin"), Randoms.bytes(100_000));
        PlaintextScanner scanner = new PlaintextScanner(TOKENS);

        assertThat(scanner.scan(List.of(dir.resolve("utf8.txt")))).containsExactly(dir.resolve("utf8.txt") + ": " + FAMILY + " (UTF-8)");
        // A UTF-16LE string also matches the UTF-16BE pattern one byte later; either way it is found.
        assertThat(scanner.scan(List.of(dir.resolve("utf16le.bin"))))
                .contains(dir.resolve("utf16le.bin") + ": " + GIVEN + " (UTF-16LE)")
                .noneMatch(f -> f.contains("UTF-8"));
        assertThat(scanner.scan(List.of(dir.resolve("utf16be.bin"))))
                .contains(dir.resolve("utf16be.bin") + ": " + STAFF_TOKEN + " (UTF-16BE)")
                .noneMatch(f -> f.contains("UTF-8"));
        assertThat(scanner.scan(List.of(dir.resolve("deflated.zip"))))
                .containsExactly(dir.resolve("deflated.zip") + "!inner.txt: " + CITY + " (UTF-8)");
        assertThat(scanner.scan(List.of(dir.resolve("random.bin")))).isEmpty();
        assertThat(scanner.scan(files(dir))).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void noPersonalDataInPlaintextOnDisk() throws IOException {
        Path dir = tmp.resolve("registry");
        Path state = tmp.resolve("state");
        Path h2Zip = tmp.resolve("h2-backup/raw.zip");
        Files.createDirectories(h2Zip.getParent());
        Path backups = BackupService.defaultBackupDir(dir);
        try (Session head = create(dir).session()) {
            new UserService(head, state, FAST).add("x.brindlewick", STAFF_GIVEN + " " + STAFF_TOKEN, Role.CONSULAR_OFFICER,
                    OTHER_PASSPHRASE.toCharArray());
            PersonService persons = new PersonService(head);
            persons.register(new NewPerson(FAMILY, GIVEN, 'F', "1990-03-04", CITY, "KE", PurposeOfStay.STUDENT));
            for (int i = 0; i < 50; i++) {
                persons.register(new NewPerson(FAMILY + i, GIVEN + " " + i, 'X', "1990", CITY, "KE", PurposeOfStay.RESIDENT));
            }
            assertThat(persons.search(FAMILY.toLowerCase(), 0, 100)).hasSize(51);
            head.audit().verify();
            BackupService.backup(head, backups.resolve("manual" + BackupService.EXTENSION), ProgressSink.NONE);
            BackupService.rotate(head, backups, 3);
            head.database().backupTo(h2Zip);
        }
        try (Session staff = login(dir, state, "x.brindlewick", OTHER_PASSPHRASE)) {
            List<Person> found = new PersonService(staff).search(GIVEN, 0, 5);
            assertThat(found).extracting(Person::familyName).contains(FAMILY);
            assertThat(staff.user().displayName()).contains(STAFF_TOKEN);
        }

        List<Path> scanned = new ArrayList<>(files(dir));
        assertThat(scanned.stream().map(p -> dir.relativize(p).toString()))
                .contains("keys.properties", "registry.properties", "registry.mv.db", "backups/manual.cdbackup")
                .anyMatch(name -> name.startsWith("backups/backup-"));
        scanned.addAll(files(state));
        scanned.add(h2Zip);
        String logDir = System.getProperty("consulardesk.logdir");
        if (logDir != null) {
            scanned.addAll(files(Path.of(logDir)));
        }

        assertThat(new PlaintextScanner(TOKENS).scan(scanned)).isEmpty();
        // No temporary files were left behind next to the registry either.
        assertThat(entries(tmp)).isSubsetOf("registry", "state", "h2-backup");
        assertThat(entries(dir)).doesNotContain("registry.trace.db").noneMatch(n -> n.startsWith("."));
    }

    /**
     * Large query results spill to temporary files (h2tmp*.temp.db in java.io.tmpdir); they must be
     * encrypted like the database. Forced here with a tiny MAX_MEMORY_ROWS and scanned while the
     * cursor holding them is still open.
     */
    @Test
    void spilledQueryResultsAreEncryptedToo() {
        Path dir = tmp.resolve("spill");
        Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = spillFiles(tempDir);
        try (Session head = create(dir).session()) {
            List<NewPerson> people = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                people.add(new NewPerson(FAMILY + i, GIVEN, 'F', "1990", CITY, "KE", PurposeOfStay.WORKER));
            }
            new PersonService(head).registerAll(people);
            List<Path> spilled = head.database().read(tx -> {
                tx.dsl().execute("SET MAX_MEMORY_ROWS 20");
                // 250,000 sorted rows (about 12 MB): far beyond what H2 keeps in memory, so pages reach the file.
                try (var cursor = tx.dsl().resultQuery("SELECT a.family_name, b.given_names, a.city FROM person a CROSS JOIN person b"
                        + " ORDER BY a.city, b.family_name DESC, a.family_name").fetchLazy()) {
                    assertThat(cursor.fetchNext()).isNotNull();
                    List<Path> now = spillFiles(tempDir);
                    now.removeAll(before);
                    assertThat(now).as("the query must really have spilled to a temporary file").isNotEmpty();
                    assertThat(now.stream().mapToLong(PrivacyScanTest::sizeOf).sum()).as("bytes spilled").isGreaterThan(1_000_000);
                    assertThat(new PlaintextScanner(TOKENS).scan(now)).isEmpty();
                    return now;
                } finally {
                    tx.dsl().execute("SET MAX_MEMORY_ROWS 40000");
                }
            });
            assertThat(spilled).isNotEmpty();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Path> spillFiles(Path tempDir) {
        try (var list = Files.list(tempDir)) {
            return new ArrayList<>(list.filter(p -> p.getFileName().toString().startsWith("h2tmp")).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
