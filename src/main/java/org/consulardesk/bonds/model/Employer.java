package org.consulardesk.bonds.model;

import java.time.LocalDate;
import org.consulardesk.registry.model.OrganisationKind;

/**
 * An employer or recruitment agency as the bonds feature sees it: the shared registry organisation
 * with its licence, contacts, compliance notes and blacklisting.
 */
public record Employer(long id, int version, OrganisationKind kind, String legalName, String registrationNumber,
                       String licenceNumber, LocalDate licenceValidFrom, LocalDate licenceValidUntil, String countryCode,
                       String address, String contactPerson, String phone, String email, String complianceNotes,
                       boolean blacklisted, String blacklistReason, LocalDate blacklistedOn) {

    public static Employer blank(OrganisationKind kind) {
        return new Employer(0, 0, kind, "", null, null, null, null, null, null, null, null, null, null, false, null, null);
    }

    /** The licence is known to be valid on {@code day}. */
    public boolean licenceValidOn(LocalDate day) {
        return licenceNumber != null && (licenceValidFrom == null || !day.isBefore(licenceValidFrom))
                && (licenceValidUntil == null || !day.isAfter(licenceValidUntil));
    }
}
