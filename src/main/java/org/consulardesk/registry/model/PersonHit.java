package org.consulardesk.registry.model;

/**
 * One row of the registry list.
 *
 * @param score 1 for an exact prefix match, lower for a sound-alike or typo'd match
 */
public record PersonHit(long id, String familyName, String givenNames, String birthDate, String city, String district,
                        PurposeOfStay purpose, double score) {
}
