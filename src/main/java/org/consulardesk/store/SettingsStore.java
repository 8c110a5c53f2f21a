package org.consulardesk.store;

import static org.consulardesk.store.generated.Tables.REGISTRY_SETTING;

import java.util.Optional;

/** Per-registry settings (auto-lock minutes, backups to keep, ...) as named strings. */
public final class SettingsStore {
    public Optional<String> get(Tx tx, String name) {
        return tx.dsl().select(REGISTRY_SETTING.SETTING_VALUE).from(REGISTRY_SETTING)
                .where(REGISTRY_SETTING.NAME.eq(name)).fetchOptional(REGISTRY_SETTING.SETTING_VALUE);
    }

    public void put(Tx tx, String name, String value) {
        int updated = tx.dsl().update(REGISTRY_SETTING).set(REGISTRY_SETTING.SETTING_VALUE, value)
                .where(REGISTRY_SETTING.NAME.eq(name)).execute();
        if (updated == 0) {
            tx.dsl().insertInto(REGISTRY_SETTING).set(REGISTRY_SETTING.NAME, name)
                    .set(REGISTRY_SETTING.SETTING_VALUE, value).execute();
        }
    }
}
