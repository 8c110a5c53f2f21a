package org.consulardesk.registry.service;

import java.util.List;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.NewPerson;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.store.PersonStore;
import org.consulardesk.registry.store.RegistrationStore;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/** Registering citizens and finding them again. */
public final class PersonService {
    private final Session session;
    private final PersonStore store = new PersonStore();

    public PersonService(Session session) {
        this.session = session;
    }

    public Person register(NewPerson person) {
        return registerAll(List.of(person)).get(0);
    }

    /** Registers several people in one transaction: all of them or, on any error, none. */
    public List<Person> registerAll(List<NewPerson> people) {
        session.require(Permission.EDIT_REGISTRY);
        people.forEach(PersonService::validate);
        RegistrationStore registrations = new RegistrationStore();
        return session.database().write(tx -> {
            List<Person> added = new java.util.ArrayList<>(people.size());
            for (NewPerson person : people) {
                Registration r = toRegistration(person);
                long id = registrations.insert(tx, r, RegistrationService.keys(r), session.now());
                session.audit().record(tx, AuditEvent.on("PERSON_ADDED", "person", id, RegistrationService.changedFields(null, r)));
                added.add(new Person(id, person.familyName(), person.givenNames(), person.sex(), person.birthDate(),
                        person.city(), person.countryCode(), person.purpose(), 1));
            }
            return added;
        });
    }

    private static Registration toRegistration(NewPerson p) {
        Registration blank = Registration.blank();
        return new Registration(0, 0, p.familyName().strip(), p.givenNames().strip(), null, null, List.of(), p.sex(),
                p.birthDate(), null, blank.nationalityEvidence(), List.of(), null, p.purpose(),
                new Whereabouts(null, null, null, p.city(), p.countryCode(), null, null, null, null), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null);
    }

    private static void validate(NewPerson person) {
        if (person.familyName() == null || person.familyName().isBlank()) {
            throw new UserError("error.person.familyNameRequired");
        }
        if (person.givenNames() == null) {
            throw new UserError("error.person.givenNamesRequired");
        }
        if (person.birthDate() != null && !PartialDate.isValid(person.birthDate())) {
            throw new UserError("error.person.birthDate", person.birthDate());
        }
        if ("FMX".indexOf(person.sex()) < 0) {
            throw new UserError("error.person.sex", String.valueOf(person.sex()));
        }
        if (person.purpose() == null) {
            throw new UserError("error.person.purposeRequired");
        }
    }

    public List<Person> search(String query, int offset, int limit) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.page(tx, query, offset, limit));
    }

    /**
     * For each id: the registration that stands for it now (itself, or the one it was merged into)
     * with that one's names (ADR 0064).
     */
    public java.util.Map<Long, org.consulardesk.registry.model.PersonRef> refs(java.util.Collection<Long> ids) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> new PersonLinks().refs(tx, ids));
    }

    /** The registry list's search (names in any script and order, typos, documents, phones, filters). */
    public SearchService searching() {
        return new SearchService(session);
    }

    public int count(String query) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.count(tx, query));
    }
}
