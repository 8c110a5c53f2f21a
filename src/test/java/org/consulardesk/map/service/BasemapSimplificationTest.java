package org.consulardesk.map.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.consulardesk.map.model.TileKey;
import org.junit.jupiter.api.Test;

/** The basemap drawn faster must stay the same map: simplified lines within tolerance, PNGs pixel for pixel. */
class BasemapSimplificationTest {

    @Test
    void everyDroppedPointLiesWithinTheToleranceOfTheSimplifiedLine() {
        SplittableRandom random = new SplittableRandom(5);
        for (int k = 0; k < 200; k++) {
            int n = 2 + random.nextInt(3_000);
            float[] xy = wiggle(n, random);
            boolean ring = k % 2 == 0;
            if (ring) {
                xy[2 * n - 2] = xy[0];
                xy[2 * n - 1] = xy[1];
            }
            double tolerance = 0.5 + random.nextDouble() * 20;
            float[] s = LineSimplifier.simplify(xy, tolerance, ring);
            assertThat(maxStray(xy, s)).as("line %d", k).isLessThanOrEqualTo(tolerance * (1 + 1e-6));
            assertThat(s[0]).isEqualTo(xy[0]);
            assertThat(s[s.length - 1]).isEqualTo(xy[xy.length - 1]);
            if (ring && n >= 4) {
                assertThat(s.length / 2).as("a ring keeps a shape").isGreaterThanOrEqualTo(3);
            }
        }
        // A straight line of many points keeps only its ends (within one stretch).
        float[] straight = new float[200];
        for (int i = 0; i < 100; i++) {
            straight[2 * i] = i;
            straight[2 * i + 1] = 2 * i;
        }
        assertThat(LineSimplifier.simplify(straight, 0.01, false)).containsExactly(0, 0, 99, 198);
    }

    @Test
    void simplifiedZoomsStayWithinAThirdOfAPixelOfTheStoredLinesAndDropMostPoints() {
        BasemapData data = BasemapData.bundled();
        for (int z = 0; z <= BasemapData.MAX_SIMPLIFIED_ZOOM; z++) {
            BasemapZoom zoom = data.at(z);
            double tolerance = BasemapZoom.TOLERANCE_PX / (TileMath.TILE_SIZE * Math.pow(2, z));
            assertThat(zoom.tolerance()).isEqualTo(tolerance);
            BasemapData.Layer stored = data.layerFor(z);
            double worst = 0;
            long storedPoints = 0;
            long keptPoints = 0;
            for (int p = 0; p < stored.land().size(); p++) {
                List<BasemapData.Line> rings = stored.land().get(p).rings();
                for (int r = 0; r < rings.size(); r++) {
                    worst = Math.max(worst, maxStray(rings.get(r).xy(), zoom.land().get(p).rings().get(r).xy()));
                    storedPoints += rings.get(r).points();
                    keptPoints += zoom.land().get(p).rings().get(r).points();
                }
            }
            for (int i = 0; i < stored.borders().size(); i++) {
                worst = Math.max(worst, maxStray(stored.borders().get(i).xy(), zoom.borders().get(i).xy()));
            }
            for (int i = 0; i < data.admin1().size(); i += 7) {
                worst = Math.max(worst, maxStray(data.admin1().get(i).xy(), zoom.admin1().get(i).xy()));
            }
            assertThat(worst).as("zoom %d: farthest stray in pixels", z).isLessThanOrEqualTo(tolerance * 1.0001);
            assertThat(keptPoints).as("zoom %d keeps fewer land points", z).isLessThan(storedPoints * (z <= 2 ? 1 : 2) / 2);
        }
        // Close views draw the stored lines.
        assertThat(data.at(BasemapData.MAX_SIMPLIFIED_ZOOM + 1).land()).isEqualTo(data.layerFor(12).land());
    }

    @Test
    void theIndexFindsEveryFeatureThatTouchesATile() {
        BasemapZoom zoom = BasemapData.bundled().at(8);
        TileKey tile = TileMath.tileAt(-1.2864, 36.8172, 8);
        double n = Math.pow(2, 8);
        double x0 = tile.x() / n;
        double y0 = tile.y() / n;
        double x1 = (tile.x() + 1) / n;
        double y1 = (tile.y() + 1) / n;
        List<BasemapData.Line> touching = new ArrayList<>();
        for (BasemapData.Line l : zoom.admin1()) {
            if (l.intersects(0, x0, y0, x1, y1)) {
                touching.add(l);
            }
        }
        assertThat(touching).isNotEmpty();
        assertThat(zoom.admin1(x0, y0, x1, y1)).containsExactlyInAnyOrderElementsOf(touching);
        // Eurasia-Africa's ring is unwrapped past the antimeridian: a tile finds it shifted by a world.
        List<BasemapData.Polygon> land = new ArrayList<>();
        for (double dx : new double[] {-1, 0, 1}) {
            land.addAll(zoom.land(x0 - dx, y0, x1 - dx, y1));
        }
        assertThat(land).isNotEmpty();
    }

    @Test
    void pngWrittenHereReadsBackPixelForPixelAndReusedImagesLeaveNoTrace() throws Exception {
        BasemapRenderer renderer = BasemapRenderer.bundled();
        // A busy world tile first, then a quiet city tile on the same thread (same reused image).
        renderer.renderPng(TileMath.tileAt(48, 12, 4));
        TileKey city = TileMath.tileAt(-1.2864, 36.8172, 12);
        BufferedImage fromPng = ImageIO.read(new ByteArrayInputStream(renderer.renderPng(city)));
        BufferedImage drawn = renderer.render(city);
        assertThat(fromPng.getWidth()).isEqualTo(256);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                assertThat(fromPng.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(drawn.getRGB(x, y) & 0xffffff);
            }
        }
    }

    /** A random walk with some long straight runs, in arbitrary units. */
    private static float[] wiggle(int n, SplittableRandom random) {
        float[] xy = new float[2 * n];
        double x = 0;
        double y = 0;
        double heading = 0;
        for (int i = 0; i < n; i++) {
            heading += random.nextInt(10) == 0 ? random.nextDouble() * 3 - 1.5 : random.nextDouble() * 0.4 - 0.2;
            x += Math.cos(heading) * (0.2 + random.nextDouble() * 3);
            y += Math.sin(heading) * (0.2 + random.nextDouble() * 3);
            xy[2 * i] = (float) x;
            xy[2 * i + 1] = (float) y;
        }
        return xy;
    }

    /**
     * How far the stored points stray from the simplified line: the simplified points are a
     * subsequence of the stored ones, so each stored point is measured against the segment between
     * the kept points around it.
     */
    static double maxStray(float[] stored, float[] simplified) {
        int n = stored.length / 2;
        int m = simplified.length / 2;
        int[] at = new int[m];
        int j = 0;
        for (int i = 0; i < n && j < m; i++) {
            if (stored[2 * i] == simplified[2 * j] && stored[2 * i + 1] == simplified[2 * j + 1]) {
                at[j++] = i;
            }
        }
        assertThat(j).as("simplified points are stored points, in order").isEqualTo(m);
        assertThat(at[m - 1]).as("the last point is kept").isEqualTo(n - 1);
        double worst = 0;
        for (int k = 0; k + 1 < m; k++) {
            for (int i = at[k] + 1; i < at[k + 1]; i++) {
                worst = Math.max(worst, Math.sqrt(LineSimplifier.distance2(stored, i, at[k], at[k + 1])));
            }
        }
        return worst;
    }
}
