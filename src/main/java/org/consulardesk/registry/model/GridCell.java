package org.consulardesk.registry.model;

import java.util.List;

/**
 * One cell of the registrants' grid ({@link GeoGrid}) at a level up to {@link GeoGrid#FINE_LEVEL}: at
 * level L rows 0 to 2^(L-1) - 1 from the South Pole and columns 0 to 2^L - 1 from the antimeridian,
 * plus the edge row 2^(L-1) for points at latitude 90 and the edge column 2^L for longitude 180 (the
 * formulas of V11 put them there). Its registrants are those whose fine cell ({@code person.geo_cell})
 * lies in it: cell (L, r, c) holds the fine rows and columns that shift right by 16 - L to r and c.
 */
public record GridCell(int level, int row, int column) {
    public GridCell {
        if (level < 1 || level > GeoGrid.FINE_LEVEL || row < 0 || column < 0 || row > (1 << (level - 1))
                || column > (1 << level)) {
            throw new IllegalArgumentException("no such cell");
        }
    }

    /** The cell of a level that holds a point (latitude 90 and longitude 180 fall in an edge row or column of their own). */
    public static GridCell at(double latitude, double longitude, int level) {
        return new GridCell(level, GeoGrid.row(latitude, level), GeoGrid.column(longitude, level));
    }

    /** Whether this is the edge row at latitude 90 or the edge column at longitude 180 (no area of its own). */
    public boolean isEdge() {
        return row == (1 << (level - 1)) || column == (1 << level);
    }

    /** The fine cell of a {@code geo_cell} value. */
    public static GridCell ofFine(long geoCell) {
        return new GridCell(GeoGrid.FINE_LEVEL, (int) (geoCell / GeoGrid.ROW_STRIDE), (int) (geoCell % GeoGrid.ROW_STRIDE));
    }

    public double size() {
        return GeoGrid.size(level);
    }

    public double south() {
        return GeoGrid.rowSouth(row, level);
    }

    public double north() {
        return south() + size();
    }

    public double west() {
        return GeoGrid.columnWest(column, level);
    }

    public double east() {
        return west() + size();
    }

    /**
     * The cells of the next level inside this one: four (south-west, south-east, north-west, north-east),
     * fewer for edge cells (the edge row and column have no cells beyond them).
     */
    public List<GridCell> children() {
        int l = level + 1;
        List<GridCell> out = new java.util.ArrayList<>(4);
        for (int r = row * 2; r <= row * 2 + 1 && r <= (1 << (l - 1)); r++) {
            for (int c = column * 2; c <= column * 2 + 1 && c <= (1 << l); c++) {
                out.add(new GridCell(l, r, c));
            }
        }
        return out;
    }

    /** Fine rows (inclusive) this cell spans. */
    public int fineRowFrom() {
        return row << (GeoGrid.FINE_LEVEL - level);
    }

    public int fineRowTo() {
        return ((row + 1) << (GeoGrid.FINE_LEVEL - level)) - 1;
    }

    public int fineColumnFrom() {
        return column << (GeoGrid.FINE_LEVEL - level);
    }

    public int fineColumnTo() {
        return ((column + 1) << (GeoGrid.FINE_LEVEL - level)) - 1;
    }

    /** The {@code geo_cell} value (fine level only). */
    public long geoCell() {
        if (level != GeoGrid.FINE_LEVEL) {
            throw new IllegalStateException("not a fine cell");
        }
        return row * GeoGrid.ROW_STRIDE + column;
    }
}
