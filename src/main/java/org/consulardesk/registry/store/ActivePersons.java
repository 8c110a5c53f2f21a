package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.PERSON;

import org.jooq.Condition;

/**
 * The one filter for "persons that count": a person merged into another stays in the table (for the
 * merge history and the references of ETDs and bonds) but is left out of search, lists, the map,
 * exports and counts.
 */
public final class ActivePersons {
    private ActivePersons() {
    }

    public static Condition only() {
        return PERSON.MERGED_INTO.isNull();
    }
}
