package org.consulardesk.security.store;

import static org.consulardesk.store.generated.Tables.APP_USER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.consulardesk.core.UserError;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.AppUserRecord;

/** Staff accounts in the registry database. */
public final class UserStore {

    public Optional<UserAccount> find(Tx tx, String username) {
        return tx.dsl().selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional().map(UserStore::toAccount);
    }

    public List<UserAccount> list(Tx tx) {
        return tx.dsl().selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(UserStore::toAccount);
    }

    public int countEnabledWithRole(Tx tx, Role role) {
        return tx.dsl().fetchCount(APP_USER, APP_USER.ROLE.eq(role.name()).and(APP_USER.ENABLED.isTrue()));
    }

    public UserAccount insert(Tx tx, String username, String displayName, Role role, boolean mustChange, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        AppUserRecord record = tx.dsl().insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.ROLE, role.name())
                .set(APP_USER.ENABLED, true)
                .set(APP_USER.MUST_CHANGE_PASSPHRASE, mustChange)
                .set(APP_USER.CREATED_AT, at)
                .set(APP_USER.UPDATED_AT, at)
                .set(APP_USER.ROW_VERSION, 1)
                .returning()
                .fetchOne();
        return toAccount(record);
    }

    /** Optimistic locking: the update applies only to the version the caller read. */
    public UserAccount setEnabled(Tx tx, UserAccount user, boolean enabled, Instant now) {
        return update(tx, user, APP_USER.ENABLED, enabled, now);
    }

    public UserAccount setMustChange(Tx tx, UserAccount user, boolean mustChange, Instant now) {
        return update(tx, user, APP_USER.MUST_CHANGE_PASSPHRASE, mustChange, now);
    }

    private UserAccount update(Tx tx, UserAccount user, org.jooq.TableField<AppUserRecord, Boolean> field, boolean value,
                               Instant now) {
        int rows = tx.dsl().update(APP_USER)
                .set(field, value)
                .set(APP_USER.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(APP_USER.ROW_VERSION, user.version() + 1)
                .where(APP_USER.ID.eq(user.id()).and(APP_USER.ROW_VERSION.eq(user.version())))
                .execute();
        if (rows == 0) {
            throw new UserError("error.concurrentChange");
        }
        return find(tx, user.username()).orElseThrow();
    }

    private static UserAccount toAccount(AppUserRecord r) {
        return new UserAccount(r.getId(), r.getUsername(), r.getDisplayName(), Role.valueOf(r.getRole()),
                r.getEnabled(), r.getMustChangePassphrase(), r.getCreatedAt().toInstant(), r.getRowVersion());
    }
}
