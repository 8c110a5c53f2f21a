package org.consulardesk.map.service;

import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.SettingsStore;

/** The map's registry settings: whether OpenStreetMap tiles may be fetched when online (off by default). */
public final class MapSettingsService {
    static final String ONLINE_TILES = "map.onlineTiles";
    private final Session session;
    private final SettingsStore store = new SettingsStore();

    public MapSettingsService(Session session) {
        this.session = session;
    }

    public boolean onlineTilesAllowed() {
        return session.database().read(tx -> store.get(tx, ONLINE_TILES).map(Boolean::parseBoolean).orElse(false));
    }

    public boolean mayChange() {
        return session.can(Permission.CHANGE_SETTINGS);
    }

    public void allowOnlineTiles(boolean allowed) {
        session.require(Permission.CHANGE_SETTINGS);
        session.database().write(tx -> {
            store.put(tx, ONLINE_TILES, Boolean.toString(allowed));
            session.audit().record(tx, AuditEvent.on("SETTINGS_CHANGED", "registry", "settings", "mapOnlineTiles"));
            return null;
        });
    }
}
