package org.consulardesk.security.model;

import java.util.List;

/**
 * Something to write to the audit log. {@code fieldNames} names what changed; values of
 * sensitive fields are never recorded, and {@code detail} must not carry personal data.
 */
public record AuditEvent(String action, String entityType, String entityId, List<String> fieldNames, String detail) {
    public AuditEvent {
        fieldNames = fieldNames == null ? List.of() : List.copyOf(fieldNames);
    }

    public static AuditEvent of(String action) {
        return new AuditEvent(action, null, null, List.of(), null);
    }

    public static AuditEvent on(String action, String entityType, Object entityId, String... fields) {
        return new AuditEvent(action, entityType, String.valueOf(entityId), List.of(fields), null);
    }

    public AuditEvent withDetail(String text) {
        return new AuditEvent(action, entityType, entityId, fieldNames, text);
    }
}
