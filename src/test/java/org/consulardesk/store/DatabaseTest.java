package org.consulardesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.consulardesk.testsupport.TestRegistries.userError;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.Optional;
import org.consulardesk.core.crypto.Randoms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void opensMigratesAndReopensWithTheSameKey() {
        byte[] key = Randoms.bytes(32);
        try (Database db = Database.open(dir, key)) {
            db.write(tx -> {
                new SettingsStore().put(tx, "test.value", "utopia");
                return null;
            });
        }
        assertThat(dir.resolve(RegistryFolder.DATABASE_FILE)).isRegularFile();
        try (Database db = Database.open(dir, key)) {
            assertThat(db.<Optional<String>>read(tx -> new SettingsStore().get(tx, "test.value"))).contains("utopia");
        }
    }

    @Test
    void wrongKeyDoesNotOpen() {
        byte[] key = Randoms.bytes(32);
        Database.open(dir, key).close();
        byte[] wrong = key.clone();
        wrong[0] ^= 1;
        assertThat(userError(() -> Database.open(dir, wrong)).key()).isEqualTo("error.database.damaged");
        Database.open(dir, key).close();
    }

    @Test
    void closeIsIdempotent() {
        Database db = Database.open(dir, Randoms.bytes(32));
        db.close();
        assertThatCode(db::close).doesNotThrowAnyException();
    }

    @Test
    void settingsStoreUpserts() {
        try (Database db = Database.open(dir, Randoms.bytes(32))) {
            SettingsStore store = new SettingsStore();
            assertThat(db.<Optional<String>>read(tx -> store.get(tx, "k"))).isEmpty();
            db.write(tx -> {
                store.put(tx, "k", "1");
                store.put(tx, "k", "2");
                return null;
            });
            assertThat(db.<Optional<String>>read(tx -> store.get(tx, "k"))).contains("2");
        }
    }

    @Test
    void failedTransactionRollsBack() {
        try (Database db = Database.open(dir, Randoms.bytes(32))) {
            SettingsStore store = new SettingsStore();
            assertThat(userError(() -> db.write(tx -> {
                store.put(tx, "k", "1");
                throw new org.consulardesk.core.UserError("error.concurrentChange");
            })).key()).isEqualTo("error.concurrentChange");
            assertThat(db.<Optional<String>>read(tx -> store.get(tx, "k"))).isEmpty();
        }
    }

    /**
     * A Java migration missing from Flyway's list would be skipped silently, with the SQL after it
     * still run. Migrations live in this package (Flyway's SQL ones beside them in db/migration).
     */
    @Test
    void everyJavaMigrationIsGivenToFlyway() {
        var migrations = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/store/generated/"))
                .importPackages("org.consulardesk.store").stream()
                .filter(c -> c.isAssignableTo(org.flywaydb.core.api.migration.JavaMigration.class))
                .filter(c -> !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName).toList();
        assertThat(migrations).hasSizeGreaterThanOrEqualTo(4);
        assertThat(Database.batchedMigrations()).extracting(m -> m.getClass().getName())
                .containsExactlyInAnyOrderElementsOf(migrations);
        assertThat(Database.BATCHED).containsExactly("15.1", "17.1", "19", "23.1");
    }
}
