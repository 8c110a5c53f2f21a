package org.consulardesk.registry.model;

/** What an officer enters to register someone (the registry form grows this). */
public record NewPerson(String familyName, String givenNames, char sex, String birthDate, String city,
                        String countryCode, PurposeOfStay purpose) {
}
