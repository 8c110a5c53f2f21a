package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.PERSON;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.consulardesk.registry.model.NewPerson;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.PersonRecord;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Registrations in the database; pages are read with LIMIT/OFFSET, never the whole table. */
public final class PersonStore {

    public Person insert(Tx tx, NewPerson p, Instant now) {
        PersonRecord r = tx.dsl().insertInto(PERSON)
                .set(PERSON.FAMILY_NAME, p.familyName())
                .set(PERSON.GIVEN_NAMES, p.givenNames())
                .set(PERSON.SEX, String.valueOf(p.sex()))
                .set(PERSON.BIRTH_DATE, p.birthDate())
                .set(PERSON.CITY, p.city())
                .set(PERSON.COUNTRY_CODE, p.countryCode())
                .set(PERSON.PURPOSE, p.purpose().name())
                .set(PERSON.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(PERSON.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(PERSON.ROW_VERSION, 1)
                .returning().fetchOne();
        return toPerson(r);
    }

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
            return DSL.noCondition();
        }
        String prefix = query.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return DSL.lower(PERSON.FAMILY_NAME).like(prefix).or(DSL.lower(PERSON.GIVEN_NAMES).like(prefix));
    }

    private static Person toPerson(PersonRecord r) {
        return new Person(r.getId(), r.getFamilyName(), r.getGivenNames(), r.getSex().charAt(0), r.getBirthDate(),
                r.getCity(), r.getCountryCode(), PurposeOfStay.valueOf(r.getPurpose()), r.getRowVersion());
    }
}
