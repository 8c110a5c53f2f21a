package org.consulardesk.registry.service;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consulardesk.registry.model.PersonRef;
import org.consulardesk.registry.store.PersonLinkStore;
import org.consulardesk.store.Tx;

/**
 * Follows merges for the records of other features that keep a person's id (ETD applications, bond
 * workers, claims, evacuation costs, ledger entries): those rows are never re-pointed, so undoing a
 * merge leaves them exactly as they were; readers ask here which registration stands for the stored
 * id now (ADR 0064). Runs in the caller's transaction; the caller has checked its own permission.
 */
public final class PersonLinks {
    /** Merges of merges are followed this deep at most (a cycle cannot arise; this only bounds the loop). */
    private static final int MAX_HOPS = 64;

    private final PersonLinkStore store = new PersonLinkStore();

    /** For each id: the registration that stands for it now, with that one's names. */
    public Map<Long, PersonRef> refs(Tx tx, Collection<Long> ids) {
        Map<Long, Long> current = currentIds(tx, ids);
        Map<Long, String[]> names = store.names(tx, new LinkedHashSet<>(current.values()));
        Map<Long, PersonRef> refs = new LinkedHashMap<>();
        current.forEach((id, now) -> {
            String[] n = names.getOrDefault(now, new String[] {null, null});
            refs.put(id, new PersonRef(id, now, n[0], n[1]));
        });
        return refs;
    }

    public PersonRef ref(Tx tx, long id) {
        return refs(tx, List.of(id)).get(id);
    }

    /** The registration that stands for {@code id} now ({@code id} itself unless it was merged away). */
    public long current(Tx tx, long id) {
        return currentIds(tx, List.of(id)).get(id);
    }

    /**
     * Every id that stands for the same person as {@code id} now: its current registration and all
     * registrations merged into that one, directly or through later merges.
     */
    public Set<Long> sameAs(Tx tx, long id) {
        long head = current(tx, id);
        Set<Long> all = new LinkedHashSet<>(List.of(head));
        Deque<Long> frontier = new ArrayDeque<>(List.of(head));
        for (int hop = 0; hop < MAX_HOPS && !frontier.isEmpty(); hop++) {
            List<Long> next = store.mergedIntoAny(tx, frontier);
            frontier.clear();
            for (Long n : next) {
                if (all.add(n)) {
                    frontier.add(n);
                }
            }
        }
        return all;
    }

    /** For each id: the registration that stands for it now (itself unless merged away), following chains of merges. */
    public Map<Long, Long> currentIds(Tx tx, Collection<Long> ids) {
        Map<Long, Long> current = new LinkedHashMap<>();
        ids.forEach(id -> current.put(id, id));
        Set<Long> heads = new LinkedHashSet<>(current.values());
        for (int hop = 0; hop < MAX_HOPS && !heads.isEmpty(); hop++) {
            Map<Long, Long> next = new HashMap<>(store.mergedInto(tx, heads));
            if (next.isEmpty()) {
                break;
            }
            current.replaceAll((id, now) -> next.getOrDefault(now, now));
            heads = new LinkedHashSet<>(next.values());
        }
        return current;
    }
}
