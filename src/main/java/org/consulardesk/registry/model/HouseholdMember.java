package org.consulardesk.registry.model;

/**
 * A member of a household: a registrant ({@code personId}) or a relative who is not registered
 * (names and birth date only).
 */
public record HouseholdMember(long id, Long personId, String familyName, String givenNames, String birthDate,
                              HouseholdRelationship relationship, boolean travellingWith) {
}
