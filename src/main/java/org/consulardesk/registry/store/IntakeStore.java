package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.INTAKE_MAPPING;
import static org.consulardesk.store.generated.Tables.PERSON;
import static org.consulardesk.store.generated.Tables.TRAVEL_DOCUMENT;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.consulardesk.store.Tx;

/** Saved intake mappings, and the look-ups the duplicate check makes in batches. */
public final class IntakeStore {
    private static final int BATCH = 500;

    /** A registration that shares a key with an imported row. */
    public record Match(long personId, String key, String birthDate) {
    }

    /** Mapping name to its definition, sorted by name. */
    public Map<String, String> mappings(Tx tx) {
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        tx.dsl().selectFrom(INTAKE_MAPPING).orderBy(INTAKE_MAPPING.NAME).forEach(r -> all.put(r.getName(), r.getDefinition()));
        return all;
    }

    public Optional<String> mapping(Tx tx, String name) {
        return tx.dsl().select(INTAKE_MAPPING.DEFINITION).from(INTAKE_MAPPING).where(INTAKE_MAPPING.NAME.eq(name))
                .fetchOptional(INTAKE_MAPPING.DEFINITION);
    }

    public void saveMapping(Tx tx, String name, String definition, Instant now) {
        int updated = tx.dsl().update(INTAKE_MAPPING).set(INTAKE_MAPPING.DEFINITION, definition)
                .set(INTAKE_MAPPING.UPDATED_AT, now.atOffset(ZoneOffset.UTC)).where(INTAKE_MAPPING.NAME.eq(name)).execute();
        if (updated == 0) {
            tx.dsl().insertInto(INTAKE_MAPPING, INTAKE_MAPPING.NAME, INTAKE_MAPPING.DEFINITION, INTAKE_MAPPING.UPDATED_AT)
                    .values(name, definition, now.atOffset(ZoneOffset.UTC)).execute();
        }
    }

    public boolean deleteMapping(Tx tx, String name) {
        return tx.dsl().deleteFrom(INTAKE_MAPPING).where(INTAKE_MAPPING.NAME.eq(name)).execute() > 0;
    }

    /** Registrations whose normalised "family given" name is one of {@code searchNames}. */
    public List<Match> byName(Tx tx, Collection<String> searchNames) {
        List<Match> matches = new ArrayList<>();
        for (List<String> batch : batches(searchNames)) {
            tx.dsl().select(PERSON.ID, PERSON.SEARCH_NAME, PERSON.BIRTH_DATE).from(PERSON).where(PERSON.SEARCH_NAME.in(batch)).and(ActivePersons.only())
                    .forEach(r -> matches.add(new Match(r.value1(), r.value2(), r.value3())));
        }
        return matches;
    }

    /** Registrations holding a document whose number key ({@link RegistrationStore#documentKey}) is one of these. */
    public List<Match> byDocument(Tx tx, Collection<String> documentKeys) {
        List<Match> matches = new ArrayList<>();
        for (List<String> batch : batches(documentKeys)) {
            tx.dsl().select(TRAVEL_DOCUMENT.PERSON_ID, TRAVEL_DOCUMENT.SEARCH_NUMBER).from(TRAVEL_DOCUMENT)
                    .where(TRAVEL_DOCUMENT.SEARCH_NUMBER.in(batch))
                    .and(TRAVEL_DOCUMENT.PERSON_ID.notIn(org.jooq.impl.DSL.select(PERSON.ID).from(PERSON).where(ActivePersons.only().not())))
                    .forEach(r -> matches.add(new Match(r.value1(), r.value2(), null)));
        }
        return matches;
    }

    private static List<List<String>> batches(Collection<String> keys) {
        List<String> all = keys.stream().distinct().toList();
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            batches.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        }
        return batches;
    }
}
