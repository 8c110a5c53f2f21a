package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.PERSON;

import java.util.List;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.store.generated.tables.records.PersonRecord;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The columns of one row of the registry list. Every name-word and pair entry carries a copy of
 * them beside the words, written with the words, so a page of the search is read from the name
 * walk alone instead of from person rows scattered over the file (ADR 0078).
 */
record ListRow(String familyName, String givenNames, String birthDate, String city, String district, String purpose) {

    /** The copy of a person row as it is stored. */
    static ListRow of(PersonRecord p) {
        return new ListRow(p.getFamilyName(), p.getGivenNames(), p.getBirthDate(), p.getCity(), p.getDistrict(), p.getPurpose());
    }

    /** The values in the order of {@link #columns}. */
    Object[] values() {
        return new Object[] {familyName, givenNames, birthDate, city, district, purpose};
    }

    /** The list's columns in a name index table (or its alias); the person id is not one of them. */
    static List<Field<String>> columns(Table<?> index) {
        return List.of(field(index, PERSON.FAMILY_NAME), field(index, PERSON.GIVEN_NAMES), field(index, PERSON.BIRTH_DATE),
                field(index, PERSON.CITY), field(index, PERSON.DISTRICT), field(index, PERSON.PURPOSE));
    }

    /** A page row read from a name index table: its person id and the list's columns. */
    static PersonHit hit(Record r, Field<Long> personId, List<Field<String>> columns) {
        return new PersonHit(r.get(personId), r.get(columns.get(0)), r.get(columns.get(1)), r.get(columns.get(2)),
                r.get(columns.get(3)), r.get(columns.get(4)), PurposeOfStay.valueOf(r.get(columns.get(5))), 1.0);
    }

    private static Field<String> field(Table<?> index, Field<String> personColumn) {
        Field<String> f = index.field(personColumn.getName(), String.class);
        if (f == null) {
            throw new IllegalArgumentException(index.getName() + " has no column " + personColumn.getName());
        }
        return f;
    }
}
