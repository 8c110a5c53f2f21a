package org.consulardesk.etd.model;

/** Where an application stands: waiting for the second officer, decided, or turned into a document. */
public enum ApplicationStatus {
    SUBMITTED, APPROVED, REJECTED, ISSUED
}
