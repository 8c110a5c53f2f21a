package org.consulardesk.etd.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An issued ETD with its holder's names as printed (for the register), its MRZ and its state.
 * {@code enteredOn} is the date the holder entered Utopia (recorded when the ETD is marked used), or null.
 */
public record EtdDocument(long id, int version, long applicationId, Long personId, String serial, String documentCode,
        String familyName, String givenNames, String birthDate, Sex sex, LocalDate issuedOn, LocalDate expiresOn,
        String issuedBy, Mrz mrz, String verificationCode, EtdState state, String stateNote, String stateChangedBy,
        Instant stateChangedAt, String nationality, LocalDate enteredOn) {

    public String displayName() {
        return givenNames == null || givenNames.isBlank() ? familyName : familyName + ", " + givenNames;
    }
}
