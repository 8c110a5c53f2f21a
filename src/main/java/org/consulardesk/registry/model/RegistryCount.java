package org.consulardesk.registry.model;

/**
 * A number of registered persons for one value of one dimension (no personal data).
 *
 * @param dimension e.g. {@code CITY}, {@code DISTRICT}, {@code PURPOSE}, {@code VULNERABILITY},
 *                  {@code DOCUMENT_EXPIRY}, {@code STATUS} ({@link PresenceStatus}), {@code TOTAL}
 */
public record RegistryCount(String dimension, String value, long persons) {
    public static final String TOTAL = "TOTAL";
    public static final String CITY = "CITY";
    public static final String DISTRICT = "DISTRICT";
    public static final String PURPOSE = "PURPOSE";
    public static final String VULNERABILITY = "VULNERABILITY";
    public static final String DOCUMENT_EXPIRY = "DOCUMENT_EXPIRY";
    public static final String STATUS = "STATUS";
}
