package org.consulardesk.bonds.model;

/** Where a worker's claim stands. Open claims block the release of the bond. */
public enum ClaimStatus {
    FILED, EMPLOYER_NOTIFIED, ASSESSED, APPROVED, REJECTED, PAYOUT_PENDING, PAID;

    /** Not yet decided: the decision deadline applies. */
    public boolean awaitingDecision() {
        return this == FILED || this == EMPLOYER_NOTIFIED || this == ASSESSED;
    }

    /** Still needs work (a decision or a payout). */
    public boolean open() {
        return this != REJECTED && this != PAID;
    }
}
