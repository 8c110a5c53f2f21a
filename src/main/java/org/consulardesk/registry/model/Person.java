package org.consulardesk.registry.model;

/**
 * The core of a registration as the list shows it.
 *
 * @param birthDate ISO 8601, possibly partial ({@code 1984} or {@code 1984-07})
 */
public record Person(long id, String familyName, String givenNames, char sex, String birthDate, String city,
                     String countryCode, PurposeOfStay purpose, int version) {
}
