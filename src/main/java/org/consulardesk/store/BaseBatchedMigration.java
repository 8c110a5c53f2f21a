package org.consulardesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;

/**
 * A data migration that commits batch by batch, outside Flyway's one transaction: on a registry of
 * millions of persons one transaction would keep an undo log H2 walks again and again.
 */
abstract class BaseBatchedMigration extends BaseJavaMigration {
    private BatchProgress progress = (done, total) -> { };

    /** Where the migration reports each committed batch (the sign-in screen's upgrade progress). */
    BaseBatchedMigration reportTo(BatchProgress progress) {
        this.progress = progress;
        return this;
    }

    /** Called after each committed batch: person ids up to {@code done} of {@code total} are through. */
    final void batchDone(long done, long total) {
        progress.batch(Math.min(done, total), total);
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return false;
    }

    /** The highest person id with rows in {@code table} (0 when it has none). */
    static long maxPersonId(Connection c, String table) throws SQLException {
        return max(c, table, "person_id");
    }

    /** The highest value of {@code column} in {@code table} (0 when it has no rows). */
    static long max(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select coalesce(max(" + column + "), 0) from " + table);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
