package org.consulardesk.map.service;

import java.util.ArrayList;
import java.util.List;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.TileKey;

/**
 * Web Mercator (EPSG:3857) tile arithmetic as used by OpenStreetMap and MBTiles: 256-pixel tiles,
 * zoom z has 2^z x 2^z tiles, rows counted from the north. Latitudes are clamped to the Mercator limit.
 */
public final class TileMath {
    public static final int TILE_SIZE = 256;
    public static final double MAX_LATITUDE = 85.0511287798;
    /** Equatorial radius of the WGS 84 ellipsoid, the sphere Web Mercator uses. */
    public static final double EARTH_RADIUS_M = 6_378_137.0;

    private TileMath() {
    }

    /** Global pixel x at zoom z (0 at 180 W). */
    public static double pixelX(double lon, double z) {
        return (lon + 180.0) / 360.0 * TILE_SIZE * Math.pow(2, z);
    }

    /** Global pixel y at zoom z (0 at the northern Mercator limit). */
    public static double pixelY(double lat, double z) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double rad = Math.toRadians(clamped);
        return (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * TILE_SIZE * Math.pow(2, z);
    }

    public static double lonOfPixel(double px, double z) {
        return px / (TILE_SIZE * Math.pow(2, z)) * 360.0 - 180.0;
    }

    public static double latOfPixel(double py, double z) {
        double n = Math.PI - 2 * Math.PI * py / (TILE_SIZE * Math.pow(2, z));
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    public static TileKey tileAt(double lat, double lon, int z) {
        long n = 1L << z;
        long x = (long) Math.floor(pixelX(lon, z) / TILE_SIZE);
        long y = (long) Math.floor(pixelY(lat, z) / TILE_SIZE);
        return new TileKey(z, Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y)));
    }

    /** The box a tile covers. */
    public static GeoBox bounds(TileKey t) {
        return new GeoBox(latOfPixel((t.y() + 1) * (double) TILE_SIZE, t.z()), lonOfPixel(t.x() * (double) TILE_SIZE, t.z()),
                latOfPixel(t.y() * (double) TILE_SIZE, t.z()), lonOfPixel((t.x() + 1) * (double) TILE_SIZE, t.z()));
    }

    /** Metres on the ground per screen pixel at a latitude and (fractional) zoom. */
    public static double metresPerPixel(double lat, double z) {
        return Math.cos(Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)))) * 2 * Math.PI * EARTH_RADIUS_M
                / (TILE_SIZE * Math.pow(2, z));
    }

    /** Columns x from..to (inclusive) and rows y from..to of a box at one zoom; two column ranges across the antimeridian. */
    public record TileRange(int z, long minX, long maxX, long minY, long maxY) {
        public long count() {
            return (maxX - minX + 1) * (maxY - minY + 1);
        }
    }

    public static List<TileRange> ranges(GeoBox box, int z) {
        long minY = tileAt(box.north(), 0, z).y();
        long maxY = tileAt(box.south(), 0, z).y();
        List<TileRange> out = new ArrayList<>(2);
        if (box.crossesAntimeridian()) {
            out.add(new TileRange(z, tileAt(0, box.west(), z).x(), (1L << z) - 1, minY, maxY));
            out.add(new TileRange(z, 0, tileAt(0, box.east(), z).x(), minY, maxY));
        } else {
            out.add(new TileRange(z, tileAt(0, box.west(), z).x(), tileAt(0, box.east(), z).x(), minY, maxY));
        }
        return out;
    }

    /** Tiles of a box over a zoom range (both inclusive). */
    public static long tileCount(GeoBox box, int minZoom, int maxZoom) {
        long total = 0;
        for (int z = minZoom; z <= maxZoom; z++) {
            for (TileRange r : ranges(box, z)) {
                total += r.count();
            }
        }
        return total;
    }

    /** Every tile of a box over a zoom range, lowest zoom first, row by row: the order downloads use. */
    public static List<TileKey> tiles(GeoBox box, int minZoom, int maxZoom, long limit) {
        List<TileKey> out = new ArrayList<>();
        for (int z = minZoom; z <= maxZoom; z++) {
            for (TileRange r : ranges(box, z)) {
                for (long y = r.minY(); y <= r.maxY(); y++) {
                    for (long x = r.minX(); x <= r.maxX(); x++) {
                        if (out.size() >= limit) {
                            return out;
                        }
                        out.add(new TileKey(z, x, y));
                    }
                }
            }
        }
        return out;
    }
}
