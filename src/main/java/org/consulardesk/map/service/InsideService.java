package org.consulardesk.map.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotCensus;
import org.consulardesk.map.model.InsideResult;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.LocatedPoint;
import org.consulardesk.registry.model.PresenceStatus;
import org.consulardesk.registry.model.RegistryFilter;
import org.consulardesk.registry.service.LocationService;
import org.consulardesk.registry.service.RegistryExportService;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.service.Session;

/**
 * Who is inside an area (plus a buffer): the registry narrows by the area's box through its location
 * index, JTS decides for each candidate in the area's local projection (ADR 0031).
 */
public final class InsideService {
    private final Session session;
    private final LocationService locations;

    public InsideService(Session session) {
        this.session = session;
        this.locations = new LocationService(session);
    }

    /** Registrants listed with names at a time in "who is inside". */
    public static final int PAGE = 200;

    public InsideResult inside(Area area, double bufferKm) {
        AreaGeometry geometry = AreaGeometry.of(area, bufferKm);
        List<Long> ids = insideOnly(geometry).stream().map(LocatedPoint::id).sorted().toList();
        Map<Long, List<String>> vulnerabilities = locations.vulnerabilities(ids);
        Map<String, Integer> byCode = new TreeMap<>();
        vulnerabilities.values().forEach(codes -> codes.forEach(c -> byCode.merge(c, 1, Integer::sum)));
        Set<Long> households = new HashSet<>();
        int alone = 0;
        for (Long household : locations.households(ids).values()) {
            if (household == null) {
                alone++;
            } else {
                households.add(household);
            }
        }
        session.audit().record(AuditEvent.on("AREA_QUERIED", "person", ids.size(), "area"));
        return new InsideResult(ids.size(), byCode, vulnerabilities.size(), households.size(), alone, ids, page(ids, 0));
    }

    /** Page {@code index} (from 0) of the registrants {@code ids} with their names, sorted by name. */
    public List<LocatedPerson> page(List<Long> ids, int index) {
        int from = Math.min(ids.size(), index * PAGE);
        List<LocatedPerson> page = new ArrayList<>(locations.persons(ids.subList(from, Math.min(ids.size(), from + PAGE))));
        page.sort(Comparator.comparing(LocatedPerson::familyName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(LocatedPerson::givenNames, String.CASE_INSENSITIVE_ORDER).thenComparingLong(LocatedPerson::id));
        return page;
    }

    /**
     * The registrants inside each hotspot valid on the session's day, counted by presence status and
     * vulnerability, among those matching {@code filter} (exports to headquarters; ADR 0054). Hotspots
     * in name order; one with nobody inside is listed with 0.
     */
    public List<HotspotCensus> census(RegistryFilter filter) {
        RegistryExportService registry = new RegistryExportService(session);
        LocalDate day = registry.countDay();
        List<HotspotCensus> out = new ArrayList<>();
        List<Hotspot> active = new ArrayList<>(new HotspotService(session).list().stream().filter(h -> h.validOn(day)).toList());
        active.sort(Comparator.comparing(Hotspot::name, String.CASE_INSENSITIVE_ORDER).thenComparingLong(Hotspot::id));
        for (Hotspot h : active) {
            List<Long> candidates = insideOnly(AreaGeometry.of(h.area(), 0)).stream().map(LocatedPoint::id).toList();
            Map<Long, PresenceStatus> status = registry.presence(candidates, filter);
            Map<String, Long> byStatus = new TreeMap<>();
            for (PresenceStatus s : PresenceStatus.values()) {
                byStatus.put(s.name(), 0L);
            }
            status.values().forEach(s -> byStatus.merge(s.name(), 1L, Long::sum));
            Map<String, Long> byVulnerability = new TreeMap<>();
            locations.vulnerabilities(status.keySet()).values()
                    .forEach(codes -> codes.stream().distinct().forEach(c -> byVulnerability.merge(c, 1L, Long::sum)));
            out.add(new HotspotCensus(h, status.size(), byStatus, byVulnerability));
        }
        return out;
    }

    /**
     * Ids and points of the registrants inside (the command line, benchmarks and the list): the
     * candidates in the area's box come from the location index without their names.
     */
    public List<LocatedPoint> insideOnly(AreaGeometry geometry) {
        GeoBox box = geometry.box();
        List<LocatedPoint> inside = new ArrayList<>();
        for (LocatedPoint p : locations.pointsInBox(box.south(), box.west(), box.north(), box.east())) {
            if (geometry.contains(p.latitude(), p.longitude())) {
                inside.add(p);
            }
        }
        return inside;
    }
}
