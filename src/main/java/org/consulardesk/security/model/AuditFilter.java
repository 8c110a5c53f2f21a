package org.consulardesk.security.model;

import java.time.Instant;

/** What the audit viewer asks for; null fields match everything. */
public record AuditFilter(String actor, String action, String entityType, Instant from, Instant to) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
