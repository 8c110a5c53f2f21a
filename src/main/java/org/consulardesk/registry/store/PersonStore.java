package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.PERSON;

import java.util.List;
import java.util.Locale;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.PersonRecord;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Registrations in the database; pages are read with LIMIT/OFFSET, never the whole table. */
public final class PersonStore {


    public List<Person> page(Tx tx, String query, int offset, int limit) {
        return tx.dsl().selectFrom(PERSON).where(matches(query))
                .orderBy(PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.ID)
                .offset(offset).limit(limit).fetch(PersonStore::toPerson);
    }

    public int count(Tx tx, String query) {
        return tx.dsl().fetchCount(PERSON, matches(query));
    }

    /** Prefix match on either name, ignoring case. */
    private static Condition matches(String query) {
        if (query == null || query.isBlank()) {
            return ActivePersons.only();
        }
        String prefix = query.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return ActivePersons.only().and(DSL.lower(PERSON.FAMILY_NAME).like(prefix).or(DSL.lower(PERSON.GIVEN_NAMES).like(prefix)));
    }

    private static Person toPerson(PersonRecord r) {
        return new Person(r.getId(), r.getFamilyName(), r.getGivenNames(), r.getSex().charAt(0), r.getBirthDate(),
                r.getCity(), r.getCountryCode(), PurposeOfStay.valueOf(r.getPurpose()), r.getRowVersion());
    }
}
