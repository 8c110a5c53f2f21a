package org.consulardesk.map.service;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The basemap's land, country borders and first-level borders as drawn at one zoom: each line
 * simplified (Douglas-Peucker, {@link LineSimplifier}) so that it strays less than {@link #TOLERANCE_PX}
 * of a pixel at that zoom from the stored line, and an envelope index (JTS {@link STRtree}) per kind, so
 * a tile only visits the features whose box it touches. Built once when the bundled data is read;
 * read-only afterwards, so tiles can be drawn on several threads.
 *
 * <p>The zooms are built as a cascade, each from the next closer one ({@link BasemapData}): a step
 * simplifies by {@link #STEP_PX} of a pixel at its own zoom, so the steps from the stored line add up
 * to less than {@code STEP_PX * (1 + 1/2 + 1/4 + ...)} = {@link #TOLERANCE_PX}, and each step reads
 * the already thinned lines of the closer zoom instead of all stored points.
 */
public final class BasemapZoom {
    /** How far (in pixels at the zoom) a simplified line may stray from the stored one. */
    public static final double TOLERANCE_PX = 0.3;
    /** Tolerance of one step of the cascade, in pixels at the step's zoom. */
    static final double STEP_PX = TOLERANCE_PX / 2;

    private final int zoom;
    private final double tolerance;
    private final List<BasemapData.Polygon> land;
    private final List<BasemapData.Line> borders;
    private final List<BasemapData.Line> admin1;
    private final STRtree landIndex = new STRtree();
    private final STRtree borderIndex = new STRtree();
    private final STRtree admin1Index = new STRtree();

    /**
     * The lines of {@code layer} and {@code admin1Lines} simplified by one step at {@code zoom}; with
     * {@code zoom} below 0, the lines as given (the full detail, for close views).
     */
    BasemapZoom(int zoom, BasemapData.Layer layer, List<BasemapData.Line> admin1Lines) {
        this.zoom = zoom;
        this.tolerance = zoom < 0 ? 0 : STEP_PX / (TileMath.TILE_SIZE * Math.pow(2, zoom));
        List<BasemapData.Polygon> polygons = new ArrayList<>(layer.land().size());
        for (BasemapData.Polygon p : layer.land()) {
            List<BasemapData.Line> rings = new ArrayList<>(p.rings().size());
            for (BasemapData.Line r : p.rings()) {
                rings.add(simplified(r, true));
            }
            BasemapData.Polygon polygon = new BasemapData.Polygon(List.copyOf(rings));
            polygons.add(polygon);
            landIndex.insert(envelope(polygon.outer()), polygon);
        }
        this.land = List.copyOf(polygons);
        this.borders = index(layer.borders(), borderIndex);
        this.admin1 = index(admin1Lines, admin1Index);
        landIndex.build();
        borderIndex.build();
        admin1Index.build();
    }

    /** The zoom these lines are simplified for; below 0 for the full-detail lines. */
    public int zoom() {
        return zoom;
    }

    /** How far these lines may stray from the stored ones, in unit Mercator coordinates (0: not simplified). */
    public double tolerance() {
        return zoom < 0 ? 0 : TOLERANCE_PX / (TileMath.TILE_SIZE * Math.pow(2, zoom));
    }

    /** Land and country borders of this zoom, to simplify further for the next farther zoom. */
    BasemapData.Layer layer() {
        return new BasemapData.Layer(land, borders);
    }

    public List<BasemapData.Polygon> land() {
        return land;
    }

    public List<BasemapData.Line> borders() {
        return borders;
    }

    public List<BasemapData.Line> admin1() {
        return admin1;
    }

    /** Land polygons whose outer ring's box meets the box (unit Mercator coordinates). */
    @SuppressWarnings("unchecked")
    public List<BasemapData.Polygon> land(double x0, double y0, double x1, double y1) {
        return landIndex.query(new Envelope(x0, x1, y0, y1));
    }

    @SuppressWarnings("unchecked")
    public List<BasemapData.Line> borders(double x0, double y0, double x1, double y1) {
        return borderIndex.query(new Envelope(x0, x1, y0, y1));
    }

    @SuppressWarnings("unchecked")
    public List<BasemapData.Line> admin1(double x0, double y0, double x1, double y1) {
        return admin1Index.query(new Envelope(x0, x1, y0, y1));
    }

    private List<BasemapData.Line> index(List<BasemapData.Line> lines, STRtree tree) {
        List<BasemapData.Line> out = new ArrayList<>(lines.size());
        for (BasemapData.Line l : lines) {
            BasemapData.Line s = simplified(l, false);
            out.add(s);
            tree.insert(envelope(s), s);
        }
        return List.copyOf(out);
    }

    private BasemapData.Line simplified(BasemapData.Line line, boolean ring) {
        if (tolerance <= 0) {
            return line;
        }
        float[] xy = LineSimplifier.simplify(line.xy(), tolerance, ring);
        return xy == line.xy() ? line : BasemapData.Line.ofProjected(xy);
    }

    private static Envelope envelope(BasemapData.Line l) {
        return new Envelope(l.minX(), l.maxX(), l.minY(), l.maxY());
    }
}
