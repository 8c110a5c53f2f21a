package org.consulardesk.bonds.model;

/** What an evacuation cost paid for. */
public enum CostKind {
    MOVEMENT, FLIGHT, BUS, BOAT, ACCOMMODATION, OTHER
}
