package org.consulardesk.etd.model;

import java.time.LocalDate;

/**
 * What goes into a TD3 machine-readable zone, as the officer knows it. {@code birthDate} is ISO 8601
 * and may be partial ({@code 1974}, {@code 1974-08}) or empty when unknown; unknown parts become fillers.
 */
public record MrzInput(String documentCode, String issuer, String surname, String givenNames, String number,
        String nationality, String birthDate, Sex sex, LocalDate expiry, String optionalData) {
}
