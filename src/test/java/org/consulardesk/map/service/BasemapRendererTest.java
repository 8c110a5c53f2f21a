package org.consulardesk.map.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.consulardesk.map.model.Tile;
import org.consulardesk.map.model.TileKey;
import org.consulardesk.map.model.TileOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no network and nothing cached, the map still shows land, sea, borders and names. */
class BasemapRendererTest {
    @TempDir
    Path dir;

    @Test
    void tileDrawnOfflineShowsLandSeaBordersAndLabels() throws Exception {
        // Zoom 5 around Cairo: Mediterranean, Nile delta, borders with Libya and Sudan, city names.
        BasemapService basemap = new BasemapService(new TileCache(dir.resolve("cache")), dir.resolve("mbtiles"),
                BasemapRenderer.bundled(), null);
        Tile tile = basemap.tile(TileMath.tileAt(30.04, 31.24, 5));
        assertThat(tile.origin()).isEqualTo(TileOrigin.RENDERED);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(tile.image()));
        assertThat(image.getWidth()).isEqualTo(256);

        int sea = 0;
        int land = 0;
        int border = 0;
        int text = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                Color c = new Color(image.getRGB(x, y));
                colours.add(c.getRGB());
                if (near(c, BasemapRenderer.SEA, 6)) {
                    sea++;
                } else if (near(c, BasemapRenderer.LAND, 6)) {
                    land++;
                } else if (near(c, BasemapRenderer.BORDER, 40) && c.getBlue() > c.getGreen() + 15) {
                    border++;
                } else if (c.getRed() < 80 && c.getGreen() < 80 && c.getBlue() < 80) {
                    text++;
                }
            }
        }
        assertThat(sea).as("sea pixels").isGreaterThan(2_000);
        assertThat(land).as("land pixels").isGreaterThan(20_000);
        assertThat(border).as("border pixels").isGreaterThan(100);
        assertThat(text).as("label pixels").isGreaterThan(80);
        assertThat(colours).as("not a uniform image").hasSizeGreaterThan(50);
    }

    @Test
    void firstLevelAdministrativeBordersAreDrawnInsideCountries() {
        BasemapRenderer renderer = BasemapRenderer.bundled();
        assertThat(BasemapData.bundled().admin1()).hasSizeGreaterThan(5_000);
        // Zoom 7 over central Kenya: no country border, but provincial borders cross the tile.
        BufferedImage kenya = renderer.render(TileMath.tileAt(-0.4, 37.6, 7));
        int admin1 = 0;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                if (near(new Color(kenya.getRGB(x, y)), BasemapRenderer.ADMIN1, 10)) {
                    admin1++;
                }
            }
        }
        assertThat(admin1).as("admin-1 border pixels").isGreaterThan(25);
    }

    private static int provinceNamePixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (near(new Color(image.getRGB(x, y)), BasemapRenderer.ADMIN1_TEXT, 12)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void provinceNamesShowWhereTheirBordersDoAndRepeatInCloseViews() {
        BasemapData data = BasemapData.bundled();
        assertThat(data.admin1Labels()).hasSizeGreaterThan(3_000)
                .anySatisfy(a -> assertThat(a.name()).isEqualTo("Nairobi"))
                .allSatisfy(a -> assertThat(a.lat()).isBetween(-90.0, 90.0));
        assertThat(data.admin1Grid()).hasSizeGreaterThan(10_000);
        BasemapRenderer renderer = BasemapRenderer.bundled();
        // Kenya's Eastern province at zoom 6 (its label point), Nairobi province at city level (zoom 10,
        // moved below the city's own name), and the Rift Valley on a grid point at zoom 11 far from its label point.
        assertThat(provinceNamePixels(renderer.render(TileMath.tileAt(2.6487, 37.9099, 6)))).as("Eastern, zoom 6").isGreaterThan(15);
        assertThat(provinceNamePixels(renderer.render(TileMath.tileAt(-1.2849, 36.8385, 10)))).as("Nairobi, zoom 10").isGreaterThan(15);
        assertThat(provinceNamePixels(renderer.render(TileMath.tileAt(-1.0, 36.0, 11)))).as("Rift Valley, zoom 11").isGreaterThan(15);
    }

    @Test
    void worldViewIsNotUniformAndCityZoomStillShowsPlaces() throws Exception {
        BasemapRenderer renderer = BasemapRenderer.bundled();
        BufferedImage world = renderer.render(new TileKey(0, 0, 0));
        assertThat(distinctColours(world)).isGreaterThan(50);
        // Zoom 11 over central Nairobi: all land, but the capital is labelled.
        BufferedImage city = renderer.render(TileMath.tileAt(-1.2864, 36.8172, 11));
        assertThat(darkPixels(city)).as("label of Nairobi").isGreaterThan(60);
    }

    @Test
    void acrossTheAntimeridianNoStripeCutsTheLand() {
        // Chukotka is split at 180 degrees in the source; a wrong join draws a sea band through Asia.
        BufferedImage t = BasemapRenderer.bundled().render(TileMath.tileAt(66, 100, 2));
        int row = (int) (TileMath.pixelY(66, 2) % 256);
        int seaInRow = 0;
        for (int x = 0; x < 256; x++) {
            if (near(new Color(t.getRGB(x, row)), BasemapRenderer.SEA, 6)) {
                seaInRow++;
            }
        }
        assertThat(seaInRow).isLessThan(128);
    }

    static boolean near(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
                && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static int darkPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() < 80 && c.getGreen() < 80 && c.getBlue() < 80) {
                    n++;
                }
            }
        }
        return n;
    }
}
