package org.consulardesk.bonds.model;

/**
 * A bond with figures derived from its ledger: posted balance, debits waiting for approval and the
 * balance available for new debits ({@code balance + pendingDebits}, never below zero).
 */
public record BondOverview(Bond bond, Money balance, Money pendingDebits, int coveredWorkers) {
    public Money available() {
        return balance.plus(pendingDebits);
    }
}
