package org.consulardesk.registry.model;

/**
 * Restricted fields: shown only to entitled roles after an explicit, audited reveal; their values
 * never enter the audit log and never leave in an export unless profile, role and consent allow.
 */
public record SensitiveDetails(long personId, int version, String migrationStatus, String healthDetails,
                               String detentionDetails) {
}
