package org.consulardesk.map.store;

import static org.consulardesk.store.generated.Tables.HOTSPOT;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotType;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.Severity;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.HotspotRecord;

/** Hotspots in the database; the area is kept as a GeoJSON geometry (a circle as a Point plus radius). */
public final class HotspotStore {

    public List<Hotspot> all(Tx tx) {
        return tx.dsl().selectFrom(HOTSPOT).orderBy(HOTSPOT.NAME, HOTSPOT.ID).fetch(HotspotStore::toHotspot);
    }

    public Optional<Hotspot> find(Tx tx, long id) {
        return tx.dsl().selectFrom(HOTSPOT).where(HOTSPOT.ID.eq(id)).fetchOptional(HotspotStore::toHotspot);
    }

    public long insert(Tx tx, Hotspot h, GeoBox box, String user, Instant now) {
        HotspotRecord r = tx.dsl().newRecord(HOTSPOT);
        fill(r, h, box, now);
        r.setCreatedBy(user);
        r.setRowVersion(1);
        r.store();
        return r.getId();
    }

    /** Updates if the row version still matches; false when someone else changed it meanwhile. */
    public boolean update(Tx tx, Hotspot h, GeoBox box, Instant now) {
        HotspotRecord r = tx.dsl().selectFrom(HOTSPOT).where(HOTSPOT.ID.eq(h.id())).fetchOne();
        if (r == null || r.getRowVersion() != h.rowVersion()) {
            return false;
        }
        fill(r, h, box, now);
        r.setRowVersion(h.rowVersion() + 1);
        r.store();
        return true;
    }

    public boolean delete(Tx tx, long id) {
        return tx.dsl().deleteFrom(HOTSPOT).where(HOTSPOT.ID.eq(id)).execute() == 1;
    }

    private static void fill(HotspotRecord r, Hotspot h, GeoBox box, Instant now) {
        r.setName(h.name());
        r.setHotspotType(h.type().name());
        r.setSeverity(h.severity().name());
        r.setValidFrom(h.validFrom());
        r.setValidTo(h.validTo());
        r.setSource(h.source());
        r.setNotes(h.notes());
        r.setGeometry(encode(h.area()));
        r.setRadiusM(h.area().isCircle() ? h.area().radiusMetres() : null);
        r.setMinLat(box.south());
        r.setMinLon(box.west());
        r.setMaxLat(box.north());
        r.setMaxLon(box.east());
        r.setUpdatedAt(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    static String encode(Area area) {
        JsonObject g = new JsonObject();
        if (area.isCircle()) {
            g.addProperty("type", "Point");
            g.add("coordinates", position(area.centre()));
        } else {
            g.addProperty("type", "MultiPolygon");
            JsonArray polygons = new JsonArray();
            for (List<List<LatLon>> polygon : area.polygons()) {
                JsonArray rings = new JsonArray();
                for (List<LatLon> ring : polygon) {
                    JsonArray points = new JsonArray();
                    ring.forEach(p -> points.add(position(p)));
                    rings.add(points);
                }
                polygons.add(rings);
            }
            g.add("coordinates", polygons);
        }
        return g.toString();
    }

    private static JsonArray position(LatLon p) {
        JsonArray a = new JsonArray();
        a.add(p.lon());
        a.add(p.lat());
        return a;
    }

    static Area decode(String json, Double radius) {
        JsonObject g = JsonParser.parseString(json).getAsJsonObject();
        if ("Point".equals(g.get("type").getAsString())) {
            return Area.circle(latLon(g.getAsJsonArray("coordinates")), radius);
        }
        List<List<List<LatLon>>> polygons = new ArrayList<>();
        for (JsonElement p : g.getAsJsonArray("coordinates")) {
            List<List<LatLon>> rings = new ArrayList<>();
            for (JsonElement r : p.getAsJsonArray()) {
                List<LatLon> ring = new ArrayList<>();
                for (JsonElement pt : r.getAsJsonArray()) {
                    ring.add(latLon(pt.getAsJsonArray()));
                }
                rings.add(ring);
            }
            polygons.add(rings);
        }
        return new Area(polygons, null, 0);
    }

    private static LatLon latLon(JsonArray a) {
        return new LatLon(a.get(1).getAsDouble(), a.get(0).getAsDouble());
    }

    private static Hotspot toHotspot(HotspotRecord r) {
        return new Hotspot(r.getId(), r.getName(), HotspotType.valueOf(r.getHotspotType()), Severity.valueOf(r.getSeverity()),
                r.getValidFrom(), r.getValidTo(), r.getSource(), r.getNotes(), decode(r.getGeometry(), r.getRadiusM()),
                r.getRowVersion());
    }
}
