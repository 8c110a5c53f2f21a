package org.consulardesk.registry.model;

import java.time.LocalDate;

/**
 * One consent, per purpose (and per partner when sharing: IOM, ICRC, host authorities, ...).
 *
 * @param id         0 for a consent not saved yet
 * @param recordedBy user name of the officer who recorded it
 */
public record Consent(long id, ConsentPurpose purpose, String partner, LocalDate grantedOn, ConsentChannel channel,
                      String recordedBy, LocalDate withdrawnOn) {
    public boolean activeOn(LocalDate day) {
        return !grantedOn.isAfter(day) && (withdrawnOn == null || withdrawnOn.isAfter(day));
    }
}
