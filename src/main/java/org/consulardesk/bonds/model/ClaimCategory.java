package org.consulardesk.bonds.model;

/** What a claim item is for, and the coverage a bond needs to pay it. */
public enum ClaimCategory {
    OUTSTANDING_WAGES(Coverage.OUTSTANDING_WAGES), LOST_PROPERTY(Coverage.LOST_PROPERTY), COSTS(Coverage.OTHER_COSTS),
    OTHER(Coverage.OTHER_COSTS);

    private final Coverage coverage;

    ClaimCategory(Coverage coverage) {
        this.coverage = coverage;
    }

    public Coverage coverage() {
        return coverage;
    }
}
