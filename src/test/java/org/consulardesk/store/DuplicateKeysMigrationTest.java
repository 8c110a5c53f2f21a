package org.consulardesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V19 computes the duplicate blocking key of persons written without one, batch by batch (ADR 0040). */
class DuplicateKeysMigrationTest {
    @TempDir
    Path dir;

    @Test
    void fillsTheBlockingKeyOfEveryPersonWithoutOneAcrossBatches() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("m") + ";TRACE_LEVEL_FILE=0");
        flyway(ds, "16").migrate();
        var dsl = DSL.using(ds, SQLDialect.H2);
        // Ids in the first, second and fourth batch of 20,000; one person already has a key, kept as it is.
        Map<Long, String[]> persons = new TreeMap<>(Map.of(
                1L, new String[] {"Garcia Lopez", "1984-07-12", null},
                20_001L, new String[] {"Иванова", "1990-01-31", null},
                20_002L, new String[] {"Okafor", "1990", null},
                60_007L, new String[] {"Mohamed", "2001-02-03", null},
                60_008L, new String[] {"Kestrelle", "1979-03-04", "kept"}));
        persons.forEach((id, p) -> dsl.execute("insert into person (id, family_name, given_names, sex, birth_date, purpose,"
                + " search_name, dup_key, created_at, updated_at, row_version) overriding system value values (?, ?, 'Ana', 'F', ?,"
                + " 'WORKER', 'x', ?, current_timestamp, current_timestamp, 1)", id, p[0], p[1], p[2]));

        flyway(ds, "latest").migrate();

        Map<Long, String> keys = new TreeMap<>();
        dsl.fetch("select id, dup_key from person").forEach(r -> keys.put(r.get(0, Long.class), r.get(1, String.class)));
        assertThat(keys).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                1L, "1984-07-12|KRS",
                20_001L, "1990-01-31|AFNF",
                20_002L, "-",
                60_007L, "2001-02-03|MHMT",
                60_008L, "kept")));
    }

    private static Flyway flyway(JdbcDataSource ds, String target) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .javaMigrations(new V15_1__Search_words_backfill(), new V17_1__Search_word_pairs_backfill(),
                        new V19__Duplicate_keys_backfill()).target(target).load();
    }
}
