package org.consulardesk.registry.model;

/**
 * A WGS 84 point with how precise it is and where it came from.
 *
 * @param accuracyMetres radius within which the person is expected (a city centroid is kilometres)
 */
public record GeoPoint(double latitude, double longitude, Integer accuracyMetres, LocationSource source) {
    public GeoPoint {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("coordinates out of range");
        }
    }
}
