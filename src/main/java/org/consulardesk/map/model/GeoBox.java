package org.consulardesk.map.model;

/**
 * A latitude/longitude box in WGS 84 degrees. {@code west > east} means the box crosses the
 * antimeridian (e.g. west 170, east -170 is 20 degrees wide).
 */
public record GeoBox(double south, double west, double north, double east) {
    public static final GeoBox WORLD = new GeoBox(-90, -180, 90, 180);

    public GeoBox {
        if (south > north || south < -90 || north > 90 || west < -180 || west > 180 || east < -180 || east > 180) {
            throw new IllegalArgumentException("box out of range");
        }
    }

    public boolean crossesAntimeridian() {
        return west > east;
    }

    /** Width in degrees of longitude, 0..360. */
    public double widthDegrees() {
        return crossesAntimeridian() ? 360 - west + east : east - west;
    }

    public boolean contains(double lat, double lon) {
        if (lat < south || lat > north) {
            return false;
        }
        return crossesAntimeridian() ? lon >= west || lon <= east : lon >= west && lon <= east;
    }
}
