package org.consulardesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.consulardesk.testsupport.TestRegistries.userError;

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
}
