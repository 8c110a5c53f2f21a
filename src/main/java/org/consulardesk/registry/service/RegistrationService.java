package org.consulardesk.registry.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.SensitiveDetails;
import org.consulardesk.registry.store.RegistrationStore;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * Creating, reading and changing whole registrations. Every change is audited with the names of
 * the fields that changed; restricted details are read only through {@link #reveal(long)}.
 */
public final class RegistrationService {
    private final Session session;
    private final RegistrationStore store = new RegistrationStore();

    public RegistrationService(Session session) {
        this.session = session;
    }

    /** The session's date (a trainer's exercise may set its clock): consent dates default to it. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(session.clock());
    }

    public Registration get(long id) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.get(tx, id)).orElseThrow(() -> new UserError("error.person.notFound", id));
    }

    /** Creates ({@code id == 0}) or updates; an update made from an outdated version is refused. */
    public Registration save(Registration draft) {
        session.require(Permission.EDIT_REGISTRY);
        Registration r = RegistrationRules.check(draft);
        long id = session.database().write(tx -> {
            if (r.id() == 0) {
                long created = store.insert(tx, r, keys(r), session.now());
                session.audit().record(tx, AuditEvent.on("PERSON_ADDED", "person", created, changedFields(null, r)));
                return created;
            }
            Registration before = store.get(tx, r.id()).orElseThrow(() -> new UserError("error.person.notFound", r.id()));
            if (!store.update(tx, r, keys(r), session.now())) {
                throw new UserError("error.concurrentChange");
            }
            session.audit().record(tx, AuditEvent.on("PERSON_CHANGED", "person", r.id(), changedFields(before, r)));
            return r.id();
        });
        return session.database().read(tx -> store.get(tx, id)).orElseThrow();
    }

    /** Saves many new registrations in one transaction: all of them, or none if one is invalid. */
    public int createAll(List<Registration> drafts) {
        session.require(Permission.EDIT_REGISTRY);
        List<Registration> checked = new ArrayList<>(drafts.size());
        for (Registration d : drafts) {
            checked.add(RegistrationRules.check(d));
        }
        return session.database().write(tx -> {
            for (Registration r : checked) {
                long id = store.insert(tx, r, keys(r), session.now());
                session.audit().record(tx, AuditEvent.on("PERSON_ADDED", "person", id, changedFields(null, r)));
            }
            return checked.size();
        });
    }

    /** Shows the restricted details; the reveal itself is audited (never the values). */
    public SensitiveDetails reveal(long personId) {
        session.require(Permission.REVEAL_SENSITIVE);
        return session.database().write(tx -> {
            SensitiveDetails details = store.sensitive(tx, personId)
                    .orElse(new SensitiveDetails(personId, 0, null, null, null));
            session.audit().record(tx, AuditEvent.on("SENSITIVE_REVEALED", "person", personId,
                    "migration_status", "health_details", "detention_details"));
            return details;
        });
    }

    public void saveSensitive(SensitiveDetails details) {
        session.require(Permission.REVEAL_SENSITIVE);
        session.database().write(tx -> {
            if (!store.saveSensitive(tx, details)) {
                throw new UserError("error.concurrentChange");
            }
            session.audit().record(tx, AuditEvent.on("SENSITIVE_CHANGED", "person", details.personId(),
                    "migration_status", "health_details", "detention_details"));
            return null;
        });
    }

    /** A photo or scan with its media type (image/jpeg, image/png, application/pdf). */
    public record Attachment(String mediaType, byte[] content) {
    }

    public Optional<Attachment> photo(long personId) {
        session.require(Permission.VIEW_REGISTRY);
        String[] type = new String[1];
        return session.database().read(tx -> store.photo(tx, personId, type)).map(bytes -> new Attachment(type[0], bytes));
    }

    public void setPhoto(long personId, Attachment photo) {
        session.require(Permission.EDIT_REGISTRY);
        session.database().write(tx -> {
            store.setPhoto(tx, personId, photo == null ? null : photo.content(), photo == null ? null : photo.mediaType());
            session.audit().record(tx, AuditEvent.on(photo == null ? "PHOTO_REMOVED" : "PHOTO_SET", "person", personId, "photo"));
            return null;
        });
    }

    public Optional<Attachment> scan(long documentId) {
        session.require(Permission.VIEW_REGISTRY);
        String[] type = new String[1];
        return session.database().read(tx -> store.scan(tx, documentId, type)).map(bytes -> new Attachment(type[0], bytes));
    }

    public void setScan(long documentId, Attachment scan) {
        session.require(Permission.EDIT_REGISTRY);
        session.database().write(tx -> {
            long person = store.personOfDocument(tx, documentId);
            if (person == 0) {
                throw new UserError("error.document.notFound", documentId);
            }
            store.setScan(tx, documentId, scan == null ? null : scan.content(), scan == null ? null : scan.mediaType());
            session.audit().record(tx, AuditEvent.on("DOCUMENT_SCAN_SET", "document", documentId, "scan")
                    .withDetail("person " + person));
            return null;
        });
    }

    static RegistrationStore.SearchKeys keys(Registration r) {
        List<String> tokens = new ArrayList<>(NameKeys.tokens(r));
        return new RegistrationStore.SearchKeys(NameKeys.searchName(r.familyName(), r.givenNames()), tokens,
                tokens.stream().map(NameKeys::phonetic).toList(), DuplicateService.blockingKey(r.familyName(), r.birthDate()));
    }

    /** Names of the fields that differ, for the audit log (values never go there). */
    static String[] changedFields(Registration before, Registration after) {
        List<String> fields = new ArrayList<>();
        compare(fields, before, after, "family_name", Registration::familyName);
        compare(fields, before, after, "given_names", Registration::givenNames);
        compare(fields, before, after, "family_name_original", Registration::familyNameOriginal);
        compare(fields, before, after, "given_names_original", Registration::givenNamesOriginal);
        compare(fields, before, after, "aliases", Registration::aliases);
        compare(fields, before, after, "sex", Registration::sex);
        compare(fields, before, after, "birth_date", Registration::birthDate);
        compare(fields, before, after, "place_of_birth", Registration::placeOfBirth);
        compare(fields, before, after, "nationality_evidence", Registration::nationalityEvidence);
        compare(fields, before, after, "languages", Registration::languages);
        compare(fields, before, after, "notes", Registration::notes);
        compare(fields, before, after, "purpose", Registration::purpose);
        compare(fields, before, after, "whereabouts", Registration::whereabouts);
        compare(fields, before, after, "contacts", Registration::contacts);
        compare(fields, before, after, "emergency_contacts", Registration::emergencyContacts);
        compare(fields, before, after, "documents", Registration::documents);
        compare(fields, before, after, "employments", Registration::employments);
        compare(fields, before, after, "vulnerabilities", Registration::vulnerabilities);
        compare(fields, before, after, "consents", Registration::consents);
        compare(fields, before, after, "household", Registration::householdId);
        return fields.toArray(String[]::new);
    }

    private static void compare(List<String> fields, Registration before, Registration after, String name,
                                Function<Registration, Object> value) {
        Object now = value.apply(after);
        boolean empty = now == null || (now instanceof String s && s.isBlank()) || (now instanceof List<?> l && l.isEmpty());
        if (before == null ? !empty : !Objects.equals(value.apply(before), now)) {
            fields.add(name);
        }
    }
}
