package org.consulardesk.map.service;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.consulardesk.core.UserError;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotType;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.Severity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Areas in files: GeoJSON (RFC 7946: FeatureCollection, Feature, Polygon, MultiPolygon, and a Point
 * with a {@code radius_m} property for a circle) and KML 2.2 placemarks with polygons. Anything else,
 * or a broken file, is refused with one message that says what and where.
 */
public final class AreaFiles {
    /** Largest file read (an area file, not a map). */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private AreaFiles() {
    }

    /** A named area read from a file, with whatever the file said about it. */
    public record NamedArea(String name, Area area, String description, HotspotType type, Severity severity) {
    }

    public static List<NamedArea> read(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UserError("error.map.file.tooLarge", file.getFileName());
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError(e, "error.map.file.unreadable", file.getFileName());
        }
        List<NamedArea> areas = name.endsWith(".kml") ? readKml(bytes, String.valueOf(file.getFileName()))
                : readGeoJson(new String(bytes, StandardCharsets.UTF_8), String.valueOf(file.getFileName()));
        if (areas.isEmpty()) {
            throw new UserError("error.map.file.noArea", file.getFileName());
        }
        return areas;
    }

    /** All areas of a file as one (their union), for "who is inside" and the command line. */
    public static Area readOneArea(Path file) {
        return union(read(file), String.valueOf(file.getFileName()));
    }

    /** The areas of a GeoJSON text as one (their union), e.g. an area handed to the registry export (ADR 0073). */
    public static Area readOneArea(String geoJson, String name) {
        List<NamedArea> areas = readGeoJson(geoJson, name);
        if (areas.isEmpty()) {
            throw new UserError("error.map.file.noArea", name);
        }
        return union(areas, name);
    }

    private static Area union(List<NamedArea> areas, String fileName) {
        if (areas.size() == 1) {
            return areas.get(0).area();
        }
        List<List<List<LatLon>>> polygons = new ArrayList<>();
        for (NamedArea a : areas) {
            if (a.area().isCircle()) {
                throw new UserError("error.map.file.mixedCircle", fileName);
            }
            polygons.addAll(a.area().polygons());
        }
        return new Area(polygons, null, 0);
    }

    // ---- GeoJSON ----

    public static List<NamedArea> readGeoJson(String text, String fileName) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new UserError("error.map.geojson.syntax", fileName);
        }
        if (!root.isJsonObject()) {
            throw new UserError("error.map.geojson.type", fileName, "-");
        }
        List<NamedArea> out = new ArrayList<>();
        JsonObject o = root.getAsJsonObject();
        String type = string(o, "type");
        switch (type == null ? "" : type) {
            case "FeatureCollection" -> {
                JsonArray features = o.getAsJsonArray("features");
                if (features == null) {
                    throw new UserError("error.map.geojson.type", fileName, "FeatureCollection");
                }
                int i = 0;
                for (JsonElement f : features) {
                    i++;
                    if (f.isJsonObject()) {
                        feature(f.getAsJsonObject(), fileName, i, out);
                    }
                }
            }
            case "Feature" -> feature(o, fileName, 1, out);
            default -> geometry(o, null, fileName, 1, "", null, null, out);
        }
        return out;
    }

    private static void feature(JsonObject f, String fileName, int index, List<NamedArea> out) {
        JsonObject props = f.has("properties") && f.get("properties").isJsonObject() ? f.getAsJsonObject("properties") : new JsonObject();
        String name = firstString(props, "name", "title", "Name");
        String description = firstString(props, "description", "notes");
        HotspotType type = parseEnum(HotspotType.class, firstString(props, "type", "hotspot_type"));
        Severity severity = parseEnum(Severity.class, firstString(props, "severity"));
        JsonElement g = f.get("geometry");
        if (g == null || !g.isJsonObject()) {
            return;
        }
        // A circle we exported: polygon approximation plus its exact centre and radius.
        if (props.has("circle") && props.get("circle").isJsonObject()) {
            JsonObject c = props.getAsJsonObject("circle");
            LatLon centre = position(c.getAsJsonArray("centre"), fileName, index);
            out.add(new NamedArea(name == null ? "#" + index : name, Area.circle(centre, number(c, "radius_m", fileName, index)),
                    description, type, severity));
            return;
        }
        geometry(g.getAsJsonObject(), props, fileName, index, name, description, new Object[] {type, severity}, out);
    }

    private static void geometry(JsonObject g, JsonObject props, String fileName, int index, String name, String description,
                                 Object[] meta, List<NamedArea> out) {
        String type = string(g, "type");
        String label = name == null || name.isEmpty() ? "#" + index : name;
        HotspotType hotspotType = meta == null ? null : (HotspotType) meta[0];
        Severity severity = meta == null ? null : (Severity) meta[1];
        JsonElement coordinates = g.get("coordinates");
        switch (type == null ? "" : type) {
            case "Polygon" -> out.add(new NamedArea(label, new Area(List.of(rings(array(coordinates, fileName, index), fileName, index)),
                    null, 0), description, hotspotType, severity));
            case "MultiPolygon" -> {
                List<List<List<LatLon>>> polygons = new ArrayList<>();
                for (JsonElement p : array(coordinates, fileName, index)) {
                    polygons.add(rings(array(p, fileName, index), fileName, index));
                }
                if (polygons.isEmpty()) {
                    throw new UserError("error.map.geojson.coordinates", fileName, index);
                }
                out.add(new NamedArea(label, new Area(polygons, null, 0), description, hotspotType, severity));
            }
            case "Point" -> {
                Double radius = props == null ? null : optionalNumber(props, "radius_m", "radius");
                if (radius != null) {
                    out.add(new NamedArea(label, Area.circle(position(array(coordinates, fileName, index), fileName, index), radius),
                            description, hotspotType, severity));
                }
            }
            case "GeometryCollection" -> {
                JsonArray geometries = g.getAsJsonArray("geometries");
                if (geometries != null) {
                    for (JsonElement e : geometries) {
                        if (e.isJsonObject()) {
                            geometry(e.getAsJsonObject(), props, fileName, index, name, description, meta, out);
                        }
                    }
                }
            }
            case "LineString", "MultiLineString", "MultiPoint" -> {
                // Not areas: skipped (a file of only these has "no area").
            }
            default -> throw new UserError("error.map.geojson.type", fileName, type == null ? "-" : type);
        }
    }

    private static List<List<LatLon>> rings(JsonArray rings, String fileName, int index) {
        List<List<LatLon>> out = new ArrayList<>();
        for (JsonElement r : rings) {
            List<LatLon> ring = new ArrayList<>();
            for (JsonElement p : array(r, fileName, index)) {
                ring.add(position(array(p, fileName, index), fileName, index));
            }
            if (ring.size() < 4) {
                throw new UserError("error.map.area.tooFewPoints");
            }
            out.add(ring);
        }
        if (out.isEmpty()) {
            throw new UserError("error.map.geojson.coordinates", fileName, index);
        }
        return out;
    }

    private static LatLon position(JsonArray p, String fileName, int index) {
        try {
            double lon = p.get(0).getAsDouble();
            double lat = p.get(1).getAsDouble();
            return new LatLon(lat, lon);
        } catch (RuntimeException e) {
            throw new UserError("error.map.geojson.coordinates", fileName, index);
        }
    }

    private static JsonArray array(JsonElement e, String fileName, int index) {
        if (e == null || !e.isJsonArray()) {
            throw new UserError("error.map.geojson.coordinates", fileName, index);
        }
        return e.getAsJsonArray();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static String firstString(JsonObject o, String... keys) {
        for (String k : keys) {
            String s = string(o, k);
            if (s != null && !s.isBlank()) {
                return s.strip();
            }
        }
        return null;
    }

    private static double number(JsonObject o, String key, String fileName, int index) {
        Double d = optionalNumber(o, key);
        if (d == null || !(d > 0)) {
            throw new UserError("error.map.geojson.coordinates", fileName, index);
        }
        return d;
    }

    private static Double optionalNumber(JsonObject o, String... keys) {
        for (String k : keys) {
            JsonElement e = o.get(k);
            if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                return e.getAsDouble();
            }
        }
        return null;
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One area as an RFC 7946 FeatureCollection of one feature (what {@link #readGeoJson} reads back as the same area). */
    public static String toGeoJson(Area area) {
        return toGeoJson(List.of(new Hotspot(0, "area", HotspotType.OTHER, Severity.ADVISORY, null, null, null, null, area, 0)));
    }

    /** Hotspots as an RFC 7946 FeatureCollection; circles as a 64-point polygon plus their exact centre and radius. */
    public static String toGeoJson(List<Hotspot> hotspots) {
        JsonObject root = new JsonObject();
        root.addProperty("type", "FeatureCollection");
        JsonArray features = new JsonArray();
        for (Hotspot h : hotspots) {
            JsonObject f = new JsonObject();
            f.addProperty("type", "Feature");
            JsonObject props = new JsonObject();
            props.addProperty("name", h.name());
            props.addProperty("type", h.type().name());
            props.addProperty("severity", h.severity().name());
            addDate(props, "valid_from", h.validFrom());
            addDate(props, "valid_to", h.validTo());
            if (h.source() != null) {
                props.addProperty("source", h.source());
            }
            if (h.notes() != null) {
                props.addProperty("description", h.notes());
            }
            JsonObject geometry = new JsonObject();
            if (h.area().isCircle()) {
                JsonObject circle = new JsonObject();
                circle.add("centre", pos(h.area().centre()));
                circle.addProperty("radius_m", h.area().radiusMetres());
                props.add("circle", circle);
                geometry.addProperty("type", "Polygon");
                JsonArray rings = new JsonArray();
                rings.add(ring(AreaGeometry.of(h.area(), 0).outlines().get(0), true));
                geometry.add("coordinates", rings);
            } else {
                geometry.addProperty("type", "MultiPolygon");
                JsonArray polygons = new JsonArray();
                for (List<List<LatLon>> polygon : h.area().polygons()) {
                    JsonArray rings = new JsonArray();
                    for (int i = 0; i < polygon.size(); i++) {
                        rings.add(ring(polygon.get(i), i == 0));
                    }
                    polygons.add(rings);
                }
                geometry.add("coordinates", polygons);
            }
            f.add("geometry", geometry);
            f.add("properties", props);
            features.add(f);
        }
        root.add("features", features);
        return GSON.toJson(root);
    }

    private static void addDate(JsonObject o, String key, LocalDate d) {
        if (d != null) {
            o.addProperty(key, d.toString());
        }
    }

    private static JsonArray pos(LatLon p) {
        JsonArray a = new JsonArray();
        a.add(new JsonPrimitive(Math.round(p.lon() * 1e7) / 1e7));
        a.add(new JsonPrimitive(Math.round(p.lat() * 1e7) / 1e7));
        return a;
    }

    /** A closed ring, counter-clockwise if outer and clockwise if a hole (RFC 7946 section 3.1.6). */
    private static JsonArray ring(List<LatLon> points, boolean outer) {
        List<LatLon> ring = new ArrayList<>(points);
        if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
            ring.add(ring.get(0));
        }
        double area = 0;
        double offset = 0;
        double prevLon = ring.get(0).lon();
        double[] lons = new double[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            double lon = ring.get(i).lon();
            if (i > 0 && Math.abs(lon - prevLon) > 180) {
                offset += lon > prevLon ? -360 : 360;
            }
            prevLon = lon;
            lons[i] = lon + offset;
        }
        for (int i = 0; i + 1 < ring.size(); i++) {
            area += lons[i] * ring.get(i + 1).lat() - lons[i + 1] * ring.get(i).lat();
        }
        boolean counterClockwise = area > 0;
        if (counterClockwise != outer) {
            java.util.Collections.reverse(ring);
        }
        JsonArray a = new JsonArray();
        ring.forEach(p -> a.add(pos(p)));
        return a;
    }

    // ---- KML ----

    public static List<NamedArea> readKml(byte[] bytes, String fileName) {
        Document doc;
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(in);
        } catch (Exception e) {
            throw new UserError("error.map.kml.syntax", fileName);
        }
        List<NamedArea> out = new ArrayList<>();
        NodeList placemarks = doc.getElementsByTagNameNS("*", "Placemark");
        for (int i = 0; i < placemarks.getLength(); i++) {
            Element pm = (Element) placemarks.item(i);
            String name = childText(pm, "name");
            String description = childText(pm, "description");
            List<List<List<LatLon>>> polygons = new ArrayList<>();
            NodeList polys = pm.getElementsByTagNameNS("*", "Polygon");
            for (int p = 0; p < polys.getLength(); p++) {
                Element poly = (Element) polys.item(p);
                List<List<LatLon>> rings = new ArrayList<>();
                for (String boundary : new String[] {"outerBoundaryIs", "innerBoundaryIs"}) {
                    NodeList bs = poly.getElementsByTagNameNS("*", boundary);
                    for (int k = 0; k < bs.getLength(); k++) {
                        NodeList coords = ((Element) bs.item(k)).getElementsByTagNameNS("*", "coordinates");
                        if (coords.getLength() > 0) {
                            rings.add(kmlCoordinates(coords.item(0).getTextContent(), fileName, i + 1));
                        }
                    }
                }
                if (rings.isEmpty()) {
                    throw new UserError("error.map.kml.coordinates", fileName, i + 1);
                }
                polygons.add(rings);
            }
            if (!polygons.isEmpty()) {
                out.add(new NamedArea(name == null ? "#" + (i + 1) : name, new Area(polygons, null, 0), description, null, null));
            }
        }
        return out;
    }

    private static List<LatLon> kmlCoordinates(String text, String fileName, int index) {
        List<LatLon> ring = new ArrayList<>();
        for (String tuple : text.strip().split("\\s+")) {
            if (tuple.isEmpty()) {
                continue;
            }
            String[] f = tuple.split(",");
            try {
                ring.add(new LatLon(Double.parseDouble(f[1]), Double.parseDouble(f[0])));
            } catch (RuntimeException e) {
                throw new UserError("error.map.kml.coordinates", fileName, index);
            }
        }
        if (ring.size() < 4) {
            throw new UserError("error.map.area.tooFewPoints");
        }
        return ring;
    }

    private static String childText(Element e, String local) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && local.equals(c.getLocalName())) {
                String t = c.getTextContent().strip();
                return t.isEmpty() ? null : t;
            }
        }
        return null;
    }
}
