package org.consulardesk.store.service;

import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.SettingsStore;

/** Reads and changes the registry's shared settings. */
public final class SettingsService {
    private static final String AUTO_LOCK = "security.autoLockMinutes";
    private static final String BACKUP_ON_CLOSE = "backup.onClose";
    private static final String BACKUPS_TO_KEEP = "backup.keep";

    private final Session session;
    private final SettingsStore store = new SettingsStore();

    public SettingsService(Session session) {
        this.session = session;
    }

    public RegistrySettings load() {
        RegistrySettings d = RegistrySettings.DEFAULTS;
        return session.database().read(tx -> new RegistrySettings(
                store.get(tx, AUTO_LOCK).map(Integer::parseInt).orElse(d.autoLockMinutes()),
                store.get(tx, BACKUP_ON_CLOSE).map(Boolean::parseBoolean).orElse(d.backupOnClose()),
                store.get(tx, BACKUPS_TO_KEEP).map(Integer::parseInt).orElse(d.backupsToKeep())));
    }

    public void save(RegistrySettings settings) {
        session.require(Permission.CHANGE_SETTINGS);
        session.database().write(tx -> {
            store.put(tx, AUTO_LOCK, Integer.toString(settings.autoLockMinutes()));
            store.put(tx, BACKUP_ON_CLOSE, Boolean.toString(settings.backupOnClose()));
            store.put(tx, BACKUPS_TO_KEEP, Integer.toString(settings.backupsToKeep()));
            session.audit().record(tx, AuditEvent.on("SETTINGS_CHANGED", "registry", "settings",
                    "autoLockMinutes", "backupOnClose", "backupsToKeep"));
            return null;
        });
    }
}
