package org.consulardesk.map.model;

/**
 * A consular post of the ministry on the map: this registry's own post ({@code own}) or another
 * post HQ knows (from the exchange's registered posts), placed at its city.
 */
public record ConsularPost(String name, String countryCode, double latitude, double longitude, boolean own) {
}
