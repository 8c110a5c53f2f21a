package org.consulardesk.etd.model;

import java.time.LocalDate;

/** A search of the ETD register: text matches the number or the holder's names; null parts are ignored. */
public record RegisterQuery(String text, EtdState state, LocalDate issuedFrom, LocalDate issuedTo) {
    public static final RegisterQuery ALL = new RegisterQuery(null, null, null, null);
}
