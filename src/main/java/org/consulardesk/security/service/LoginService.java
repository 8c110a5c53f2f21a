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

    public Session login(Path dir, String username, char[] passphrase) {
        RegistryDescriptor descriptor = RegistryFolder.readDescriptor(dir);
        KeyFile keys = KeyFileStore.read(dir);
        String normalised = Vault.normaliseUsername(username == null ? "" : username);
        byte[] dataKey = unwrapCounted(keys, normalised, passphrase);
        Database database = Database.open(dir, dataKey);
        try {
            UserAccount user = database.read(tx -> new UserStore().find(tx, normalised))
                    .orElseThrow(() -> new UserError("error.login.wrongPassphrase", MAX_FAILURES));
            if (!user.enabled()) {
                throw new UserError("error.login.disabled");
            }
            Session session = new Session(dir, descriptor, database, dataKey, user, clock);
            session.audit().record(AuditEvent.of("LOGIN"));
            return session;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
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
     * or after a lockout. Clears the lockout and opens the session.
     */
    public Session recover(Path dir, RecoveryKey recoveryKey, String headUsername, char[] newPassphrase, KdfParams params) {
        RegistryDescriptor descriptor = RegistryFolder.readDescriptor(dir);
        KeyFile keys = KeyFileStore.read(dir);
        byte[] dataKey;
        try {
            dataKey = Vault.unwrapWithRecovery(keys, recoveryKey);
        } catch (Vault.WrongSecret e) {
            throw new UserError("error.recovery.wrongKey");
        }
        String normalised = Vault.normaliseUsername(headUsername);
        Database database = Database.open(dir, dataKey);
        try {
            UserAccount head = database.read(tx -> new UserStore().find(tx, normalised))
                    .filter(u -> u.role() == Role.HEAD_OF_POST)
                    .orElseThrow(() -> new UserError("error.recovery.notHead"));
            PassphrasePolicy.check(newPassphrase, List.of(normalised, head.displayName()));
            KeyFileStore.write(dir, Vault.withUser(keys, dataKey, normalised, newPassphrase, params));
            attempts(keys).clear(Vault.holderId(keys, normalised));
            Session session = new Session(dir, descriptor, database, dataKey, head, clock);
            if (!head.enabled()) {
                session.refreshUser(database.write(tx -> new UserStore().setEnabled(tx, head, true, clock.instant())));
            }
            session.audit().record(AuditEvent.on("RECOVERY_KEY_USED", "user", head.id(), "passphrase"));
            return session;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
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
