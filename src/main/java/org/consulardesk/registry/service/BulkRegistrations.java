package org.consulardesk.registry.service;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.consulardesk.registry.model.Organisation;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.store.BulkRegistrationStore;
import org.consulardesk.registry.store.RegistrationStore;
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

    /**
     * Drops the secondary indexes of the registration tables before a large load (see
     * {@code DeferredIndexes}); {@link #buildDeferredIndexes} must follow, and the next opening of
     * the registry rebuilds them if it never does.
     */
    public int deferIndexes() {
        session.require(Permission.EDIT_REGISTRY);
        return session.database().write(store::deferIndexes);
    }

    /** Builds the indexes dropped by {@link #deferIndexes}. */
    public int buildDeferredIndexes() {
        session.require(Permission.EDIT_REGISTRY);
        return session.database().write(store::buildDeferredIndexes);
    }

    /** Writes the households (a group of one is a person on their own); returns the persons written. */
    public int addHouseholds(List<List<Registration>> households, String auditAction) {
        session.require(Permission.EDIT_REGISTRY);
        // Transliterating names is the costly part of the keys: done on all cores before the transaction.
        List<Registration> all = households.stream().flatMap(List::stream).toList();
        List<RegistrationStore.SearchKeys> computed = all.parallelStream().map(RegistrationService::keys).toList();
        Map<Registration, RegistrationStore.SearchKeys> keys = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            keys.put(all.get(i), computed.get(i));
        }
        return session.database().write(tx -> {
            int n = store.insertHouseholds(tx, households, keys::get, session.now());
            session.audit().record(tx, AuditEvent.of(auditAction).withDetail(n + " persons"));
            return n;
        });
    }
}
