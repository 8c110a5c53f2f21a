package org.consulardesk.map.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.consulardesk.core.UserError;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.LatLon;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * An area made ready for point tests: projected to a local azimuthal equidistant plane centred on
 * it (ADR 0031), checked with JTS, buffered by a distance, prepared. Also gives the latitude/longitude
 * box that narrows candidates in the database (crossing the antimeridian or reaching a pole if the
 * area does).
 */
public final class AreaGeometry {
    /** Areas reaching further than this from their centre are refused (the projection's comfort zone). */
    static final double MAX_REACH_M = 5_000_000;
    /** Polygon edges follow straight lines in longitude/latitude (RFC 7946): densified to this step first. */
    private static final double EDGE_STEP_DEGREES = 0.25;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final LocalProjection projection;
    private final Geometry geometry;
    private final PreparedGeometry prepared;
    private final LatLon circleCentre;
    private final double circleRadius;
    private final GeoBox box;

    private AreaGeometry(LocalProjection projection, Geometry geometry, LatLon circleCentre, double circleRadius) {
        this.projection = projection;
        this.geometry = geometry;
        this.prepared = PreparedGeometryFactory.prepare(geometry);
        this.circleCentre = circleCentre;
        this.circleRadius = circleRadius;
        this.box = computeBox();
    }

    /**
     * @param bufferKm distance added around the area (0 for none)
     * @throws UserError when the area is not a valid one (too few points, outline crossing itself, too large)
     */
    public static AreaGeometry of(Area area, double bufferKm) {
        if (!(bufferKm >= 0) || bufferKm > 1000) {
            throw new UserError("error.map.area.buffer");
        }
        double buffer = bufferKm * 1000;
        if (area.isCircle()) {
            LocalProjection p = new LocalProjection(area.centre());
            double r = area.radiusMetres() + buffer;
            if (r > MAX_REACH_M) {
                throw new UserError("error.map.area.tooLarge");
            }
            Geometry disc = FACTORY.createPoint(new Coordinate(0, 0)).buffer(r, 32);
            return new AreaGeometry(p, disc, area.centre(), r);
        }
        List<LatLon> vertices = area.vertices();
        LatLon centre = LocalProjection.centreOf(vertices);
        LocalProjection p = new LocalProjection(centre);
        List<Polygon> polygons = new ArrayList<>();
        for (List<List<LatLon>> rings : area.polygons()) {
            LinearRing shell = ring(p, rings.get(0));
            LinearRing[] holes = rings.subList(1, rings.size()).stream().map(r -> ring(p, r)).toArray(LinearRing[]::new);
            polygons.add(FACTORY.createPolygon(shell, holes));
        }
        Geometry g = polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            LatLon where = p.inverse(error.getCoordinate().x, error.getCoordinate().y);
            throw new UserError("error.map.area.invalid", String.format(java.util.Locale.ROOT, "%.5f", where.lat()),
                    String.format(java.util.Locale.ROOT, "%.5f", where.lon()));
        }
        if (buffer > 0) {
            g = g.buffer(buffer, 16);
        }
        for (Coordinate c : g.getCoordinates()) {
            if (Math.hypot(c.x, c.y) > MAX_REACH_M) {
                throw new UserError("error.map.area.tooLarge");
            }
        }
        return new AreaGeometry(p, g, null, 0);
    }

    private static LinearRing ring(LocalProjection p, List<LatLon> points) {
        List<LatLon> open = new ArrayList<>(points);
        if (open.size() > 1 && open.get(0).equals(open.get(open.size() - 1))) {
            open.remove(open.size() - 1);
        }
        if (open.stream().distinct().count() < 3) {
            throw new UserError("error.map.area.tooFewPoints");
        }
        List<Coordinate> coords = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            LatLon a = open.get(i);
            LatLon b = open.get((i + 1) % open.size());
            double dLon = b.lon() - a.lon();
            if (dLon > 180) {
                dLon -= 360;
            } else if (dLon < -180) {
                dLon += 360;
            }
            double dLat = b.lat() - a.lat();
            int steps = Math.max(1, (int) Math.ceil(Math.max(Math.abs(dLon), Math.abs(dLat)) / EDGE_STEP_DEGREES));
            for (int s = 0; s < steps; s++) {
                double t = s / (double) steps;
                double lon = a.lon() + dLon * t;
                lon = ((lon + 540) % 360) - 180;
                double[] xy = p.forward(a.lat() + dLat * t, lon);
                if (Math.hypot(xy[0], xy[1]) > MAX_REACH_M) {
                    throw new UserError("error.map.area.tooLarge");
                }
                coords.add(new Coordinate(xy[0], xy[1]));
            }
        }
        coords.add(new Coordinate(coords.get(0)));
        return FACTORY.createLinearRing(coords.toArray(Coordinate[]::new));
    }

    public boolean contains(double lat, double lon) {
        if (circleCentre != null) {
            double[] xy = projection.forward(lat, lon);
            return Math.hypot(xy[0], xy[1]) <= circleRadius;
        }
        double[] xy = projection.forward(lat, lon);
        if (Math.hypot(xy[0], xy[1]) > MAX_REACH_M * 1.5) {
            return false;
        }
        return prepared.covers(FACTORY.createPoint(new Coordinate(xy[0], xy[1])));
    }

    /** Radius in metres (buffer included) when the area is a circle around the projection's centre, else 0. */
    double circleRadius() {
        return circleCentre == null ? 0 : circleRadius;
    }

    /** The area (with buffer) in the local plane, metres (for drawing outlines and tests). */
    public Geometry projected() {
        return geometry;
    }

    public LocalProjection projection() {
        return projection;
    }

    /** Outline of the (buffered) area as latitude/longitude points, for drawing. */
    public List<List<LatLon>> outlines() {
        List<List<LatLon>> out = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(i);
            out.add(Arrays.stream(polygon.getExteriorRing().getCoordinates()).map(c -> projection.inverse(c.x, c.y)).toList());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                out.add(Arrays.stream(polygon.getInteriorRingN(h).getCoordinates()).map(c -> projection.inverse(c.x, c.y)).toList());
            }
        }
        return out;
    }

    /** Box around the area: every candidate inside it is tested exactly. */
    public GeoBox box() {
        return box;
    }

    private GeoBox computeBox() {
        Geometry dense = Densifier.densify(geometry.getBoundary(), 20_000);
        double south = 90;
        double north = -90;
        List<Double> lons = new ArrayList<>();
        for (Coordinate c : dense.getCoordinates()) {
            LatLon ll = projection.inverse(c.x, c.y);
            south = Math.min(south, ll.lat());
            north = Math.max(north, ll.lat());
            lons.add(ll.lon());
        }
        double margin = 0.01;
        south = Math.max(-90, south - margin);
        north = Math.min(90, north + margin);
        double[] northPole = projection.forward(90, 0);
        double[] southPole = projection.forward(-90, 0);
        boolean hasNorthPole = geometry.covers(FACTORY.createPoint(new Coordinate(northPole[0], northPole[1])));
        boolean hasSouthPole = geometry.covers(FACTORY.createPoint(new Coordinate(southPole[0], southPole[1])));
        if (hasNorthPole || hasSouthPole) {
            return new GeoBox(hasSouthPole ? -90 : south, -180, hasNorthPole ? 90 : north, 180);
        }
        // Near a pole a small margin in degrees of longitude is too little: widen by latitude.
        double lonMargin = Math.min(180, margin / Math.max(0.01, Math.cos(Math.toRadians(Math.max(Math.abs(south), Math.abs(north))))));
        lons.sort(Double::compare);
        double largestGap = -1;
        int gapAfter = lons.size() - 1;
        for (int i = 0; i < lons.size(); i++) {
            double next = i + 1 < lons.size() ? lons.get(i + 1) : lons.get(0) + 360;
            double gap = next - lons.get(i);
            if (gap > largestGap) {
                largestGap = gap;
                gapAfter = i;
            }
        }
        if (largestGap <= 2 * lonMargin) {
            return new GeoBox(south, -180, north, 180);
        }
        double west = lons.get((gapAfter + 1) % lons.size()) - lonMargin;
        double east = lons.get(gapAfter) + lonMargin;
        if (gapAfter == lons.size() - 1) {
            if (west < -180 || east > 180) {
                return new GeoBox(south, wrap(west), north, wrap(east));
            }
            return new GeoBox(south, west, north, east);
        }
        return new GeoBox(south, wrap(west), north, wrap(east));
    }

    private static double wrap(double lon) {
        if (lon < -180) {
            return lon + 360;
        }
        if (lon > 180) {
            return lon - 360;
        }
        return lon;
    }
}
