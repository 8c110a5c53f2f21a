package org.consulardesk.bonds.model;

/** Whether an entry counts in the balance: posted, waiting for a second officer, or refused by one. */
public enum EntryStatus {
    POSTED, PENDING, REJECTED
}
