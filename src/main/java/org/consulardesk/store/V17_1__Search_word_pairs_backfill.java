package org.consulardesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills {@code person_name_pair} (V17, ADR 0061) from the name words already stored, a batch of
 * persons at a time with a commit after each: one INSERT ... SELECT over millions of rows would be
 * one transaction whose undo log H2 walks again and again. Restartable: batches commit in order, so
 * a run that stopped continues after the last batch with pairs (the table is new in V17 and nothing
 * else writes it before V17_2); a batch first removes what an interrupted run left of it.
 */
public final class V17_1__Search_word_pairs_backfill extends BaseBatchedMigration {
    private static final int PERSONS_PER_BATCH = 20_000;

    @Override
    public void migrate(org.flywaydb.core.api.migration.Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement read = c.prepareStatement("select person_id, token, sort_name, prev_word, words"
                        + " from person_name_token where person_id >= ? and person_id < ? order by person_id");
                PreparedStatement clear = c.prepareStatement("delete from person_name_pair where person_id >= ? and person_id < ?");
                PreparedStatement write = c.prepareStatement("insert into person_name_pair"
                        + " (person_id, pair_key, token, sort_name, prev_word, words) values (?, ?, ?, ?, ?, ?)")) {
            long max = maxPersonId(c, "person_name_token");
            long done = maxPersonId(c, "person_name_pair");
            long start = done == 0 ? 0 : done / PERSONS_PER_BATCH * PERSONS_PER_BATCH + PERSONS_PER_BATCH;
            batchDone(start, max);
            for (long from = start; from <= max; from += PERSONS_PER_BATCH) {
                clear.setLong(1, from);
                clear.setLong(2, from + PERSONS_PER_BATCH);
                clear.executeUpdate();
                read.setLong(1, from);
                read.setLong(2, from + PERSONS_PER_BATCH);
                try (ResultSet rs = read.executeQuery()) {
                    List<Row> person = new ArrayList<>();
                    while (rs.next()) {
                        Row row = new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                        if (!person.isEmpty() && person.get(0).personId() != row.personId()) {
                            add(write, person);
                        }
                        person.add(row);
                    }
                    add(write, person);
                }
                write.executeBatch();
                c.commit();
                batchDone(from + PERSONS_PER_BATCH, max);
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private record Row(long personId, String token, String sortName, String prevWord, String words) {
    }

    private static void add(PreparedStatement write, List<Row> person) throws SQLException {
        if (person.isEmpty()) {
            return;
        }
        var keys = NamePairs.keys(person.stream().map(Row::token).toList());
        for (Row row : person) {
            for (String key : keys) {
                write.setLong(1, row.personId());
                write.setString(2, key);
                write.setString(3, row.token());
                write.setString(4, row.sortName());
                write.setString(5, row.prevWord() == null ? "" : row.prevWord());
                write.setString(6, row.words() == null ? NameWords.of(person.stream().map(Row::token).toList()) : row.words());
                write.addBatch();
            }
        }
        person.clear();
    }
}
