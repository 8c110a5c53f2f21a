package org.consulardesk.security.model;

import java.time.Instant;

/** One stored audit entry, as the viewer shows it. */
public record AuditRecord(long seq, Instant occurredAt, String actor, String action, String entityType,
                          String entityId, String fieldNames, String detail, String prevHash, String entryHash) {

    /** The text the hash covers: every column but the hash itself, in a fixed order. */
    public String canonical() {
        return String.join("\u001f", Long.toString(seq), occurredAt.toString(), actor, action,
                nullToEmpty(entityType), nullToEmpty(entityId), nullToEmpty(fieldNames), nullToEmpty(detail), prevHash);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
