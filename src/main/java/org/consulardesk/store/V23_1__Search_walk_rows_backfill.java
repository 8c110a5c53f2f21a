package org.consulardesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Copies the list's columns from each person row onto the person's name-word and pair entries
 * (V23, ADR 0078), a batch of persons at a time with a commit after each: one UPDATE of tens of
 * millions of rows would be one transaction whose undo log H2 walks again and again.
 * Restartable: a batch is one transaction, so any one entry of a batch tells whether it is done
 * (every person has a family name), and a run that stopped skips the batches already filled.
 * Entries left over from persons merged into another are removed on the way: the walk no longer
 * reads the person row that used to leave them out (ADR 0037 already removes them on merge).
 */
public final class V23_1__Search_walk_rows_backfill extends BaseBatchedMigration {
    private static final int PERSONS_PER_BATCH = 20_000;
    private static final String COLUMNS = "(family_name, given_names, birth_date, city, district, purpose)";
    private static final String FROM_PERSON = " = (select p.family_name, p.given_names, p.birth_date, p.city, p.district,"
            + " p.purpose from person p where p.id = %s.person_id) where person_id >= ? and person_id < ?";

    @Override
    public void migrate(org.flywaydb.core.api.migration.Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement filled = c.prepareStatement("select family_name from person_name_token"
                        + " where person_id >= ? and person_id < ? limit 1");
                PreparedStatement tokens = c.prepareStatement("update person_name_token set " + COLUMNS
                        + FROM_PERSON.formatted("person_name_token"));
                PreparedStatement pairs = c.prepareStatement("update person_name_pair set " + COLUMNS
                        + FROM_PERSON.formatted("person_name_pair"));
                PreparedStatement mergedTokens = c.prepareStatement("delete from person_name_token where person_id in"
                        + " (select id from person where id >= ? and id < ? and merged_into is not null)");
                PreparedStatement mergedPairs = c.prepareStatement("delete from person_name_pair where person_id in"
                        + " (select id from person where id >= ? and id < ? and merged_into is not null)")) {
            long max = maxPersonId(c, "person_name_token");
            batchDone(0, max);
            for (long from = 0; from <= max; from += PERSONS_PER_BATCH) {
                long to = from + PERSONS_PER_BATCH;
                if (!done(filled, from, to)) {
                    for (PreparedStatement s : new PreparedStatement[] {mergedTokens, mergedPairs, tokens, pairs}) {
                        s.setLong(1, from);
                        s.setLong(2, to);
                        s.executeUpdate();
                    }
                    c.commit();
                }
                batchDone(to, max);
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** True when the batch's entries are filled already (or it has none: nothing to do). */
    private static boolean done(PreparedStatement filled, long from, long to) throws SQLException {
        filled.setLong(1, from);
        filled.setLong(2, to);
        try (ResultSet rs = filled.executeQuery()) {
            return !rs.next() || rs.getString(1) != null;
        }
    }
}
