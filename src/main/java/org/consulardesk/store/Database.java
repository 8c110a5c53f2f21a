package org.consulardesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.Hashes;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The registry database: an H2 file encrypted with {@code CIPHER=AES}, migrated by Flyway and used
 * through jOOQ. The file password is derived from the data key; nobody ever types it.
 */
public final class Database implements AutoCloseable {
    private static final String DB_USER = "consulardesk";

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2, settings());
    }

    /** Opens (creating if absent) the encrypted database in {@code dir} and applies pending migrations. */
    public static Database open(Path dir, byte[] dataKey) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(dir), DB_USER, passwords(dataKey));
        pool.setMaxConnections(8);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw new UserError(e, openErrorKey(e), dir.toString());
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .javaMigrations(new V15_1__Search_words_backfill(), new V17_1__Search_word_pairs_backfill(),
                            new V19__Duplicate_keys_backfill()).load().migrate();
            // A bulk load interrupted before it rebuilt its indexes is repaired here.
            DeferredIndexes.restore(DSL.using(pool, SQLDialect.H2, settings()));
        } catch (RuntimeException e) {
            pool.dispose();
            throw new UserError(e, "error.database.migrate", dir.toString());
        }
        return new Database(pool);
    }

    /**
     * What to tell the officer when the file does not open. A file these keys cannot decrypt is a
     * damaged file (or another registry's, put in its place): the answer is a restore from backup,
     * not a search for another workstation (an H2 store killed mid-write can fail this way,
     * h2database issue 2752).
     */
    static String openErrorKey(SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.FILE_ENCRYPTION_ERROR_1, ErrorCode.FILE_CORRUPTED_1 -> "error.database.damaged";
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "error.database.inUse";
            default -> "error.database.open";
        };
    }

    static Settings settings() {
        // Unquoted names let H2 (upper case) and PostgreSQL (lower case) each fold them their own way.
        return new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderSchema(false)
                .withExecuteLogging(false)
                .withRenderCatalog(false);
    }

    /**
     * CIPHER=AES encrypts every page; WRITE_DELAY=0 makes each commit reach the file before it returns,
     * so a killed process loses no committed work; TRACE_LEVEL_FILE=0 keeps SQL (and its values) out
     * of plaintext trace files; a 256 MB cache hides most of the cipher's read cost.
     */
    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(RegistryFolder.DATABASE_NAME)
                + ";CIPHER=AES;WRITE_DELAY=0;TRACE_LEVEL_FILE=0;CACHE_SIZE=262144";
    }

    private static String passwords(byte[] dataKey) {
        HexFormat hex = HexFormat.of();
        String filePassword = hex.formatHex(dataKey);
        String userPassword = hex.formatHex(Hashes.hkdf(dataKey, new byte[0], "h2 user password", 32));
        return filePassword + " " + userPassword;
    }

    public <T> T read(Function<Tx, T> work) {
        return work.apply(new Tx(dsl));
    }

    /**
     * Runs {@code work} in one transaction and, once it has committed, forces it to the disk: with
     * WRITE_DELAY=0 a commit reaches the file (safe against a killed process) but may still sit in
     * the operating system's cache; CHECKPOINT SYNC makes it survive a power cut too.
     */
    public <T> T write(Function<Tx, T> work) {
        T result = dsl.transactionResult(configuration -> work.apply(new Tx(configuration.dsl())));
        dsl.execute("CHECKPOINT SYNC");
        return result;
    }

    /** An online, consistent copy of the (still encrypted) database file into a zip. */
    public void backupTo(Path zip) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new UserError(e, "error.backup.write", zip.toString());
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // No SHUTDOWN: it would close the database under other sessions of this process. H2 closes the
        // file itself when the last connection goes (DB_CLOSE_DELAY=0), writing everything out.
        pool.dispose();
    }
}
