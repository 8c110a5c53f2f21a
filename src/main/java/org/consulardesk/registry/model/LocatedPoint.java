package org.consulardesk.registry.model;

/** A registrant's id and point only: what an exact area test needs (names are read per page). */
public record LocatedPoint(long id, double latitude, double longitude) {
}
