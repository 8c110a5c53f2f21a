package org.consulardesk.map.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.consulardesk.core.UserError;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotType;
import org.consulardesk.map.model.Severity;
import org.consulardesk.map.store.HotspotStore;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/** Hotspots: drawn or imported areas of concern. Every change is audited; editing needs EDIT_HOTSPOTS. */
public final class HotspotService {
    private final Session session;
    private final HotspotStore store = new HotspotStore();

    public HotspotService(Session session) {
        this.session = session;
    }

    /** The session's date (a trainer's exercise may set its clock): whether a hotspot has expired. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(session.clock());
    }

    public boolean mayEdit() {
        return session.can(Permission.EDIT_HOTSPOTS);
    }

    public List<Hotspot> list() {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(store::all);
    }

    /** The hotspot with this id, if there is one. */
    public java.util.Optional<Hotspot> find(long id) {
        return list().stream().filter(h -> h.id() == id).findFirst();
    }

    /** Saves a new (id 0) or changed hotspot; returns it as stored. */
    public Hotspot save(Hotspot h) {
        session.require(Permission.EDIT_HOTSPOTS);
        validate(h);
        AreaGeometry geometry = AreaGeometry.of(h.area(), 0);
        return session.database().write(tx -> {
            long id;
            if (h.id() == 0) {
                id = store.insert(tx, h, geometry.box(), session.user().username(), session.now());
                session.audit().record(tx, AuditEvent.on("HOTSPOT_ADDED", "hotspot", id, "name", "type", "severity", "area"));
            } else {
                if (!store.update(tx, h, geometry.box(), session.now())) {
                    throw new UserError("error.map.hotspot.changed", h.name());
                }
                id = h.id();
                session.audit().record(tx, AuditEvent.on("HOTSPOT_CHANGED", "hotspot", id, "name", "type", "severity",
                        "validity", "source", "notes", "area"));
            }
            return store.find(tx, id).orElseThrow();
        });
    }

    public void delete(Hotspot h) {
        session.require(Permission.EDIT_HOTSPOTS);
        session.database().write(tx -> {
            if (store.delete(tx, h.id())) {
                session.audit().record(tx, AuditEvent.on("HOTSPOT_DELETED", "hotspot", h.id()));
            }
            return null;
        });
    }

    /** Reads GeoJSON or KML and saves each area as a hotspot (all or none); returns them. */
    public List<Hotspot> importFile(Path file) {
        session.require(Permission.EDIT_HOTSPOTS);
        List<AreaFiles.NamedArea> areas = AreaFiles.read(file);
        List<Hotspot> candidates = new ArrayList<>();
        for (AreaFiles.NamedArea a : areas) {
            Hotspot h = new Hotspot(0, a.name().length() > 200 ? a.name().substring(0, 200) : a.name(),
                    a.type() == null ? HotspotType.OTHER : a.type(), a.severity() == null ? Severity.WARNING : a.severity(),
                    null, null, String.valueOf(file.getFileName()), a.description(), a.area(), 0);
            validate(h);
            AreaGeometry.of(h.area(), 0);
            candidates.add(h);
        }
        return session.database().write(tx -> {
            List<Hotspot> saved = new ArrayList<>();
            for (Hotspot h : candidates) {
                long id = store.insert(tx, h, AreaGeometry.of(h.area(), 0).box(), session.user().username(), session.now());
                saved.add(store.find(tx, id).orElseThrow());
            }
            session.audit().record(tx, AuditEvent.on("HOTSPOTS_IMPORTED", "hotspot", saved.size(), "file"));
            return saved;
        });
    }

    /** Writes the hotspots as GeoJSON (no personal data: areas only). */
    public String exportGeoJson(List<Hotspot> hotspots) {
        session.require(Permission.VIEW_REGISTRY);
        session.audit().record(AuditEvent.on("HOTSPOTS_EXPORTED", "hotspot", hotspots.size()));
        return AreaFiles.toGeoJson(hotspots);
    }

    private static void validate(Hotspot h) {
        if (h.name() == null || h.name().isBlank()) {
            throw new UserError("error.map.hotspot.nameRequired");
        }
        if (h.type() == null || h.severity() == null) {
            throw new UserError("error.map.hotspot.typeRequired");
        }
        if (h.validFrom() != null && h.validTo() != null && h.validTo().isBefore(h.validFrom())) {
            throw new UserError("error.map.hotspot.validity");
        }
    }
}
