package org.consulardesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Fills the name-word and pair tables of V23 (ADR 0078) from the old ones, each entry with its
 * person's list row, a batch of persons at a time with a commit after each: one statement over
 * tens of millions of rows would be one transaction whose undo log H2 walks again and again.
 * Restartable: batches commit in order, so a run that stopped continues after the last batch with
 * entries (the tables are new in V23 and nothing else writes them before V23_2); a batch first
 * removes what an interrupted run may have left of it. Entries left over from persons merged into
 * another are not copied: the walk no longer reads the person row that used to leave them out
 * (a merge removes them since ADR 0037).
 */
public final class V23_1__Search_walk_rows_backfill extends BaseBatchedMigration {
    private static final int PERSONS_PER_BATCH = 20_000;
    private static final String ROW = ", p.family_name, p.given_names, p.birth_date, p.city, p.district, p.purpose";
    private static final String ROW_COLUMNS = ", family_name, given_names, birth_date, city, district, purpose";
    /**
     * The batch's range on both sides, and the merged test written so no index serves it: with
     * {@code p.merged_into is null} H2 walked the {@code merged_into} index over every person of
     * the registry for each batch (seen at 2,000,000 persons: 30 s a batch) instead of the range.
     */
    private static final String OF_ACTIVE_PERSONS = " t join person p on p.id = t.person_id"
            + " where t.person_id >= ? and t.person_id < ? and p.id >= ? and p.id < ? and coalesce(p.merged_into, 0) = 0";

    @Override
    public void migrate(org.flywaydb.core.api.migration.Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement clearTokens = c.prepareStatement("delete from person_name_token_rows where person_id >= ? and person_id < ?");
                PreparedStatement clearPairs = c.prepareStatement("delete from person_name_pair_rows where person_id >= ? and person_id < ?");
                PreparedStatement tokens = c.prepareStatement("insert into person_name_token_rows (person_id, token, phonetic,"
                        + " sort_name, words, prev_word" + ROW_COLUMNS + ") select t.person_id, t.token, t.phonetic,"
                        + " coalesce(t.sort_name, ''), t.words, t.prev_word" + ROW + " from person_name_token" + OF_ACTIVE_PERSONS);
                PreparedStatement pairs = c.prepareStatement("insert into person_name_pair_rows (person_id, pair_key, token,"
                        + " sort_name, prev_word, words" + ROW_COLUMNS + ") select t.person_id, t.pair_key, t.token, t.sort_name,"
                        + " t.prev_word, t.words" + ROW + " from person_name_pair" + OF_ACTIVE_PERSONS)) {
            long max = maxPersonId(c, "person_name_token");
            long done = maxPersonId(c, "person_name_token_rows");
            long start = done == 0 ? 0 : done / PERSONS_PER_BATCH * PERSONS_PER_BATCH + PERSONS_PER_BATCH;
            batchDone(start, max);
            for (long from = start; from <= max; from += PERSONS_PER_BATCH) {
                for (PreparedStatement s : new PreparedStatement[] {clearTokens, clearPairs, tokens, pairs}) {
                    for (int range = 0; range < s.getParameterMetaData().getParameterCount(); range += 2) {
                        s.setLong(range + 1, from);
                        s.setLong(range + 2, from + PERSONS_PER_BATCH);
                    }
                    s.executeUpdate();
                }
                c.commit();
                batchDone(from + PERSONS_PER_BATCH, max);
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
