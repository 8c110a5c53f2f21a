package org.consulardesk.map.service;

import java.util.ArrayList;
import java.util.List;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.registry.model.GeoGrid;
import org.consulardesk.registry.model.GridCell;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Decides for cells of the registrants' grid whether they lie wholly inside an area (with its buffer),
 * wholly outside, or across its outline (ADR 0057). A cell is projected into the area's local plane as
 * a polygon with {@link #EDGE_POINTS} points per side; the straight sides stand for the cell's curved
 * ones, so "inside" means inside the area shrunk by {@link #TOLERANCE_M} and "outside" means clear of
 * the area grown by it, and a cell whose sides bend further than that from their chords, a cell too
 * large or too far for the projection, and the edge cells at latitude 90 and longitude 180 always count
 * as crossing. Only crossing cells are split further, and only crossing cells of the fine level have
 * their registrants tested one by one, so an answer costs in proportion to the outline, not to how many
 * live inside.
 */
public final class CellCover {
    /** Kinds of cell against the area. */
    public enum Kind { INSIDE, OUTSIDE, BOUNDARY }

    /** Band around the outline (metres) in which cells always count as crossing it. */
    static final double TOLERANCE_M = 2.0;
    /** Points per side of a cell when it is projected. */
    static final int EDGE_POINTS = 8;
    /** Cells larger than this (degrees) are never classified, only split. */
    static final double LARGEST_CELL_DEGREES = 6;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final AreaGeometry area;
    private final double radius;
    private final PreparedGeometry interior;
    private final PreparedGeometry exterior;

    public CellCover(AreaGeometry area) {
        this.area = area;
        this.radius = area.circleRadius();
        if (radius > 0) {
            interior = null;
            exterior = null;
        } else {
            Geometry shrunk = area.projected().buffer(-TOLERANCE_M, 4);
            interior = shrunk.isEmpty() ? null : PreparedGeometryFactory.prepare(shrunk);
            exterior = PreparedGeometryFactory.prepare(area.projected().buffer(TOLERANCE_M, 4));
        }
    }

    public AreaGeometry area() {
        return area;
    }

    /** The level whose cells are at least as large as the area's box (at least {@link GeoGrid#COARSEST_LEVEL}). */
    public int startLevel() {
        GeoBox b = area.box();
        double extent = Math.max(b.north() - b.south(), b.widthDegrees());
        int level = (int) Math.floor(Math.log(360 / Math.max(extent, 1e-9)) / Math.log(2));
        return Math.max(GeoGrid.COARSEST_LEVEL, Math.min(GeoGrid.FINE_LEVEL, level));
    }

    /** The cells of a level that overlap the area's box (both sides of the antimeridian if it crosses). */
    public List<GridCell> startCells(int level) {
        GeoBox b = area.box();
        List<double[]> lonRanges = b.crossesAntimeridian()
                ? List.of(new double[] {b.west(), 180}, new double[] {-180, b.east()})
                : List.<double[]>of(new double[] {b.west(), b.east()});
        List<GridCell> out = new ArrayList<>();
        int r0 = GeoGrid.row(b.south(), level);
        int r1 = GeoGrid.row(b.north(), level);
        for (double[] lons : lonRanges) {
            int c0 = GeoGrid.column(lons[0], level);
            int c1 = GeoGrid.column(lons[1], level);
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    GridCell cell = new GridCell(level, r, c);
                    if (!out.contains(cell)) {
                        out.add(cell);
                    }
                }
            }
        }
        return out;
    }

    public Kind classify(GridCell cell) {
        if (cell.isEdge()) {
            return Kind.BOUNDARY;
        }
        if (!overlapsBox(cell)) {
            return Kind.OUTSIDE;
        }
        if (cell.size() > LARGEST_CELL_DEGREES) {
            return Kind.BOUNDARY;
        }
        Polygon polygon = project(cell);
        if (polygon == null) {
            return Kind.BOUNDARY;
        }
        if (radius > 0) {
            boolean allIn = true;
            for (Coordinate c : polygon.getCoordinates()) {
                if (Math.hypot(c.x, c.y) > radius - TOLERANCE_M) {
                    allIn = false;
                    break;
                }
            }
            if (allIn) {
                return Kind.INSIDE;
            }
            return polygon.distance(FACTORY.createPoint(new Coordinate(0, 0))) > radius + TOLERANCE_M ? Kind.OUTSIDE : Kind.BOUNDARY;
        }
        if (interior != null && interior.contains(polygon)) {
            return Kind.INSIDE;
        }
        return exterior.intersects(polygon) ? Kind.BOUNDARY : Kind.OUTSIDE;
    }

    private boolean overlapsBox(GridCell cell) {
        GeoBox b = area.box();
        if (cell.south() > b.north() || cell.north() < b.south()) {
            return false;
        }
        double w = cell.west();
        double e = cell.east();
        if (b.crossesAntimeridian()) {
            return e >= b.west() || w <= b.east();
        }
        return e >= b.west() && w <= b.east();
    }

    /**
     * The cell in the area's plane, or null when its straight sides stray from the curved ones by more
     * than half the tolerance, or a corner lies beyond the projection's reach.
     */
    private Polygon project(GridCell cell) {
        double s = cell.south();
        double n = Math.min(90, cell.north());
        double w = cell.west();
        double e = Math.min(180, cell.east());
        double[][] corners = {{s, w}, {s, e}, {n, e}, {n, w}};
        LocalProjection p = area.projection();
        Coordinate[] ring = new Coordinate[4 * EDGE_POINTS + 1];
        int k = 0;
        for (int side = 0; side < 4; side++) {
            double[] a = corners[side];
            double[] b = corners[(side + 1) % 4];
            double[] previous = null;
            for (int i = 0; i <= EDGE_POINTS; i++) {
                double t = i / (double) EDGE_POINTS;
                double[] xy = p.forward(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t);
                if (Math.hypot(xy[0], xy[1]) > AreaGeometry.MAX_REACH_M * 1.2) {
                    return null;
                }
                if (previous != null) {
                    double tm = (i - 0.5) / EDGE_POINTS;
                    double[] mid = p.forward(a[0] + (b[0] - a[0]) * tm, a[1] + (b[1] - a[1]) * tm);
                    double sag = Math.hypot(mid[0] - (previous[0] + xy[0]) / 2, mid[1] - (previous[1] + xy[1]) / 2);
                    if (2 * sag > TOLERANCE_M) {
                        return null;
                    }
                }
                if (i < EDGE_POINTS) {
                    ring[k++] = new Coordinate(xy[0], xy[1]);
                }
                previous = xy;
            }
        }
        ring[k] = new Coordinate(ring[0]);
        return FACTORY.createPolygon(ring);
    }
}
