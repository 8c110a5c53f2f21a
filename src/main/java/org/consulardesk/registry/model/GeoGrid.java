package org.consulardesk.registry.model;

/**
 * The grid registrants are counted in (ADR 0045): at level L a cell is 360 / 2^L degrees wide and
 * tall, rows counted from the South Pole and columns from the antimeridian, so the cells of level
 * L + 1 nest four to a cell of level L. Each located registrant carries its cell at
 * {@link #FINE_LEVEL} ({@code person.geo_cell}); {@code person_cell} counts them at levels
 * {@link #COARSEST_LEVEL} to {@link #FINE_LEVEL}. The formulas match migration V11.
 */
public final class GeoGrid {
    /** Cells of about 600 m: the level stored on every person. */
    public static final int FINE_LEVEL = 16;
    /** Cells of 90 degrees: the coarsest level counted. */
    public static final int COARSEST_LEVEL = 2;
    /** Row multiplier of {@code geo_cell} (2^(FINE_LEVEL + 1), above any column number). */
    public static final long ROW_STRIDE = 131072;

    private GeoGrid() {
    }

    /** Cell size at a level, in degrees (exact: a power of two divides 360). */
    public static double size(int level) {
        return 360.0 / (1L << level);
    }

    public static int row(double latitude, int level) {
        return (int) Math.floor((latitude + 90) / size(level));
    }

    public static int column(double longitude, int level) {
        return (int) Math.floor((longitude + 180) / size(level));
    }

    /** The {@code geo_cell} value of a point (fine level). */
    public static long fineCell(double latitude, double longitude) {
        return row(latitude, FINE_LEVEL) * ROW_STRIDE + column(longitude, FINE_LEVEL);
    }

    /** The level whose cells are about 64 pixels wide at a Web Mercator zoom (256-pixel tiles). */
    public static int levelForZoom(double zoom) {
        return (int) Math.floor(zoom) + 2;
    }

    /** South-west corner latitude of a row at a level. */
    public static double rowSouth(int row, int level) {
        return row * size(level) - 90;
    }

    /** South-west corner longitude of a column at a level. */
    public static double columnWest(int column, int level) {
        return column * size(level) - 180;
    }
}
