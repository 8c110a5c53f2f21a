package org.consulardesk.bonds.model;

/** The life of a bond: draft, active (partially drawn once money left it), then expired, released or forfeited. */
public enum BondState {
    DRAFT, ACTIVE, PARTIALLY_DRAWN, EXPIRED, RELEASED, FORFEITED;

    /** Money may still be drawn from the bond (for evacuation costs or claims). */
    public boolean drawable() {
        return this == ACTIVE || this == PARTIALLY_DRAWN || this == EXPIRED;
    }

    /** Released or forfeited: nothing more happens to the bond. */
    public boolean closed() {
        return this == RELEASED || this == FORFEITED;
    }

    /** Covers its workers now. */
    public boolean inForce() {
        return this == ACTIVE || this == PARTIALLY_DRAWN;
    }
}
