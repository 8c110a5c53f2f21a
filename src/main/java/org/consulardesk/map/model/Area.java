package org.consulardesk.map.model;

import java.util.List;

/**
 * An area on the earth: either polygons (each a list of rings, the outer ring first, holes after,
 * rings closed or not) or a circle (centre and radius in metres). Edges are the short way round, so an
 * area may cross the antimeridian or contain a pole.
 */
public record Area(List<List<List<LatLon>>> polygons, LatLon centre, double radiusMetres) {
    public Area {
        polygons = polygons == null ? List.of() : polygons.stream().map(p -> p.stream().map(List::copyOf).toList()).toList();
        if (centre == null && polygons.isEmpty()) {
            throw new IllegalArgumentException("an area needs a polygon or a circle");
        }
        if (centre != null && !(radiusMetres > 0)) {
            throw new IllegalArgumentException("a circle needs a positive radius");
        }
    }

    public static Area circle(LatLon centre, double radiusMetres) {
        return new Area(List.of(), centre, radiusMetres);
    }

    public static Area polygon(List<LatLon> ring) {
        return new Area(List.of(List.of(ring)), null, 0);
    }

    public boolean isCircle() {
        return centre != null;
    }

    /** Every vertex (outer and inner rings), or the centre of a circle. */
    public List<LatLon> vertices() {
        if (isCircle()) {
            return List.of(centre);
        }
        return polygons.stream().flatMap(List::stream).flatMap(List::stream).toList();
    }
}
