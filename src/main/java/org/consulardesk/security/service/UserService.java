package org.consulardesk.security.service;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.security.store.KeyFile;
import org.consulardesk.security.store.KeyFileStore;
import org.consulardesk.security.store.LoginAttemptStore;
import org.consulardesk.security.store.UserStore;

/** Staff accounts: the head of post adds, disables, re-enables and unlocks them; everyone changes their own passphrase. */
public final class UserService {
    private final Session session;
    private final Path stateDir;
    private final KdfParams kdfParams;
    private final UserStore store = new UserStore();

    public UserService(Session session, Path stateDir, KdfParams kdfParams) {
        this.session = session;
        this.stateDir = stateDir;
        this.kdfParams = kdfParams;
    }

    public List<UserAccount> list() {
        session.require(Permission.MANAGE_USERS);
        return session.database().read(store::list);
    }

    /** Adds an account with an initial passphrase the user must change at first login. */
    public UserAccount add(String username, String displayName, Role role, char[] initialPassphrase) {
        session.require(Permission.MANAGE_USERS);
        String name = UsernameRules.check(username);
        if (displayName == null || displayName.isBlank()) {
            throw new UserError("error.user.displayNameRequired");
        }
        PassphrasePolicy.check(initialPassphrase, List.of(name, displayName));
        if (session.database().read(tx -> store.find(tx, name)).isPresent()) {
            throw new UserError("error.user.exists", name);
        }
        // Key first: a crash after it leaves an unused key entry, never an account that cannot log in.
        KeyFile keys = KeyFileStore.read(session.dir());
        byte[] dataKey = session.dataKey();
        try {
            KeyFileStore.write(session.dir(), Vault.withUser(keys, dataKey, name, initialPassphrase, kdfParams));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        return session.database().write(tx -> {
            UserAccount added = store.insert(tx, name, displayName.strip(), role, true, session.now());
            session.audit().record(tx, AuditEvent.on("USER_ADDED", "user", added.id(), "username", "display_name", "role")
                    .withDetail(role.name()));
            return added;
        });
    }

    public UserAccount disable(String username) {
        session.require(Permission.MANAGE_USERS);
        UserAccount user = existing(username);
        if (user.id() == session.user().id()) {
            throw new UserError("error.user.disableSelf");
        }
        UserAccount updated = session.database().write(tx -> {
            if (user.role() == Role.HEAD_OF_POST && user.enabled()
                    && store.countEnabledWithRole(tx, Role.HEAD_OF_POST) <= 1) {
                throw new UserError("error.user.lastHead");
            }
            UserAccount disabled = user.enabled() ? store.setEnabled(tx, user, false, session.now()) : user;
            session.audit().record(tx, AuditEvent.on("USER_DISABLED", "user", user.id(), "enabled", "key"));
            return disabled;
        });
        // Then the key: from now on the account's passphrase opens nothing, even with a copy of the folder.
        // Should this step fail, the account is already refused at login, and disabling again completes it.
        KeyFileStore.write(session.dir(), Vault.revoke(KeyFileStore.read(session.dir()), user.username()));
        return updated;
    }

    /**
     * Re-enables a disabled account. Its old key was destroyed when it was disabled, so the head of
     * post gives a new initial passphrase, which the user must change at the next sign-in.
     */
    public UserAccount enable(String username, char[] initialPassphrase) {
        session.require(Permission.MANAGE_USERS);
        UserAccount user = existing(username);
        PassphrasePolicy.check(initialPassphrase, List.of(user.username(), user.displayName()));
        KeyFile keys = KeyFileStore.read(session.dir());
        byte[] dataKey = session.dataKey();
        try {
            KeyFileStore.write(session.dir(), Vault.withUser(keys, dataKey, user.username(), initialPassphrase, kdfParams));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        return session.database().write(tx -> {
            UserAccount updated = store.setMustChange(tx, store.setEnabled(tx, user, true, session.now()), true, session.now());
            session.audit().record(tx, AuditEvent.on("USER_ENABLED", "user", user.id(), "enabled", "key"));
            return updated;
        });
    }

    /** Clears failed-login counts on this workstation, ending a lockout. */
    public void resetLockout(String username) {
        session.require(Permission.MANAGE_USERS);
        UserAccount user = existing(username);
        KeyFile keys = KeyFileStore.read(session.dir());
        new LoginAttemptStore(stateDir, keys.registryId()).clear(Vault.holderId(keys, user.username()));
        session.audit().record(AuditEvent.on("LOCKOUT_RESET", "user", user.id()));
    }

    public int failedAttempts(String username) {
        session.require(Permission.MANAGE_USERS);
        KeyFile keys = KeyFileStore.read(session.dir());
        return new LoginAttemptStore(stateDir, keys.registryId()).failures(Vault.holderId(keys, Vault.normaliseUsername(username)));
    }

    /** Rewraps only this user's copy of the data key; the database is not touched. */
    public void changeOwnPassphrase(char[] current, char[] next) {
        UserAccount me = session.user();
        KeyFile keys = KeyFileStore.read(session.dir());
        try {
            Arrays.fill(Vault.unwrapForUser(keys, me.username(), current), (byte) 0);
        } catch (Vault.WrongSecret e) {
            throw new UserError("error.passphrase.currentWrong");
        }
        if (Arrays.equals(current, next)) {
            throw new UserError("error.passphrase.unchanged");
        }
        PassphrasePolicy.check(next, List.of(me.username(), me.displayName()));
        byte[] dataKey = session.dataKey();
        try {
            KeyFileStore.write(session.dir(), Vault.withUser(keys, dataKey, me.username(), next, kdfParams));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        session.database().write(tx -> {
            if (me.mustChangePassphrase()) {
                session.refreshUser(store.setMustChange(tx, me, false, session.now()));
            }
            session.audit().record(tx, AuditEvent.on("PASSPHRASE_CHANGED", "user", me.id(), "passphrase"));
            return null;
        });
    }

    private UserAccount existing(String username) {
        String name = Vault.normaliseUsername(username == null ? "" : username);
        return session.database().read(tx -> store.find(tx, name))
                .orElseThrow(() -> new UserError("error.user.unknown", name));
    }
}
