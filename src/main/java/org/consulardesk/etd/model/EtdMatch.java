package org.consulardesk.etd.model;

import java.time.LocalDate;

/**
 * An earlier ETD that may belong to the applicant: same registrant, or same name and compatible date of
 * birth, or the document the applicant says was lost. {@code lostOrStolen} needs the officer's attention.
 */
public record EtdMatch(long documentId, String serial, String holder, String birthDate, LocalDate issuedOn,
        EtdState state, Kind kind) {
    public enum Kind {
        SAME_REGISTRANT, SAME_NAME_AND_BIRTH, PREVIOUS_DOCUMENT_NUMBER
    }

    public boolean lostOrStolen() {
        return state == EtdState.LOST_STOLEN;
    }
}
