package org.consulardesk.geo.model;

/**
 * A populated place from the bundled gazetteer (GeoNames, CC BY 4.0).
 *
 * @param countryCode ISO 3166-1 alpha-2
 * @param population  null when the source does not give it (the bundled extract does not)
 */
public record Place(String name, String countryCode, double latitude, double longitude, Integer population) {
}
