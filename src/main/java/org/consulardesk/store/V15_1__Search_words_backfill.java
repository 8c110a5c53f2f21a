package org.consulardesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code person_name_token.words} and {@code prev_word} (V15) a batch of persons at a time, committing each batch:
 * one UPDATE over millions of rows would be one transaction whose undo log H2 walks again and
 * again. Restartable: only rows still without words are read.
 */
public final class V15_1__Search_words_backfill extends BaseBatchedMigration {
    private static final int PERSONS_PER_BATCH = 20_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement read = c.prepareStatement("select person_id, token from person_name_token"
                        + " where person_id >= ? and person_id < ? and words is null order by person_id");
                PreparedStatement write = c.prepareStatement("update person_name_token set words = ?, prev_word = ? where person_id = ? and token = ?")) {
            long max = maxPersonId(c, "person_name_token");
            batchDone(0, max);
            for (long from = 0; from <= max; from += PERSONS_PER_BATCH) {
                read.setLong(1, from);
                read.setLong(2, from + PERSONS_PER_BATCH);
                try (ResultSet rs = read.executeQuery()) {
                    long person = -1;
                    List<String> tokens = new ArrayList<>();
                    while (rs.next()) {
                        if (rs.getLong(1) != person && person >= 0) {
                            add(write, person, tokens);
                        }
                        person = rs.getLong(1);
                        tokens.add(rs.getString(2));
                    }
                    if (person >= 0) {
                        add(write, person, tokens);
                    }
                }
                write.executeBatch();
                c.commit();
                batchDone(from + PERSONS_PER_BATCH, max);
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void add(PreparedStatement write, long person, List<String> tokens) throws SQLException {
        String words = NameWords.of(tokens);
        Map<String, String> previous = NameWords.previous(tokens);
        for (String token : tokens) {
            write.setString(1, words);
            write.setString(2, previous.get(token));
            write.setLong(3, person);
            write.setString(4, token);
            write.addBatch();
        }
        tokens.clear();
    }
}
