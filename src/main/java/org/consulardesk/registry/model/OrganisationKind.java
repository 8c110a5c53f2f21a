package org.consulardesk.registry.model;

public enum OrganisationKind {
    EMPLOYER, AGENCY
}
