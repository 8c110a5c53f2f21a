package org.consulardesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V15_1 and V17_1 fill the search columns and pairs of name words written before them (ADR 0060, 0061), batch by batch. */
class SearchWordsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void fillsAllWordsAndEachWordsPredecessorForRowsWrittenBeforeV15() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("m") + ";TRACE_LEVEL_FILE=0");
        flyway(ds, "14").migrate();
        var dsl = DSL.using(ds, SQLDialect.H2);
        // Person 30,001 is in the second batch of the backfill.
        for (long id : new long[] {1, 30_001}) {
            dsl.execute("insert into person (id, family_name, given_names, sex, purpose, search_name, created_at, updated_at,"
                    + " row_version) overriding system value values (?, 'Garcia', 'Ana Maria', 'F', 'WORKER', 'garcia ana maria',"
                    + " current_timestamp, current_timestamp, 1)", id);
            for (String token : List.of("maria", "garcia", "ana", "marga")) {
                dsl.execute("insert into person_name_token (person_id, token, sort_name) values (?, ?, 'garcia ana maria')", id, token);
            }
        }

        // Up to V22: V23 moves the words into new tables through its own Java migration (tested in
        // SearchWalkRowsUpgradeTest), which this Flyway does not have.
        flyway(ds, "22").migrate();

        List<Record> rows = dsl.fetch("select person_id, token, words, prev_word from person_name_token order by person_id, token");
        assertThat(rows).hasSize(8);
        for (Record r : rows) {
            assertThat(r.get("WORDS", String.class)).isEqualTo(" ana garcia marga maria ");
        }
        assertThat(rows.subList(0, 4).stream().map(r -> r.get("PREV_WORD", String.class)).toList())
                .containsExactly("", "ana", "garcia", "marga");
        assertThat(rows.get(7).get("PREV_WORD", String.class)).isEqualTo("marga");

        // V17_1: every word once per first-two-letters of the person's words (ADR 0061), in both batches.
        List<Record> pairs = dsl.fetch("select person_id, pair_key, token, prev_word, words from person_name_pair"
                + " order by person_id, pair_key, token");
        assertThat(pairs).hasSize(24);
        assertThat(pairs.stream().filter(r -> r.get("PERSON_ID", Long.class) == 30_001L)
                .map(r -> r.get("PAIR_KEY", String.class) + ":" + r.get("TOKEN", String.class)).toList())
                .containsExactly("an:ana", "an:garcia", "an:marga", "an:maria", "ga:ana", "ga:garcia", "ga:marga", "ga:maria",
                        "ma:ana", "ma:garcia", "ma:marga", "ma:maria");
        assertThat(pairs).allMatch(r -> r.get("WORDS", String.class).equals(" ana garcia marga maria "));
        assertThat(pairs.get(11).get("PREV_WORD", String.class)).isEqualTo("marga");
    }

    private static Flyway flyway(JdbcDataSource ds, String target) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .javaMigrations(new V15_1__Search_words_backfill(), new V17_1__Search_word_pairs_backfill()).target(target).load();
    }
}
