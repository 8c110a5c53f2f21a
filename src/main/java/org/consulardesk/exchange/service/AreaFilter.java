package org.consulardesk.exchange.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.consulardesk.core.Messages;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.Hashes;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.InsideArea;
import org.consulardesk.map.model.InsideCover;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.service.AreaFiles;
import org.consulardesk.map.service.AreaGeometry;
import org.consulardesk.map.service.HotspotService;
import org.consulardesk.map.service.InsideService;
import org.consulardesk.security.service.Session;

/**
 * The area filter of the full registry export (ADR 0073): {@code hotspot=ID} (a saved hotspot) or
 * {@code area=GEOJSON} (an area drawn on the map or read from a file), with {@code buffer-km=K}. The
 * area is resolved through the map feature's service into the same cover "who is inside" counts, and
 * only the ids of the people inside are kept ({@code long[]}, ascending); their rows are then read by
 * id a page at a time. The workbook's description sheet and the audit name the area (hotspot id and
 * name, or a drawn area's shape, centre and fingerprint), never the GeoJSON itself.
 */
public final class AreaFilter {
    public static final String HOTSPOT = "hotspot";
    public static final String AREA = "area";
    public static final String BUFFER_KM = "buffer-km";
    public static final List<String> NAMES = List.of(HOTSPOT, AREA, BUFFER_KM);
    /** The largest buffer accepted (as the map's buffer field). */
    public static final double MAX_BUFFER_KM = 500;

    private AreaFilter() {
    }

    /** The filters that restrict an export to the people inside the area the map counted. */
    public static Map<String, String> of(InsideArea area) {
        Map<String, String> filters = new LinkedHashMap<>();
        if (area.isHotspot()) {
            filters.put(HOTSPOT, Long.toString(area.hotspotId()));
        } else {
            filters.put(AREA, AreaFiles.toGeoJson(area.area()));
        }
        if (area.bufferKm() > 0) {
            filters.put(BUFFER_KM, number(area.bufferKm()));
        }
        return filters;
    }

    /** True if the filters restrict the export to an area. */
    public static boolean present(Map<String, String> filters) {
        return filters.containsKey(HOTSPOT) || filters.containsKey(AREA);
    }

    /**
     * The filters as the workbook's description sheet and the audit show them: an area's GeoJSON is
     * replaced by its shape, centre and the first 12 hex digits of its SHA-256; a hotspot gets its name.
     */
    public static Map<String, String> shown(Session session, Map<String, String> filters) {
        if (!present(filters)) {
            return filters;
        }
        Map<String, String> shown = new LinkedHashMap<>(filters);
        String hotspot = filters.get(HOTSPOT);
        if (hotspot != null) {
            hotspotName(session, hotspot).ifPresent(name -> shown.put(HOTSPOT, hotspot.strip() + " (" + name + ")"));
        }
        String geoJson = filters.get(AREA);
        if (geoJson != null) {
            shown.put(AREA, shape(geoJson));
        }
        return shown;
    }

    /** What a screen says the export is restricted to, e.g. "hotspot Kibera floods, with 2 km around it". */
    public static String describe(Map<String, String> filters, Optional<String> hotspotName) {
        String km = filters.get(BUFFER_KM);
        String what = filters.containsKey(HOTSPOT)
                ? Messages.get("exchange.area.hotspot", hotspotName.orElse("no. " + filters.get(HOTSPOT).strip()))
                : Messages.get("exchange.area.drawn");
        return km == null || parseBuffer(km) == 0 ? what : Messages.get("exchange.area.withBuffer", what, km.strip());
    }

    /**
     * The ids (ascending) of the people inside the filters' area, or empty if the filters name no area.
     * Merged-away persons are not among them (the registry's cells hold active persons only).
     */
    static Optional<long[]> ids(ExportContext context) {
        String hotspot = context.filter(HOTSPOT);
        String geoJson = context.filter(AREA);
        String km = context.filter(BUFFER_KM);
        if (hotspot == null && geoJson == null) {
            if (km != null) {
                throw new UserError("error.exchange.bufferWithoutArea");
            }
            return Optional.empty();
        }
        if (hotspot != null && geoJson != null) {
            throw new UserError("error.exchange.twoAreas");
        }
        double bufferKm = km == null ? 0 : parseBuffer(km);
        Area area;
        if (hotspot != null) {
            long id = parseHotspot(hotspot);
            area = new HotspotService(context.session()).find(id).map(Hotspot::area)
                    .orElseThrow(() -> new UserError("error.exchange.unknownHotspot", hotspot));
        } else {
            area = AreaFiles.readOneArea(geoJson, "area (GeoJSON)");
        }
        InsideService inside = new InsideService(context.session());
        InsideCover cover = inside.cover(AreaGeometry.of(area, bufferKm));
        return Optional.of(inside.ids(cover));
    }

    /** The name of the hotspot with this id, if it exists and the user may read hotspots. */
    public static Optional<String> hotspotName(Session session, String id) {
        try {
            return new HotspotService(session).find(Long.parseLong(id.strip())).map(Hotspot::name);
        } catch (RuntimeException e) {
            return Optional.empty(); // not a number, or no right to read hotspots: the id alone is shown
        }
    }

    private static long parseHotspot(String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UserError("error.exchange.unknownHotspot", value);
    }

    static double parseBuffer(String value) {
        try {
            double km = Double.parseDouble(value.strip());
            if (km >= 0 && km <= MAX_BUFFER_KM) {
                return km;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UserError("error.exchange.badBuffer", value, number(MAX_BUFFER_KM));
    }

    private static String shape(String geoJson) {
        String fingerprint = Hashes.sha256Hex(geoJson).substring(0, 12);
        try {
            Area area = AreaFiles.readOneArea(geoJson, "area (GeoJSON)");
            if (area.isCircle()) {
                return Messages.get("exchange.area.shownCircle", number(area.radiusMetres() / 1000), coordinates(area.centre()),
                        fingerprint);
            }
            List<LatLon> vertices = corners(area);
            return Messages.get("exchange.area.shownPolygon", area.polygons().size(), vertices.size(),
                    coordinates(org.consulardesk.map.service.LocalProjection.centreOf(vertices)), fingerprint);
        } catch (UserError e) {
            return Messages.get("exchange.area.shownUnreadable", fingerprint);
        }
    }

    /** The rings' corners: a GeoJSON ring repeats its first point at the end, which is not another corner. */
    private static List<LatLon> corners(Area area) {
        List<LatLon> corners = new java.util.ArrayList<>();
        for (List<List<LatLon>> polygon : area.polygons()) {
            for (List<LatLon> ring : polygon) {
                int n = ring.size();
                boolean closed = n > 1 && ring.get(0).equals(ring.get(n - 1));
                corners.addAll(ring.subList(0, closed ? n - 1 : n));
            }
        }
        return corners;
    }

    private static String coordinates(LatLon p) {
        return String.format(Locale.ROOT, "%.4f, %.4f", p.lat(), p.lon());
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value)
                .replaceAll("0+$", "");
    }
}
