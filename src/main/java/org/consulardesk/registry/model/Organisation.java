package org.consulardesk.registry.model;

/** An employer or recruitment agency, shared by the registry and the bonds feature. */
public record Organisation(long id, int version, OrganisationKind kind, String legalName, String registrationNumber,
                           String countryCode, String address, String phone, String email) {
}
