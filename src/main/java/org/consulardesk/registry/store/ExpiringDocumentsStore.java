package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.CONTACT;
import static org.consulardesk.store.generated.Tables.PERSON;
import static org.consulardesk.store.generated.Tables.TRAVEL_DOCUMENT;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.ExpiringDocument;
import org.consulardesk.store.Tx;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Travel documents expiring in a window, with the holder's name, city and preferred phone (the
 * preferred phone if one is marked, otherwise the first phone recorded), soonest first.
 */
public final class ExpiringDocumentsStore {

    public int count(Tx tx, LocalDate from, LocalDate to) {
        return tx.dsl().fetchCount(TRAVEL_DOCUMENT, window(from, to));
    }

    public List<ExpiringDocument> page(Tx tx, LocalDate from, LocalDate to, int offset, int limit) {
        Field<String> phone = DSL.field(DSL.select(CONTACT.CONTACT_VALUE).from(CONTACT)
                .where(CONTACT.PERSON_ID.eq(PERSON.ID).and(CONTACT.KIND.eq("PHONE")))
                .orderBy(CONTACT.PREFERRED.desc(), CONTACT.ID).limit(1));
        return tx.dsl().select(TRAVEL_DOCUMENT.ID, PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES,
                        TRAVEL_DOCUMENT.DOC_TYPE, TRAVEL_DOCUMENT.DOC_NUMBER, TRAVEL_DOCUMENT.EXPIRES_ON, phone, PERSON.CITY)
                .from(TRAVEL_DOCUMENT).join(PERSON).on(PERSON.ID.eq(TRAVEL_DOCUMENT.PERSON_ID))
                .where(window(from, to))
                .orderBy(TRAVEL_DOCUMENT.EXPIRES_ON, PERSON.SEARCH_NAME, TRAVEL_DOCUMENT.ID)
                .offset(offset).limit(limit)
                .fetch(r -> new ExpiringDocument(r.value1(), r.value2(), r.value3(), r.value4(),
                        DocumentType.valueOf(r.value5()), r.value6(), r.value7(),
                        ChronoUnit.DAYS.between(from, r.value7()), r.value8(), r.value9()));
    }

    private static Condition window(LocalDate from, LocalDate to) {
        return TRAVEL_DOCUMENT.EXPIRES_ON.ge(from).and(TRAVEL_DOCUMENT.EXPIRES_ON.le(to))
                .and(TRAVEL_DOCUMENT.PERSON_ID.notIn(DSL.select(PERSON.ID).from(PERSON).where(ActivePersons.only().not())));
    }
}
