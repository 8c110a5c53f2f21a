package org.consulardesk.security.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.consulardesk.core.Durations;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.core.crypto.RecoveryKey;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.security.store.KeyFile;
import org.consulardesk.security.store.KeyFileStore;
import org.consulardesk.security.store.LoginAttemptStore;
import org.consulardesk.security.store.UserStore;
import org.consulardesk.store.Database;
import org.consulardesk.store.RegistryFolder;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.model.UpgradeListener;
import org.consulardesk.store.model.UpgradeRequired;
import org.consulardesk.store.model.UpgradeStep;

/**
 * Opening a registry with a passphrase. A wrong passphrase changes no file of the registry: the
 * failure count lives in the workstation's state folder. Each failure waits longer than the last,
 * and the fifth locks the account until the head of post resets it or the recovery key is used.
 */
public final class LoginService {
    public static final int MAX_FAILURES = 5;
    private static final long MAX_DELAY_MILLIS = 16_000;

    private final Path stateDir;
    private final Clock clock;
    private final LongConsumer sleeper;

    public LoginService(Path stateDir, Clock clock) {
        this(stateDir, clock, Durations::sleepMillis);
    }

    /** @param sleeper waits the given milliseconds after a failure; tests record instead of waiting */
    public LoginService(Path stateDir, Clock clock, LongConsumer sleeper) {
        this.stateDir = stateDir;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** 1 s after the first failure, doubling up to 16 s. */
    public static long delayAfterFailure(int failures) {
        return Math.min(MAX_DELAY_MILLIS, 1000L << Math.min(failures - 1, 20));
    }

    /**
     * Signs in where nobody can be asked about an upgrade first: a registry whose schema is behind
     * is refused with {@link UpgradeRequired} (naming the steps) and left as it was (ADR 0076).
     */
    public Session login(Path dir, String username, char[] passphrase) {
        return finishIfCurrent(begin(dir, username, passphrase));
    }

    /**
     * Checks the passphrase and opens the database file without upgrading it yet, so the sign-in
     * screen can say what an upgrade would do before it starts (ADR 0068). Continue with
     * {@link #finish}, or close the result to give up.
     */
    public Pending begin(Path dir, String username, char[] passphrase) {
        RegistryDescriptor descriptor = RegistryFolder.readDescriptor(dir);
        KeyFile keys = KeyFileStore.read(dir);
        String normalised = Vault.normaliseUsername(username == null ? "" : username);
        byte[] dataKey = unwrapCounted(keys, normalised, passphrase);
        return connect(dir, descriptor, normalised, dataKey, null, (database, pending) -> signIn(database, pending));
    }

    private Session signIn(Database database, Pending pending) {
        UserAccount user = database.read(tx -> new UserStore().find(tx, pending.username))
                .orElseThrow(() -> new UserError("error.login.wrongPassphrase", MAX_FAILURES));
        if (!user.enabled()) {
            throw new UserError("error.login.disabled");
        }
        Session session = new Session(pending.dir, pending.descriptor, database, pending.dataKey, user, clock);
        session.audit().record(AuditEvent.of("LOGIN"));
        return session;
    }

    private Pending connect(Path dir, RegistryDescriptor descriptor, String username, byte[] dataKey, char[] secret,
            Opener opener) {
        try {
            Database.Opening opening = Database.connect(dir, dataKey);
            try {
                return new Pending(dir, descriptor, username, dataKey, secret, opening, opening.pending(), opener);
            } catch (RuntimeException e) {
                opening.close();
                throw e;
            }
        } catch (RuntimeException e) {
            Arrays.fill(dataKey, (byte) 0);
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            throw e;
        }
    }

    /** Opens the session when the registry is current; otherwise closes {@code pending} and refuses. */
    private Session finishIfCurrent(Pending pending) {
        if (!pending.steps().isEmpty()) {
            Path dir = pending.dir;
            List<UpgradeStep> steps = pending.steps();
            pending.close();
            throw new UpgradeRequired(dir, steps);
        }
        return finish(pending, UpgradeListener.NONE);
    }

    /**
     * Upgrades the database if it is behind (telling {@code listener}), then opens the session:
     * calling this with pending steps is the user's yes (ADR 0068, 0076). Closes {@code pending}.
     */
    public Session finish(Pending pending, UpgradeListener listener) {
        try (pending) {
            Database database = pending.opening.migrate(listener);
            try {
                return pending.opener.open(database, pending);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }
    }

    /** What a pending sign-in does once the database is current. */
    @FunctionalInterface
    private interface Opener {
        Session open(Database database, Pending pending);
    }

    /**
     * A sign-in (with a passphrase or the recovery key) whose secret checked out, with the database
     * file open but not yet upgraded. Holds the data key (and a recovery's new passphrase) until
     * {@link #finish} or {@link #close}, which wipes them.
     */
    public static final class Pending implements AutoCloseable {
        private final Path dir;
        private final RegistryDescriptor descriptor;
        private final String username;
        private final byte[] dataKey;
        private final char[] secret;
        private final Database.Opening opening;
        private final List<UpgradeStep> steps;
        private final Opener opener;

        private Pending(Path dir, RegistryDescriptor descriptor, String username, byte[] dataKey, char[] secret,
                Database.Opening opening, List<UpgradeStep> steps, Opener opener) {
            this.dir = dir;
            this.descriptor = descriptor;
            this.username = username;
            this.dataKey = dataKey;
            this.secret = secret;
            this.opening = opening;
            this.steps = steps;
            this.opener = opener;
        }

        /** The upgrade steps opening will run; empty when the registry is current. */
        public List<UpgradeStep> steps() {
            return steps;
        }

        /** The user who signs in (for a recovery: the head of post), as typed and normalised. */
        public String username() {
            return username;
        }

        @Override
        public void close() {
            Arrays.fill(dataKey, (byte) 0);
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            opening.close();
        }
    }

    /** Checks the passphrase of the current or another user of an open session (unlock, switch user). */
    public UserAccount unlock(Session session, String username, char[] passphrase) {
        KeyFile keys = KeyFileStore.read(session.dir());
        String normalised = Vault.normaliseUsername(username == null ? "" : username);
        Arrays.fill(unwrapCounted(keys, normalised, passphrase), (byte) 0);
        UserAccount user = session.database().read(tx -> new UserStore().find(tx, normalised))
                .orElseThrow(() -> new UserError("error.login.wrongPassphrase", MAX_FAILURES));
        if (!user.enabled()) {
            throw new UserError("error.login.disabled");
        }
        boolean switching = user.id() != session.user().id();
        session.switchUser(user);
        session.audit().record(AuditEvent.of(switching ? "USER_SWITCHED" : "UNLOCKED"));
        return user;
    }

    /**
     * The head of post sets a new passphrase with the printed recovery key, e.g. after forgetting it
     * or after a lockout. Clears the lockout and opens the session. Like {@link #login}, refuses a
     * registry whose schema is behind; {@link #beginRecovery} is the way that can ask first.
     */
    public Session recover(Path dir, RecoveryKey recoveryKey, String headUsername, char[] newPassphrase, KdfParams params) {
        return finishIfCurrent(beginRecovery(dir, recoveryKey, headUsername, newPassphrase, params));
    }

    /**
     * Checks the recovery key and opens the database file without upgrading it; nothing is changed
     * (no new passphrase written) until {@link #finish}. The new passphrase is copied and wiped with
     * the result.
     */
    public Pending beginRecovery(Path dir, RecoveryKey recoveryKey, String headUsername, char[] newPassphrase,
            KdfParams params) {
        RegistryDescriptor descriptor = RegistryFolder.readDescriptor(dir);
        KeyFile keys = KeyFileStore.read(dir);
        byte[] dataKey;
        try {
            dataKey = Vault.unwrapWithRecovery(keys, recoveryKey);
        } catch (Vault.WrongSecret e) {
            throw new UserError("error.recovery.wrongKey");
        }
        String normalised = Vault.normaliseUsername(headUsername);
        try {
            // Checked again with the head's display name once the database is open; this much before any question.
            PassphrasePolicy.check(newPassphrase, List.of(normalised));
        } catch (RuntimeException e) {
            Arrays.fill(dataKey, (byte) 0);
            throw e;
        }
        char[] next = newPassphrase.clone();
        return connect(dir, descriptor, normalised, dataKey, next, (database, pending) -> {
            UserAccount head = database.read(tx -> new UserStore().find(tx, normalised))
                    .filter(u -> u.role() == Role.HEAD_OF_POST)
                    .orElseThrow(() -> new UserError("error.recovery.notHead"));
            PassphrasePolicy.check(next, List.of(normalised, head.displayName()));
            KeyFileStore.write(dir, Vault.withUser(keys, pending.dataKey, normalised, next, params));
            attempts(keys).clear(Vault.holderId(keys, normalised));
            Session session = new Session(dir, descriptor, database, pending.dataKey, head, clock);
            if (!head.enabled()) {
                session.refreshUser(database.write(tx -> new UserStore().setEnabled(tx, head, true, clock.instant())));
            }
            session.audit().record(AuditEvent.on("RECOVERY_KEY_USED", "user", head.id(), "passphrase"));
            return session;
        });
    }

    public int failures(Path dir, String username) {
        KeyFile keys = KeyFileStore.read(dir);
        return attempts(keys).failures(Vault.holderId(keys, username));
    }

    LoginAttemptStore attempts(KeyFile keys) {
        return new LoginAttemptStore(stateDir, keys.registryId());
    }

    private byte[] unwrapCounted(KeyFile keys, String username, char[] passphrase) {
        String holder = Vault.holderId(keys, username);
        if (keys.isRevoked(holder)) {
            throw new UserError("error.login.disabled");
        }
        LoginAttemptStore attempts = attempts(keys);
        if (attempts.failures(holder) >= MAX_FAILURES) {
            throw new UserError("error.login.locked");
        }
        try {
            byte[] dataKey = Vault.unwrapForUser(keys, username, passphrase);
            attempts.clear(holder);
            return dataKey;
        } catch (Vault.WrongSecret e) {
            int failures = attempts.recordFailure(holder);
            sleeper.accept(delayAfterFailure(failures));
            if (failures >= MAX_FAILURES) {
                throw new UserError("error.login.nowLocked", MAX_FAILURES);
            }
            throw new UserError("error.login.wrongPassphrase", MAX_FAILURES - failures);
        }
    }
}
