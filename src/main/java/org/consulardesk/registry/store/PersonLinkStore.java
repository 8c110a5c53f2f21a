package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.PERSON;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consulardesk.store.Tx;

/** The merge links between registrations ({@code person.merged_into}), read by id in chunks. */
public final class PersonLinkStore {
    private static final int CHUNK = 500;

    /** For those of {@code ids} that were merged into another registration: id to that registration. */
    public Map<Long, Long> mergedInto(Tx tx, Collection<Long> ids) {
        Map<Long, Long> links = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            tx.dsl().select(PERSON.ID, PERSON.MERGED_INTO).from(PERSON)
                    .where(PERSON.ID.in(chunk)).and(PERSON.MERGED_INTO.isNotNull())
                    .forEach(r -> links.put(r.value1(), r.value2()));
        }
        return links;
    }

    /** The registrations merged directly into one of {@code ids} (through the {@code merged_into} index). */
    public List<Long> mergedIntoAny(Tx tx, Collection<Long> ids) {
        List<Long> found = new ArrayList<>();
        for (List<Long> chunk : chunks(ids)) {
            found.addAll(tx.dsl().select(PERSON.ID).from(PERSON).where(PERSON.MERGED_INTO.in(chunk))
                    .orderBy(PERSON.ID).fetch(PERSON.ID));
        }
        return found;
    }

    /** Family and given names by id, for those of {@code ids} that exist. */
    public Map<Long, String[]> names(Tx tx, Collection<Long> ids) {
        Map<Long, String[]> names = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES).from(PERSON).where(PERSON.ID.in(chunk))
                    .forEach(r -> names.put(r.value1(), new String[] {r.value2(), r.value3()}));
        }
        return names;
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
