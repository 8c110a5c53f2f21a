package org.consulardesk.map.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.consulardesk.core.UserError;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.LatLon;
import org.junit.jupiter.api.Test;

class AreaGeometryTest {
    private static Area square(double south, double west, double north, double east) {
        return Area.polygon(List.of(new LatLon(south, west), new LatLon(south, east), new LatLon(north, east),
                new LatLon(north, west), new LatLon(south, west)));
    }

    @Test
    void pointInPolygonWithAndWithoutBuffer() {
        // About 11 km square around central Nairobi.
        Area area = square(-1.35, 36.75, -1.25, 36.85);
        AreaGeometry plain = AreaGeometry.of(area, 0);
        assertThat(plain.contains(-1.29, 36.82)).isTrue();
        assertThat(plain.contains(-1.20, 36.82)).as("5.5 km north").isFalse();
        AreaGeometry buffered = AreaGeometry.of(area, 6);
        assertThat(buffered.contains(-1.20, 36.82)).as("inside a 6 km buffer").isTrue();
        assertThat(buffered.contains(-1.15, 36.82)).as("11 km north, beyond 6 km").isFalse();
    }

    @Test
    void circleDistancesAreOnTheSphere() {
        AreaGeometry circle = AreaGeometry.of(Area.circle(new LatLon(60, 25), 10_000), 0);
        // 0.089 degrees of latitude is about 9.9 km; at 60 N, 0.18 degrees of longitude is about 10 km.
        assertThat(circle.contains(60.089, 25)).isTrue();
        assertThat(circle.contains(60.091, 25)).isFalse();
        assertThat(circle.contains(60, 25.178)).isTrue();
        assertThat(circle.contains(60, 25.182)).isFalse();
        assertThat(AreaGeometry.of(Area.circle(new LatLon(60, 25), 10_000), 2).contains(60.091, 25)).isTrue();
    }

    @Test
    void polygonAcrossTheAntimeridian() {
        // Fiji: from 177 E across 180 to 179 W.
        Area fiji = square(-19, 177, -16, -179);
        AreaGeometry g = AreaGeometry.of(fiji, 0);
        assertThat(g.contains(-17.5, 178.4)).isTrue();
        assertThat(g.contains(-17.5, -179.5)).isTrue();
        assertThat(g.contains(-17.5, 179.999)).isTrue();
        assertThat(g.contains(-17.5, 0)).isFalse();
        assertThat(g.contains(-17.5, 176)).isFalse();
        assertThat(g.contains(-17.5, -178)).isFalse();
        GeoBox box = g.box();
        assertThat(box.crossesAntimeridian()).isTrue();
        assertThat(box.widthDegrees()).isLessThan(5);
        assertThat(box.contains(-17.5, 179.9)).isTrue();
        assertThat(box.contains(-17.5, -179.9)).isTrue();
    }

    @Test
    void bufferAcrossTheAntimeridianReachesTheOtherSide() {
        Area east = square(-18, 179.0, -17, 179.9);
        AreaGeometry g = AreaGeometry.of(east, 20);
        // 0.15 degrees east of 179.9 is -179.95: about 16 km, inside a 20 km buffer.
        assertThat(g.contains(-17.5, -179.95)).isTrue();
        assertThat(g.box().crossesAntimeridian()).isTrue();
    }

    @Test
    void areaAroundTheNorthPole() {
        // A ring at 85 N around the pole: the pole and everything north of 85 are inside.
        List<LatLon> ring = List.of(new LatLon(85, 0), new LatLon(85, 90), new LatLon(85, 180), new LatLon(85, -90), new LatLon(85, 0));
        AreaGeometry g = AreaGeometry.of(Area.polygon(ring), 0);
        assertThat(g.contains(90, 0)).isTrue();
        assertThat(g.contains(88, 135)).isTrue();
        assertThat(g.contains(86, -45)).isTrue();
        assertThat(g.contains(80, 10)).isFalse();
        GeoBox box = g.box();
        assertThat(box.north()).isEqualTo(90);
        assertThat(box.widthDegrees()).isEqualTo(360);
        assertThat(box.south()).isCloseTo(85, within(0.5));
    }

    @Test
    void circleNearTheSouthPoleCoversThePole() {
        AreaGeometry g = AreaGeometry.of(Area.circle(new LatLon(-89.5, 40), 100_000), 0);
        assertThat(g.contains(-90, 0)).isTrue();
        assertThat(g.contains(-89.5, -140)).as("across the pole, 111 km from the centre").isFalse();
        assertThat(g.contains(-89.65, -140)).as("across the pole, 95 km away").isTrue();
        assertThat(g.box().south()).isEqualTo(-90);
    }

    @Test
    void invalidAreasAreRefusedWithAReason() {
        Area bowTie = Area.polygon(List.of(new LatLon(0, 0), new LatLon(1, 1), new LatLon(0, 1), new LatLon(1, 0), new LatLon(0, 0)));
        assertThatThrownBy(() -> AreaGeometry.of(bowTie, 0)).isInstanceOf(UserError.class)
                .extracting(e -> ((UserError) e).key()).isEqualTo("error.map.area.invalid");
        Area line = Area.polygon(List.of(new LatLon(0, 0), new LatLon(1, 1), new LatLon(0, 0)));
        assertThatThrownBy(() -> AreaGeometry.of(line, 0)).extracting(e -> ((UserError) e).key())
                .isEqualTo("error.map.area.tooFewPoints");
        assertThatThrownBy(() -> AreaGeometry.of(square(-60, -100, 60, 100), 0)).extracting(e -> ((UserError) e).key())
                .isEqualTo("error.map.area.tooLarge");
        assertThatThrownBy(() -> AreaGeometry.of(square(0, 0, 1, 1), -1)).extracting(e -> ((UserError) e).key())
                .isEqualTo("error.map.area.buffer");
    }

    @Test
    void projectionRoundTripsFarFromTheCentre() {
        LocalProjection p = new LocalProjection(new LatLon(-17, 179.5));
        double[] xy = p.forward(-16, -178);
        LatLon back = p.inverse(xy[0], xy[1]);
        assertThat(back.lat()).isCloseTo(-16, within(1e-9));
        assertThat(back.lon()).isCloseTo(-178, within(1e-9));
        assertThat(LocalProjection.centreOf(List.of(new LatLon(0, 179), new LatLon(0, -179))).lon())
                .isCloseTo(180, within(1e-9));
    }
}
