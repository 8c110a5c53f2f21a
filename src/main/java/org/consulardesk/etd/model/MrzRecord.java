package org.consulardesk.etd.model;

/**
 * A TD3 MRZ as read back: fields without fillers. Dates stay as the six MRZ characters
 * ({@code YYMMDD}, with {@code <} for unknown parts of a birth date) since the century is not written.
 */
public record MrzRecord(String documentCode, String issuer, String surname, String givenNames, String number,
        String nationality, String birthDate, Sex sex, String expiryDate, String optionalData) {
}
