package org.consulardesk.store.service;

/**
 * Settings kept inside the registry, so every workstation of the post shares them.
 *
 * @param autoLockMinutes minutes of inactivity before the screen locks
 * @param backupOnClose   whether closing the registry writes a rotating backup
 * @param backupsToKeep   how many rotating backups to keep
 */
public record RegistrySettings(int autoLockMinutes, boolean backupOnClose, int backupsToKeep) {
    public static final RegistrySettings DEFAULTS = new RegistrySettings(10, true, 7);

    public RegistrySettings {
        if (autoLockMinutes < 1 || autoLockMinutes > 240) {
            throw new org.consulardesk.core.UserError("error.settings.autoLock", 1, 240);
        }
        if (backupsToKeep < 1 || backupsToKeep > 100) {
            throw new org.consulardesk.core.UserError("error.settings.backupsToKeep", 1, 100);
        }
    }
}
