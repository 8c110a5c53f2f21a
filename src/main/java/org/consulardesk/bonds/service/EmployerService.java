package org.consulardesk.bonds.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.EmployerWorker;
import org.consulardesk.bonds.store.EmployerStore;
import org.consulardesk.core.UserError;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * Employers and recruitment agencies: the registry's shared organisation records with their licence,
 * contacts, compliance notes and blacklisting. Changes carry the version they were made from.
 */
public final class EmployerService {
    private final Session session;
    private final EmployerStore store = new EmployerStore();

    public EmployerService(Session session) {
        this.session = session;
    }

    public List<Employer> search(String text, int limit) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> store.search(tx, text, Math.max(1, Math.min(limit, 5000))));
    }

    public Employer get(long id) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> store.get(tx, id)).orElseThrow(() -> new UserError("error.employer.notFound", id));
    }

    public List<EmployerWorker> workers(long id) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> store.workers(tx, id));
    }

    /** Creates ({@code id == 0}) or updates an organisation; blacklisting goes through {@link #blacklist}. */
    public Employer save(Employer input) {
        session.require(Permission.MANAGE_BONDS);
        Employer e = clean(input);
        long id = session.database().write(tx -> {
            if (e.id() == 0) {
                long created = store.insert(tx, new Employer(0, 0, e.kind(), e.legalName(), e.registrationNumber(),
                        e.licenceNumber(), e.licenceValidFrom(), e.licenceValidUntil(), e.countryCode(), e.address(),
                        e.contactPerson(), e.phone(), e.email(), e.complianceNotes(), false, null, null));
                session.audit().record(tx, AuditEvent.on("ORGANISATION_ADDED", "organisation", created, fields(e)));
                return created;
            }
            Employer old = store.get(tx, e.id()).orElseThrow(() -> new UserError("error.employer.notFound", e.id()));
            Employer kept = new Employer(e.id(), e.version(), e.kind(), e.legalName(), e.registrationNumber(),
                    e.licenceNumber(), e.licenceValidFrom(), e.licenceValidUntil(), e.countryCode(), e.address(),
                    e.contactPerson(), e.phone(), e.email(), e.complianceNotes(), old.blacklisted(), old.blacklistReason(),
                    old.blacklistedOn());
            if (!store.update(tx, kept)) {
                throw new UserError("error.concurrentChange");
            }
            session.audit().record(tx, AuditEvent.on("ORGANISATION_CHANGED", "organisation", e.id(), changed(old, kept)));
            return e.id();
        });
        return get(id);
    }

    /** Puts an organisation on the blacklist (with a reason) or takes it off ({@code reason} ignored). */
    public Employer blacklist(long id, int version, boolean blacklisted, String reason) {
        session.require(Permission.MANAGE_BONDS);
        String why = reason == null ? "" : reason.strip();
        if (blacklisted && (why.isEmpty() || why.length() > 1000)) {
            throw new UserError("error.employer.blacklistReason");
        }
        session.database().write(tx -> {
            Employer old = store.get(tx, id).orElseThrow(() -> new UserError("error.employer.notFound", id));
            Employer next = new Employer(id, version, old.kind(), old.legalName(), old.registrationNumber(),
                    old.licenceNumber(), old.licenceValidFrom(), old.licenceValidUntil(), old.countryCode(), old.address(),
                    old.contactPerson(), old.phone(), old.email(), old.complianceNotes(), blacklisted,
                    blacklisted ? why : null, blacklisted ? session.clock().instant().atZone(session.clock().getZone()).toLocalDate() : null);
            if (!store.update(tx, next)) {
                throw new UserError("error.concurrentChange");
            }
            session.audit().record(tx, AuditEvent.on(blacklisted ? "ORGANISATION_BLACKLISTED" : "ORGANISATION_UNBLACKLISTED",
                    "organisation", id, "blacklisted", "blacklist_reason"));
            return null;
        });
        return get(id);
    }

    private static Employer clean(Employer e) {
        String name = strip(e.legalName());
        if (name == null || name.length() > 300) {
            throw new UserError("error.employer.name");
        }
        if (e.kind() == null) {
            throw new UserError("error.employer.kind");
        }
        String country = strip(e.countryCode());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!country.matches("[A-Z]{2}")) {
                throw new UserError("error.employer.country", country);
            }
        }
        if (e.licenceValidFrom() != null && e.licenceValidUntil() != null
                && e.licenceValidUntil().isBefore(e.licenceValidFrom())) {
            throw new UserError("error.employer.licenceDates");
        }
        String email = strip(e.email());
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new UserError("error.employer.email", email);
        }
        return new Employer(e.id(), e.version(), e.kind(), name, limit(e.registrationNumber(), 100),
                limit(e.licenceNumber(), 100), e.licenceValidFrom(), e.licenceValidUntil(), country, limit(e.address(), 400),
                limit(e.contactPerson(), 200), limit(e.phone(), 40), email, limit(e.complianceNotes(), 4000),
                e.blacklisted(), e.blacklistReason(), e.blacklistedOn());
    }

    private static String[] fields(Employer e) {
        List<String> f = new ArrayList<>(List.of("kind", "legal_name"));
        if (e.licenceNumber() != null) {
            f.add("licence_number");
        }
        return f.toArray(String[]::new);
    }

    private static String[] changed(Employer a, Employer b) {
        List<String> f = new ArrayList<>();
        add(f, "kind", a.kind(), b.kind());
        add(f, "legal_name", a.legalName(), b.legalName());
        add(f, "registration_number", a.registrationNumber(), b.registrationNumber());
        add(f, "licence_number", a.licenceNumber(), b.licenceNumber());
        add(f, "licence_valid_from", a.licenceValidFrom(), b.licenceValidFrom());
        add(f, "licence_valid_until", a.licenceValidUntil(), b.licenceValidUntil());
        add(f, "country_code", a.countryCode(), b.countryCode());
        add(f, "address", a.address(), b.address());
        add(f, "contact_person", a.contactPerson(), b.contactPerson());
        add(f, "phone", a.phone(), b.phone());
        add(f, "email", a.email(), b.email());
        add(f, "compliance_notes", a.complianceNotes(), b.complianceNotes());
        return f.toArray(String[]::new);
    }

    private static void add(List<String> f, String name, Object a, Object b) {
        if (!java.util.Objects.equals(a, b)) {
            f.add(name);
        }
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String limit(String s, int max) {
        String t = strip(s);
        if (t != null && t.length() > max) {
            throw new UserError("error.bonds.tooLong", max);
        }
        return t;
    }
}
