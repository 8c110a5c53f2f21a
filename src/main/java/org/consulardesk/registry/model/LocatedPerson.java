package org.consulardesk.registry.model;

/** A registrant with a known point, as the map shows and counts them. */
public record LocatedPerson(long id, String familyName, String givenNames, double latitude, double longitude,
                            Long householdId, PurposeOfStay purpose) {
}
