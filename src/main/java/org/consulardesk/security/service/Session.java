package org.consulardesk.security.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.consulardesk.core.Messages;
import org.consulardesk.core.UserError;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.store.Database;
import org.consulardesk.store.model.RegistryDescriptor;

/**
 * An open, unlocked registry and the user working in it. Every service of every feature is built
 * on a session and checks the user's permissions itself, whatever the screens show.
 */
public final class Session implements AutoCloseable {
    private final Path dir;
    private final RegistryDescriptor descriptor;
    private final Database database;
    private final byte[] dataKey;
    private final Clock clock;
    private final AuditService audit;
    private volatile UserAccount user;

    public Session(Path dir, RegistryDescriptor descriptor, Database database, byte[] dataKey, UserAccount user, Clock clock) {
        this.dir = dir;
        this.descriptor = descriptor;
        this.database = database;
        this.dataKey = dataKey.clone();
        this.user = user;
        this.clock = clock;
        this.audit = new AuditService(this);
    }

    public Path dir() {
        return dir;
    }

    public RegistryDescriptor descriptor() {
        return descriptor;
    }

    public Database database() {
        return database;
    }

    public UserAccount user() {
        return user;
    }

    public AuditService audit() {
        return audit;
    }

    /** Millisecond precision: the same instant survives a round trip through H2 or PostgreSQL. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public Clock clock() {
        return clock;
    }

    /** For key wrapping and backup keys only; callers must not keep it. */
    byte[] dataKey() {
        return dataKey.clone();
    }

    /** A key for one purpose (e.g. backups) derived from the data key, which itself never leaves. */
    public byte[] subKey(String purpose) {
        return Vault.subKey(dataKey, descriptor.registryId(), purpose);
    }

    public boolean can(Permission permission) {
        return user.role().allows(permission);
    }

    /** The check every service makes before it acts. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new UserError("error.permission.denied", Messages.get(user.role().messageKey()),
                    Messages.get("permission." + permission.name()));
        }
    }

    void switchUser(UserAccount next) {
        this.user = next;
    }

    void refreshUser(UserAccount updated) {
        if (updated.id() == user.id()) {
            this.user = updated;
        }
    }

    @Override
    public void close() {
        database.close();
        Arrays.fill(dataKey, (byte) 0);
    }
}
