package org.consulardesk.registry.model;

import java.time.LocalDate;

/**
 * One registration flattened for an export: the preferred (else first) phone and email, the travel
 * document that expires last, vulnerability codes separated by spaces. The restricted fields are null
 * unless the caller asked for them and the person's consent to share is active.
 *
 * @param birthDate ISO 8601, possibly partial
 */
public record RegistrantRow(long id, String familyName, String givenNames, String familyNameOriginal,
                            String givenNamesOriginal, char sex, String birthDate, String placeOfBirth,
                            PurposeOfStay purpose, String addressLine, String district, String city,
                            String countryCode, Double latitude, Double longitude, LocalDate arrivalDate,
                            LocalDate plannedDeparture, String phone, String email, String documentNumber,
                            LocalDate documentExpires, String vulnerabilities, Long householdId,
                            boolean crisisContactConsent, boolean shareConsent, String migrationStatus,
                            String healthDetails, String detentionDetails) {
}
