package org.consulardesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.consulardesk.core.UserError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade that copies the list's row onto the name-word and pair entries (V23, ADR 0078) on a
 * registry written by V22: every entry gets its person's row, entries of merged persons go, and a
 * run stopped after a batch continues after it.
 */
class SearchWalkRowsUpgradeTest {
    private static final String ROWS = "select person_id, family_name, given_names, birth_date, city, district, purpose from %s"
            + " group by person_id, family_name, given_names, birth_date, city, district, purpose order by 1";

    @TempDir
    Path dir;
    private final byte[] key = new byte[32];

    @BeforeEach
    void registryAtV22() {
        new SecureRandom().nextBytes(key);
        OlderRegistries.persons(dir, key, "16", 1, 20_001, 40_001, 40_002);
        try (Database db = OlderRegistries.openAt(dir, key, "22")) {
            db.write(tx -> {
                tx.dsl().execute("update person set city = 'Mombasa', district = 'Nyali' where id = 1");
                tx.dsl().execute("update person set city = 'Nairobi', purpose = 'STUDENT', birth_date = '1984' where id = 20001");
                // Entries a merge left behind (a merge removes them since ADR 0037; the walk no longer reads the row).
                tx.dsl().execute("update person set merged_into = 1 where id = 40002");
                return null;
            });
        }
    }

    @Test
    void everyEntryCarriesItsPersonsRowAndMergedPersonsLeaveTheIndex() {
        try (Database db = Database.upgrade(dir, key, new UpgradeProgressTest.Recorder())) {
            List<String> expected = List.of("1 Garcia/Ana Maria/1984-07-12/Mombasa/Nyali/WORKER",
                    "20001 Garcia/Ana Maria/1984/Nairobi/null/STUDENT", "40001 Garcia/Ana Maria/1984-07-12/null/null/WORKER");
            assertThat(rows(db, "person_name_token")).containsExactlyElementsOf(expected);
            assertThat(rows(db, "person_name_pair")).containsExactlyElementsOf(expected);
            int words = db.read(tx -> tx.dsl().fetchCount(tx.dsl().selectFrom("person_name_token").where("person_id = 1")));
            assertThat(words).isEqualTo(3);
        }
    }

    @Test
    void aRunStoppedAfterABatchContinuesAfterIt() {
        UpgradeProgressTest.Recorder failing = new UpgradeProgressTest.Recorder();
        failing.failAt = "23.1 20000/40002";
        assertThatThrownBy(() -> Database.upgrade(dir, key, failing)).isInstanceOf(UserError.class);
        try (Database db = OlderRegistries.openAt(dir, key, "23")) {
            // The first batch is in the new table; the others are not.
            assertThat(rows(db, "person_name_token_rows")).containsExactly("1 Garcia/Ana Maria/1984-07-12/Mombasa/Nyali/WORKER");
            // Marks the committed batch: the next run must not write it again.
            db.write(tx -> tx.dsl().execute("update person_name_token_rows set district = 'kept' where person_id = 1"));
        }

        try (Database db = Database.upgrade(dir, key, new UpgradeProgressTest.Recorder())) {
            assertThat(rows(db, "person_name_token")).containsExactly("1 Garcia/Ana Maria/1984-07-12/Mombasa/kept/WORKER",
                    "20001 Garcia/Ana Maria/1984/Nairobi/null/STUDENT", "40001 Garcia/Ana Maria/1984-07-12/null/null/WORKER");
            assertThat(rows(db, "person_name_pair")).hasSize(3);
        }
    }

    private static List<String> rows(Database db, String table) {
        return db.read(tx -> tx.dsl().fetch(ROWS.formatted(table)).map(r -> r.get(0) + " " + r.get(1) + "/" + r.get(2) + "/"
                + r.get(3) + "/" + r.get(4) + "/" + r.get(5) + "/" + r.get(6)));
    }
}
