package org.consulardesk.map.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.InsideResult;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.service.LocationService;
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

    public InsideResult inside(Area area, double bufferKm) {
        AreaGeometry geometry = AreaGeometry.of(area, bufferKm);
        List<LocatedPerson> inside = insideOnly(geometry);
        Map<Long, List<String>> vulnerabilities = locations.vulnerabilities(inside.stream().map(LocatedPerson::id).toList());
        Map<String, Integer> byCode = new TreeMap<>();
        vulnerabilities.values().forEach(codes -> codes.forEach(c -> byCode.merge(c, 1, Integer::sum)));
        Set<Long> households = new HashSet<>();
        int alone = 0;
        for (LocatedPerson p : inside) {
            if (p.householdId() == null) {
                alone++;
            } else {
                households.add(p.householdId());
            }
        }
        session.audit().record(AuditEvent.on("AREA_QUERIED", "person", inside.size(), "area"));
        return new InsideResult(inside.size(), byCode, vulnerabilities.size(), households.size(), alone, inside);
    }

    /** Only the ids of registrants inside (the command line and benchmarks). */
    public List<LocatedPerson> insideOnly(AreaGeometry geometry) {
        GeoBox box = geometry.box();
        List<LocatedPerson> candidates = locations.inBox(box.south(), box.west(), box.north(), box.east(), Integer.MAX_VALUE);
        List<LocatedPerson> inside = new ArrayList<>();
        for (LocatedPerson p : candidates) {
            if (geometry.contains(p.latitude(), p.longitude())) {
                inside.add(p);
            }
        }
        return inside;
    }
}
