package org.consulardesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Vault;
import org.consulardesk.security.store.KeyFileStore;
import org.consulardesk.security.store.UserStore;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.model.RegistryKind;
import org.consulardesk.store.model.UpgradeListener;

/** Registry databases at an older schema version, as a workstation that skipped releases would have them. */
public final class OlderRegistries {
    private OlderRegistries() {
    }

    /** Opens (creating if absent) the encrypted database in {@code dir} migrated only up to {@code version}. */
    public static Database openAt(Path dir, byte[] dataKey, String version) {
        try (Database.Opening opening = Database.connect(dir, dataKey)) {
            return opening.migrate(UpgradeListener.NONE, version);
        }
    }

    /**
     * A whole registry folder (descriptor, key file, database) of the Embassy of Utopia in Nairobi
     * as that {@code version} left it, with head of post {@code head} and persons of the given ids.
     * Sign-in then finds it behind. Returns its keys (the recovery key opens it too).
     */
    public static Vault.NewKeys registry(Path dir, String version, String head, String passphrase, long... ids) {
        Vault.NewKeys keys = Vault.create(head, passphrase.toCharArray(), new KdfParams(1024, 1, 1));
        RegistryDescriptor descriptor = new RegistryDescriptor(keys.keyFile().registryId(), RegistryKind.POST,
                "Embassy of Utopia in Nairobi", "KE", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KeyFileStore.write(dir, keys.keyFile());
        RegistryFolder.writeDescriptor(dir, descriptor);
        persons(dir, keys.dataKey(), version, ids);
        try (Database db = openAt(dir, keys.dataKey(), version)) {
            db.write(tx -> {
                new PostStore().insert(tx, descriptor.postName(), "KE", "POST", descriptor.createdAt());
                return new UserStore().insert(tx, head, "Hesper Ashvale", Role.HEAD_OF_POST, false, Instant.now());
            });
        }
        return keys;
    }

    /**
     * Creates (or adds to) the database at {@code version} (15 or later) with a person "Garcia Ana Maria" of each
     * given id, written the way that version wrote them (name words, no duplicate key).
     */
    public static void persons(Path dir, byte[] dataKey, String version, long... ids) {
        try (Database db = openAt(dir, dataKey, version)) {
            db.write(tx -> {
                for (long id : ids) {
                    tx.dsl().execute("insert into person (id, family_name, given_names, sex, birth_date, purpose, search_name,"
                            + " created_at, updated_at, row_version) overriding system value values (?, 'Garcia', 'Ana Maria', 'F',"
                            + " '1984-07-12', 'WORKER', 'garcia ana maria', current_timestamp, current_timestamp, 1)", id);
                    List<String> tokens = List.of("ana", "garcia", "maria");
                    var previous = NameWords.previous(tokens);
                    for (String token : tokens) {
                        tx.dsl().execute("insert into person_name_token (person_id, token, sort_name, words, prev_word)"
                                + " values (?, ?, 'garcia ana maria', ?, ?)", id, token, NameWords.of(tokens), previous.get(token));
                    }
                }
                return null;
            });
        }
    }
}
