package org.consulardesk.registry.service;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.Organisation;
import org.consulardesk.registry.model.OrganisationKind;
import org.consulardesk.registry.store.OrganisationStore;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * Employers and recruitment agencies as the registry records them: the shared organisation records
 * (V3) that a registrant's employment points to. The person form finds them as the user types and
 * creates a missing one with its name and country; licence, compliance and blacklisting are kept by
 * the bonds feature's {@code EmployerService} on the same records (ADR 0043).
 */
public final class OrganisationService {
    static final int MAX_NAME = 300;

    private final Session session;
    private final OrganisationStore store = new OrganisationStore();

    public OrganisationService(Session session) {
        this.session = session;
    }

    /** Organisations of a kind whose name (or registration number) contains every typed word, by name. */
    public List<Organisation> search(OrganisationKind kind, String text, int limit) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.search(tx, kind, text, Math.max(1, Math.min(limit, 200))));
    }

    /** The organisations with these ids (in no particular order; unknown ids are left out). */
    public List<Organisation> get(Collection<Long> ids) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.get(tx, ids));
    }

    /**
     * Records a new employer or agency by its legal name (and country, ISO 3166 alpha-2, optional).
     * A second organisation of the same kind with the same name is refused: pick the existing one.
     */
    public Organisation create(OrganisationKind kind, String legalName, String countryCode) {
        session.require(Permission.EDIT_REGISTRY);
        if (kind == null) {
            throw new UserError("error.employer.kind");
        }
        String name = legalName == null ? "" : legalName.strip().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new UserError("error.employer.name");
        }
        String country = countryCode == null || countryCode.isBlank() ? null : countryCode.strip().toUpperCase(Locale.ROOT);
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new UserError("error.country.invalid", country);
        }
        long id = session.database().write(tx -> {
            if (store.named(tx, kind, name)) {
                throw new UserError("error.organisation.exists", name);
            }
            long created = store.insert(tx, kind, name, country);
            session.audit().record(tx, AuditEvent.on("ORGANISATION_ADDED", "organisation", created, "kind", "legal_name",
                    "country_code"));
            return created;
        });
        return get(List.of(id)).get(0);
    }
}
