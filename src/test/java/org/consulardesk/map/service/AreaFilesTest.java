package org.consulardesk.map.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.consulardesk.core.UserError;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotType;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AreaFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private static String key(Runnable r) {
        try {
            r.run();
        } catch (UserError e) {
            return e.key();
        }
        throw new AssertionError("no error");
    }

    @Test
    void readsFeatureCollectionsWithPropertiesAndCircles() throws Exception {
        Path f = write("areas.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "Flood zone", "type": "natural hazard", "severity": "severe"},
                   "geometry": {"type": "Polygon", "coordinates": [[[36.8,-1.3],[36.9,-1.3],[36.9,-1.2],[36.8,-1.2],[36.8,-1.3]]]}},
                  {"type": "Feature", "properties": {"name": "Protest", "radius_m": 1500},
                   "geometry": {"type": "Point", "coordinates": [36.82, -1.28]}},
                  {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[0,0],[1,1]]}}
                ]}""");
        List<AreaFiles.NamedArea> areas = AreaFiles.read(f);
        assertThat(areas).extracting(AreaFiles.NamedArea::name).containsExactly("Flood zone", "Protest");
        assertThat(areas.get(0).type()).isEqualTo(HotspotType.NATURAL_HAZARD);
        assertThat(areas.get(0).severity()).isEqualTo(Severity.SEVERE);
        assertThat(areas.get(1).area().isCircle()).isTrue();
        assertThat(areas.get(1).area().radiusMetres()).isEqualTo(1500);
    }

    @Test
    void brokenGeoJsonGivesClearMessages() throws Exception {
        assertThat(key(() -> AreaFiles.read(path("a.geojson", "{\"type\": \"Feature\", ")))).isEqualTo("error.map.geojson.syntax");
        assertThat(key(() -> AreaFiles.read(path("b.geojson", "{\"type\": \"Polygon\", \"coordinates\": [[[200,0],[1,0],[1,1],[200,0]]]}"))))
                .isEqualTo("error.map.geojson.coordinates");
        assertThat(key(() -> AreaFiles.read(path("c.geojson", "{\"type\": \"Topology\"}")))).isEqualTo("error.map.geojson.type");
        assertThat(key(() -> AreaFiles.read(path("d.geojson", "{\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[0,0]]]}"))))
                .isEqualTo("error.map.area.tooFewPoints");
        assertThat(key(() -> AreaFiles.read(path("e.geojson", "{\"type\": \"FeatureCollection\", \"features\": []}"))))
                .isEqualTo("error.map.file.noArea");
        assertThatThrownBy(() -> AreaFiles.read(path("f.geojson", "[1,2"))).hasMessageContaining("f.geojson");
    }

    @Test
    void readsKmlPlacemarksWithHolesAndRefusesBrokenKml() throws Exception {
        Path kml = write("zone.kml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document>
                  <Placemark><name>Evacuation zone</name><description>From partner</description>
                    <Polygon><outerBoundaryIs><LinearRing><coordinates>
                      36.7,-1.4,0 36.95,-1.4,0 36.95,-1.15,0 36.7,-1.15,0 36.7,-1.4,0
                    </coordinates></LinearRing></outerBoundaryIs>
                    <innerBoundaryIs><LinearRing><coordinates>
                      36.8,-1.3 36.85,-1.3 36.85,-1.25 36.8,-1.25 36.8,-1.3
                    </coordinates></LinearRing></innerBoundaryIs></Polygon>
                  </Placemark>
                  <Placemark><name>Office</name><Point><coordinates>36.8,-1.3</coordinates></Point></Placemark>
                </Document></kml>""");
        List<AreaFiles.NamedArea> areas = AreaFiles.read(kml);
        assertThat(areas).hasSize(1);
        assertThat(areas.get(0).name()).isEqualTo("Evacuation zone");
        assertThat(areas.get(0).area().polygons().get(0)).hasSize(2);
        AreaGeometry g = AreaGeometry.of(areas.get(0).area(), 0);
        assertThat(g.contains(-1.35, 36.75)).isTrue();
        assertThat(g.contains(-1.28, 36.82)).as("in the hole").isFalse();

        assertThat(key(() -> AreaFiles.read(path("x.kml", "<kml><Placemark>")))).isEqualTo("error.map.kml.syntax");
        assertThat(key(() -> AreaFiles.read(path("y.kml", "<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>"
                + "a,b c,d e,f g,h</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>"))))
                .isEqualTo("error.map.kml.coordinates");
        assertThat(key(() -> AreaFiles.read(path("z.kml", "<!DOCTYPE kml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><kml>&x;</kml>"))))
                .as("no external entities").isEqualTo("error.map.kml.syntax");
    }

    @Test
    void exportsRfc7946AndReadsItBack() throws Exception {
        Area square = Area.polygon(List.of(new LatLon(-1.3, 36.8), new LatLon(-1.2, 36.8), new LatLon(-1.2, 36.9),
                new LatLon(-1.3, 36.9)));
        Hotspot polygon = new Hotspot(1, "Square", HotspotType.UNREST, Severity.WARNING, java.time.LocalDate.of(2026, 11, 1),
                null, "Partner", "Notes", square, 1);
        Hotspot circle = new Hotspot(2, "Circle", HotspotType.EPIDEMIC, Severity.EXTREME, null, null, null, null,
                Area.circle(new LatLon(-1.28, 36.82), 2500), 1);
        String json = AreaFiles.toGeoJson(List.of(polygon, circle));
        assertThat(json).contains("\"FeatureCollection\"", "\"MultiPolygon\"", "\"radius_m\": 2500.0", "\"valid_from\": \"2026-11-01\"");
        // RFC 7946: outer rings counter-clockwise. The input above was clockwise.
        assertThat(json.indexOf("36.9,\n")).isLessThan(json.indexOf("-1.2\n"));
        List<AreaFiles.NamedArea> back = AreaFiles.readGeoJson(json, "export.geojson");
        assertThat(back).extracting(AreaFiles.NamedArea::name).containsExactly("Square", "Circle");
        assertThat(back.get(1).area()).isEqualTo(circle.area());
        assertThat(back.get(0).type()).isEqualTo(HotspotType.UNREST);
        assertThat(AreaGeometry.of(back.get(0).area(), 0).contains(-1.25, 36.85)).isTrue();
    }

    private Path path(String name, String content) {
        try {
            return write(name, content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
