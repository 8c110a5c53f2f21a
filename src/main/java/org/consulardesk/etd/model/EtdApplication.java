package org.consulardesk.etd.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * An application for an emergency travel document, for a registrant ({@code personId}) or a walk-in
 * (names only). {@code birthDate} is ISO 8601 and may be partial. A fee is an amount with its ISO
 * 4217 currency, or waived with a reason.
 *
 * @param id      0 for an application not saved yet
 * @param version the row version read; a decision made on an outdated version is refused
 */
public record EtdApplication(long id, int version, Long personId, String familyName, String givenNames,
        String birthDate, Sex sex, String placeOfBirth, String nationality, EtdReason reason,
        String previousDocument, String policeReport, String travelPurpose, String route, int validDays,
        BigDecimal feeAmount, String feeCurrency, boolean feeWaived, String waiverReason, Set<Evidence> evidence,
        String assessment, ApplicationStatus status, String appliedBy, Instant appliedAt, String decidedBy,
        Instant decidedAt, String rejectionReason) {
    public EtdApplication {
        evidence = Set.copyOf(evidence);
    }

    /** A new application with the post's defaults (route, validity, fee waived in a crisis). */
    public static EtdApplication draft(EtdSettings settings) {
        return new EtdApplication(0, 0, null, "", "", null, Sex.X, null, settings.issuer(), EtdReason.LOST, null, null,
                null, settings.defaultRoute(), settings.defaultValidDays(), null, null, settings.waiveFeeByDefault(),
                settings.waiveFeeByDefault() ? settings.defaultWaiverReason() : null, Set.of(), null,
                ApplicationStatus.SUBMITTED, null, null, null, null, null);
    }

    public String displayName() {
        return givenNames == null || givenNames.isBlank() ? familyName : familyName + ", " + givenNames;
    }
}
