package org.consulardesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.Hashes;
import org.consulardesk.store.model.UpgradeListener;
import org.consulardesk.store.model.UpgradeRequired;
import org.consulardesk.store.model.UpgradeStep;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Event;
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
    /**
     * A read holds its connection until its work returns, and a read may write or read again inside
     * (three background workers, the FX thread, the command line): room for all of them twice.
     */
    private static final int MAX_CONNECTIONS = 16;

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2, settings());
    }

    /**
     * Opens (creating if absent) the encrypted database in {@code dir}. A new file gets the whole
     * schema; an existing file whose schema is behind is <em>not</em> upgraded: this throws
     * {@link UpgradeRequired} with the pending steps and leaves the file as it was (ADR 0076). Only a
     * caller that has asked the user may upgrade, through {@link #connect} and {@link Opening#migrate}
     * or {@link #upgrade}.
     */
    public static Database open(Path dir, byte[] dataKey) {
        try (Opening opening = connect(dir, dataKey)) {
            opening.refuseIfBehind();
            return opening.migrate(UpgradeListener.NONE);
        }
    }

    /**
     * Opens the database and applies pending migrations, telling {@code listener} how the upgrade
     * goes (nothing when the schema is current). For callers that have already asked (a command run
     * with {@code --upgrade}, tests).
     */
    public static Database upgrade(Path dir, byte[] dataKey, UpgradeListener listener) {
        try (Opening opening = connect(dir, dataKey)) {
            return opening.migrate(listener);
        }
    }

    /**
     * Opens the file without migrating it yet, so the caller can first learn (and say) what an
     * upgrade would do: {@link Opening#pending()}, then {@link Opening#migrate}.
     */
    public static Opening connect(Path dir, byte[] dataKey) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(dir), DB_USER, passwords(dataKey));
        pool.setMaxConnections(MAX_CONNECTIONS);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw new UserError(e, openErrorKey(e), dir.toString());
        }
        return new Opening(dir, pool);
    }

    /** An open database file whose migrations have not run yet; closing it without migrating closes the file. */
    public static final class Opening implements AutoCloseable {
        private final Path dir;
        private final JdbcConnectionPool pool;
        private boolean handedOver;

        private Opening(Path dir, JdbcConnectionPool pool) {
            this.dir = dir;
            this.pool = pool;
        }

        /** The migrations an upgrade would apply, in order; empty when the schema is current or the file is new. */
        public List<UpgradeStep> pending() {
            if (isNew()) {
                return List.of();
            }
            try {
                return steps(flyway((done, total) -> { }, null, null).info().pending());
            } catch (RuntimeException e) {
                throw new UserError(e, "error.database.migrate", dir.toString());
            }
        }

        /**
         * Throws {@link UpgradeRequired} (and changes nothing) when {@link #pending()} is not empty:
         * the one check every way of opening a registry that cannot ask the user goes through.
         */
        public void refuseIfBehind() {
            List<UpgradeStep> steps = pending();
            if (!steps.isEmpty()) {
                throw new UpgradeRequired(dir, steps);
            }
        }

        /** Applies the pending migrations and returns the database; the file stays open on success only. */
        public Database migrate(UpgradeListener listener) {
            return migrate(listener, null);
        }

        /** {@code target}: migrate only up to that version (tests build registries of older versions). */
        Database migrate(UpgradeListener listener, String target) {
            Progress progress = new Progress(isNew() ? UpgradeListener.NONE : listener);
            try {
                forgetFailedBackfills(pool);
                Flyway flyway = flyway(progress, progress, target);
                progress.steps = steps(flyway.info().pending());
                if (!progress.steps.isEmpty()) {
                    progress.listener.started(progress.steps);
                }
                flyway.migrate();
                // A bulk load interrupted before it rebuilt its indexes is repaired here.
                DeferredIndexes.restore(DSL.using(pool, SQLDialect.H2, settings()));
                if (!progress.steps.isEmpty()) {
                    progress.listener.finished(progress.steps);
                }
            } catch (RuntimeException e) {
                UpgradeStep stopped = progress.current;
                if (stopped != null) {
                    // Steps before it are done; a batched step keeps its committed batches (see forgetFailedBackfills).
                    throw new UserError(e, "error.database.upgradeStopped", dir.toString(), stopped.number(), stopped.of());
                }
                throw new UserError(e, "error.database.migrate", dir.toString());
            }
            handedOver = true;
            return new Database(pool);
        }

        private boolean isNew() {
            try (Connection c = pool.getConnection()) {
                return !hasHistory(c);
            } catch (SQLException e) {
                throw new UserError(e, "error.database.migrate", dir.toString());
            }
        }

        private Flyway flyway(BatchProgress batches, Callback callback, String target) {
            var configuration = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .javaMigrations(batchedMigrations().stream().map(m -> m.reportTo(batches))
                            .toArray(org.flywaydb.core.api.migration.JavaMigration[]::new));
            if (callback != null) {
                configuration.callbacks(callback);
            }
            if (target != null) {
                configuration.target(target);
            }
            return configuration.load();
        }

        @Override
        public void close() {
            if (!handedOver) {
                pool.dispose();
            }
        }
    }

    private static List<UpgradeStep> steps(MigrationInfo[] pending) {
        List<UpgradeStep> steps = new ArrayList<>();
        for (MigrationInfo m : pending) {
            if (m.getVersion() == null) {
                continue;
            }
            steps.add(new UpgradeStep(steps.size() + 1, 0, m.getVersion().getVersion(), m.getDescription(),
                    BATCHED.contains(m.getVersion().getVersion())));
        }
        int of = steps.size();
        return steps.stream().map(s -> new UpgradeStep(s.number(), of, s.version(), s.description(), s.counted())).toList();
    }

    /**
     * A batched backfill that stopped with an error (not a killed process, which leaves no row) is
     * recorded by Flyway as failed, and Flyway would refuse to go on until someone repairs the
     * history by hand. Those steps commit batch by batch and are written to start again where they
     * stopped, so the failed row is simply forgotten and the step runs again.
     */
    private static void forgetFailedBackfills(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            if (!hasHistory(c)) {
                return;
            }
            s.executeUpdate("delete from \"flyway_schema_history\" where \"success\" = false and \"version\" in ("
                    + String.join(", ", BATCHED.stream().map(v -> "'" + v + "'").toList()) + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasHistory(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("select count(*) from"
                + " information_schema.tables where lower(table_name) = 'flyway_schema_history'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /**
     * The batched, restartable backfills, the only Java migrations. Flyway runs an SQL migration
     * after a Java one it was not given as if that one did not exist (V23_2 would then replace the
     * name tables by empty ones), so every one must be here; {@code DatabaseTest} checks it.
     */
    static List<BaseBatchedMigration> batchedMigrations() {
        return List.of(new V15_1__Search_words_backfill(), new V17_1__Search_word_pairs_backfill(),
                new V19__Duplicate_keys_backfill(), new V23_1__Search_walk_rows_backfill());
    }

    /** The versions of the batched, restartable backfills. */
    static final List<String> BATCHED = batchedMigrations().stream().map(m -> m.getVersion().getVersion()).toList();

    /** Turns Flyway's per-migration callbacks and the backfills' batches into listener events. */
    private static final class Progress extends BaseCallback implements UpgradeListener, BatchProgress {
        final UpgradeListener listener;
        List<UpgradeStep> steps = List.of();
        private volatile UpgradeStep current;

        Progress(UpgradeListener listener) {
            this.listener = listener;
        }

        @Override
        public boolean supports(Event event, org.flywaydb.core.api.callback.Context context) {
            return event == Event.BEFORE_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, org.flywaydb.core.api.callback.Context context) {
            return true;
        }

        @Override
        public void handle(Event event, org.flywaydb.core.api.callback.Context context) {
            MigrationInfo info = context.getMigrationInfo();
            if (info == null || info.getVersion() == null) {
                return;
            }
            String version = info.getVersion().getVersion();
            current = steps.stream().filter(s -> s.version().equals(version)).findFirst().orElse(null);
            if (current != null) {
                listener.stepStarted(current);
            }
        }

        @Override
        public void batch(long done, long total) {
            UpgradeStep step = current;
            if (step != null) {
                listener.progress(step, done, total);
            }
        }
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
     * of plaintext trace files; a 256 MB cache hides most of the cipher's read cost; each session keeps its
     * last 32 parsed statements (H2 keeps eight by default; one search uses several statement shapes).
     */
    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(RegistryFolder.DATABASE_NAME)
                + ";CIPHER=AES;WRITE_DELAY=0;TRACE_LEVEL_FILE=0;CACHE_SIZE=262144;QUERY_CACHE_SIZE=32";
    }

    private static String passwords(byte[] dataKey) {
        HexFormat hex = HexFormat.of();
        String filePassword = hex.formatHex(dataKey);
        String userPassword = hex.formatHex(Hashes.hkdf(dataKey, new byte[0], "h2 user password", 32));
        return filePassword + " " + userPassword;
    }

    /**
     * Runs {@code work} on one pooled connection: its statements see committed data, each on its
     * own (no transaction is held open). Borrowing a connection per statement cost about 0.1 ms
     * each (the pool resets the session on every hand-out) and lost the session's parsed
     * statements; a search runs up to four statements per keystroke (ADR 0077).
     */
    public <T> T read(Function<Tx, T> work) {
        return dsl.connectionResult(connection -> work.apply(new Tx(dsl.configuration().derive(connection).dsl())));
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
