package org.consulardesk.registry.model;

import java.time.LocalDate;

/** Where the person lives or stays in the host country, and since when we know it. */
public record Whereabouts(String addressLine1, String addressLine2, String district, String city, String countryCode,
                          GeoPoint point, LocalDate confirmedOn, LocalDate arrivalDate, LocalDate plannedDeparture) {
    public static final Whereabouts NONE = new Whereabouts(null, null, null, null, null, null, null, null, null);
}
