package org.consulardesk.registry.model;

import java.util.Locale;
import java.util.Optional;

/** The registration fields a bulk intake file can fill, named as in the database. */
public enum IntakeField {
    FAMILY_NAME, GIVEN_NAMES, FAMILY_NAME_ORIGINAL, GIVEN_NAMES_ORIGINAL, SEX, BIRTH_DATE, PLACE_OF_BIRTH, CITY,
    DISTRICT, COUNTRY, ADDRESS, PHONE, EMAIL, PASSPORT_NUMBER, PASSPORT_EXPIRY, PURPOSE;

    /** The name used in mapping files and reports, e.g. {@code family_name}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IntakeField> ofKey(String key) {
        for (IntakeField f : values()) {
            if (f.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
