package org.consulardesk.registry.service;

import java.util.List;
import org.consulardesk.registry.model.Organisation;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.store.BulkRegistrationStore;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * Adding generated registrations in large batches (sample data, benchmarks): one transaction and
 * one audit entry per batch, with the same search keys as {@link RegistrationService}. The records
 * are trusted: they are not put through {@link RegistrationRules} (phones must already be E.164).
 */
public final class BulkRegistrations {
    private final Session session;
    private final BulkRegistrationStore store = new BulkRegistrationStore();

    public BulkRegistrations(Session session) {
        this.session = session;
    }

    public List<Long> addOrganisations(List<Organisation> organisations, String auditAction) {
        session.require(Permission.EDIT_REGISTRY);
        return session.database().write(tx -> {
            List<Long> ids = store.insertOrganisations(tx, organisations);
            session.audit().record(tx, AuditEvent.of(auditAction).withDetail(ids.size() + " organisations"));
            return ids;
        });
    }

    /** Writes the households (a group of one is a person on their own); returns the persons written. */
    public int addHouseholds(List<List<Registration>> households, String auditAction) {
        session.require(Permission.EDIT_REGISTRY);
        return session.database().write(tx -> {
            int n = store.insertHouseholds(tx, households, RegistrationService::keys, session.now());
            session.audit().record(tx, AuditEvent.of(auditAction).withDetail(n + " persons"));
            return n;
        });
    }
}
