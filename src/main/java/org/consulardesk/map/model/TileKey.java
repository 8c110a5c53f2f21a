package org.consulardesk.map.model;

/** One 256-pixel Web Mercator ("slippy map") tile: zoom level z, column x, row y counted from the north. */
public record TileKey(int z, long x, long y) {
    public TileKey {
        if (z < 0 || z > 22) {
            throw new IllegalArgumentException("zoom out of range");
        }
        long n = 1L << z;
        if (x < 0 || x >= n || y < 0 || y >= n) {
            throw new IllegalArgumentException("tile out of range");
        }
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
