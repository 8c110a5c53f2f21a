package org.consulardesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;

/**
 * Computes the duplicate blocking key ({@code person.dup_key}, V10) of every person still without
 * one: registries written before the key was kept on every registration and bulk load. Done at the
 * upgrade, {@value #PERSONS_PER_BATCH} persons (by id range) at a time with a commit after each
 * batch, instead of in the first duplicate search (5,000 a time, more than 15 minutes at 2,000,000
 * persons). Restartable: only rows still without a key are read.
 */
public final class V19__Duplicate_keys_backfill extends BaseBatchedMigration {
    static final int PERSONS_PER_BATCH = 20_000;

    @Override
    public void migrate(Context context) throws SQLException {
        backfill(context.getConnection(), PERSONS_PER_BATCH);
    }

    /** Fills missing keys a batch of {@code batch} person ids at a time; returns how many keys it wrote. */
    long backfill(Connection c, int batch) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        long written = 0;
        // The range is read by primary key and rows with a key are skipped here: with "dup_key is null"
        // in SQL, H2 walks the dup_key index's NULL entries instead, all of them for every batch.
        try (PreparedStatement read = c.prepareStatement("select id, family_name, birth_date, dup_key from person"
                        + " where id >= ? and id < ?");
                PreparedStatement write = c.prepareStatement("update person set dup_key = ? where id = ?")) {
            long max = max(c, "person", "id");
            batchDone(0, max);
            for (long from = 0; from <= max; from += batch) {
                read.setLong(1, from);
                read.setLong(2, from + batch);
                int rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(4) != null) {
                            continue;
                        }
                        write.setString(1, DuplicateKeys.of(rs.getString(2), rs.getString(3)));
                        write.setLong(2, rs.getLong(1));
                        write.addBatch();
                        rows++;
                    }
                }
                if (rows > 0) {
                    write.executeBatch();
                    written += rows;
                }
                c.commit();
                batchDone(from + batch, max);
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return written;
    }
}
