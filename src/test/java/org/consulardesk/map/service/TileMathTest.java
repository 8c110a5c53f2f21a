package org.consulardesk.map.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.TileKey;
import org.junit.jupiter.api.Test;

class TileMathTest {
    @Test
    void knownTilesOfOpenStreetMap() {
        // Berlin (52.52 N, 13.405 E) is tile 12/2200/1343 on openstreetmap.org.
        assertThat(TileMath.tileAt(52.52, 13.405, 12)).isEqualTo(new TileKey(12, 2200, 1343));
        assertThat(TileMath.tileAt(0, 0, 1)).isEqualTo(new TileKey(1, 1, 1));
        assertThat(TileMath.tileAt(85, -180, 3)).isEqualTo(new TileKey(3, 0, 0));
        assertThat(TileMath.tileAt(-89, 180, 3)).isEqualTo(new TileKey(3, 7, 7));
    }

    @Test
    void pixelsAndCoordinatesRoundTrip() {
        for (double lat : new double[] {-80, -33.9, 0, 45.5, 84}) {
            double y = TileMath.pixelY(lat, 7.5);
            assertThat(TileMath.latOfPixel(y, 7.5)).isCloseTo(lat, within(1e-9));
        }
        assertThat(TileMath.lonOfPixel(TileMath.pixelX(-122.4, 10), 10)).isCloseTo(-122.4, within(1e-9));
    }

    @Test
    void tileBoundsContainTheirPoint() {
        TileKey t = TileMath.tileAt(-1.2864, 36.8172, 11);
        GeoBox box = TileMath.bounds(t);
        assertThat(box.contains(-1.2864, 36.8172)).isTrue();
        assertThat(box.north() - box.south()).isCloseTo(360.0 / 2048, within(0.01));
    }

    @Test
    void countsTilesOfAnAreaOverZooms() {
        assertThat(TileMath.tileCount(GeoBox.WORLD, 0, 2)).isEqualTo(1 + 4 + 16);
        GeoBox small = TileMath.bounds(new TileKey(10, 600, 400));
        GeoBox inner = new GeoBox(small.south() + 1e-6, small.west() + 1e-6, small.north() - 1e-6, small.east() - 1e-6);
        assertThat(TileMath.tileCount(inner, 10, 12)).isEqualTo(1 + 4 + 16);
        assertThat(TileMath.tiles(inner, 10, 12, 100)).hasSize(21).first().isEqualTo(new TileKey(10, 600, 400));
    }

    @Test
    void areasAcrossTheAntimeridianSplitIntoTwoColumnRanges() {
        GeoBox fiji = new GeoBox(-19, 177, -16, -179);
        assertThat(fiji.crossesAntimeridian()).isTrue();
        assertThat(fiji.widthDegrees()).isCloseTo(4, within(1e-9));
        assertThat(TileMath.ranges(fiji, 4)).hasSize(2);
        assertThat(TileMath.tileCount(fiji, 4, 4)).isEqualTo(2);
        assertThat(fiji.contains(-17, 178)).isTrue();
        assertThat(fiji.contains(-17, -179.5)).isTrue();
        assertThat(fiji.contains(-17, 0)).isFalse();
    }

    @Test
    void metresPerPixelShrinkWithZoomAndLatitude() {
        assertThat(TileMath.metresPerPixel(0, 0)).isCloseTo(156_543.03, within(0.1));
        assertThat(TileMath.metresPerPixel(60, 0)).isCloseTo(156_543.03 / 2, within(0.1));
        assertThat(TileMath.metresPerPixel(0, 10)).isCloseTo(156_543.03 / 1024, within(0.01));
    }
}
