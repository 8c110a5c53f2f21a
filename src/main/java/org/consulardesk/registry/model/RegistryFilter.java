package org.consulardesk.registry.model;

/** Which registrations an export or a count covers; null fields do not filter. */
public record RegistryFilter(String city, String district, PurposeOfStay purpose) {
    public static final RegistryFilter ALL = new RegistryFilter(null, null, null);
}
