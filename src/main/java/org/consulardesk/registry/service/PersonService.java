package org.consulardesk.registry.service;

import java.util.List;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.NewPerson;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.store.PersonStore;
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
        return session.database().write(tx -> {
            List<Person> added = new java.util.ArrayList<>(people.size());
            for (NewPerson person : people) {
                Person p = store.insert(tx, person, session.now());
                session.audit().record(tx, AuditEvent.on("PERSON_ADDED", "person", p.id(),
                        "family_name", "given_names", "sex", "birth_date", "city", "country_code", "purpose"));
                added.add(p);
            }
            return added;
        });
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

    public int count(String query) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.count(tx, query));
    }
}
