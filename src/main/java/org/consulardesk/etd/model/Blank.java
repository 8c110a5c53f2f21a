package org.consulardesk.etd.model;

import java.time.Instant;

/** One numbered blank form: on hand (possibly assigned to an officer), issued or spoiled. */
public record Blank(String serial, long batchId, Status status, String assignedTo, String spoilReason, String changedBy,
        Instant changedAt) {
    public enum Status {
        ON_HAND, ISSUED, SPOILED
    }
}
