package org.consulardesk.bonds.model;

import java.time.LocalDate;
import java.util.List;

/** What needs attention: bonds ending, uncovered workers, under-funded pooled bonds, claims and approvals waiting. */
public record BondAlerts(LocalDate today, int withinDays, List<BondOverview> endingSoon,
                         List<UncoveredWorker> uncoveredWorkers, List<UnderFunded> underFunded, List<Claim> claimsWaiting,
                         List<LedgerEntry> approvalsWaiting) {
    public BondAlerts {
        endingSoon = List.copyOf(endingSoon);
        uncoveredWorkers = List.copyOf(uncoveredWorkers);
        underFunded = List.copyOf(underFunded);
        claimsWaiting = List.copyOf(claimsWaiting);
        approvalsWaiting = List.copyOf(approvalsWaiting);
    }

    /** A registrant whose employer (or recruiting agency) has no bond in force. */
    public record UncoveredWorker(long personId, String familyName, String givenNames, long organisationId,
                                  String organisationName) {
    }

    /** A pooled bond whose balance is below its cover per worker times its covered workers. */
    public record UnderFunded(BondOverview bond, Money required) {
    }

    public int total() {
        return endingSoon.size() + uncoveredWorkers.size() + underFunded.size() + claimsWaiting.size()
                + approvalsWaiting.size();
    }
}
