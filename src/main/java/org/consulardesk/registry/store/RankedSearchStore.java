package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.PERSON;
import static org.consulardesk.store.generated.Tables.PERSON_NAME_TOKEN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.PersonNameToken;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Name search that reads one page of an index and stops, whatever the size of the registry
 * (ADR 0037). The persons of the rarest typed word are walked in the (word, whole name, person)
 * index, so results come in list order: by the matching word, then by whole name. Every other
 * typed word is checked on the index entry itself, which carries all the person's name words
 * (ADR 0060), and a person whose names start with the typed word twice is listed once (at their
 * first such word).
 */
public final class RankedSearchStore {
    private static final PersonNameToken T = PERSON_NAME_TOKEN.as("t");
    /** Index entries counted per typed word to find the rarest one, which then drives the walk. */
    private static final int RARITY_CAP = 1_000;
    /** A word with fewer entries than this drives the walk without counting the others. */
    private static final int RARE_ENOUGH = 300;

    /** One page of the persons whose names hold every typed word. */
    public List<PersonHit> page(Tx tx, SearchStore.Query q, int offset, int limit) {
        return tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.BIRTH_DATE, PERSON.CITY,
                        PERSON.DISTRICT, PERSON.PURPOSE)
                .from(T).join(PERSON).on(PERSON.ID.eq(T.PERSON_ID))
                .where(walk(q, rarestWord(tx, q))).and(SearchStore.filters(q))
                .orderBy(T.TOKEN, T.SORT_NAME, T.PERSON_ID).offset(offset).limit(limit)
                .fetch(SearchStore::toHit);
    }

    /** How many persons hold every typed word, counting no further than {@code cap}. */
    public int countUpTo(Tx tx, SearchStore.Query q, int cap) {
        Condition walk = walk(q, rarestWord(tx, q));
        org.jooq.Select<?> bounded = SearchStore.hasFilters(q)
                ? DSL.selectOne().from(T).join(PERSON).on(PERSON.ID.eq(T.PERSON_ID)).where(walk).and(SearchStore.filters(q)).limit(cap)
                : DSL.selectOne().from(T).where(walk).limit(cap);
        Integer n = tx.dsl().selectCount().from(bounded).fetchOne(0, Integer.class);
        return n == null ? 0 : n;
    }

    /**
     * Up to {@code limit} persons with exactly this name word, in list order, each with all their
     * name words: one index range, no other row read (ADR 0060).
     */
    public Map<Long, List<String>> personsWithWord(Tx tx, String token, int limit) {
        Map<Long, List<String>> persons = new LinkedHashMap<>();
        tx.dsl().select(PERSON_NAME_TOKEN.PERSON_ID, PERSON_NAME_TOKEN.WORDS).from(PERSON_NAME_TOKEN)
                .where(PERSON_NAME_TOKEN.TOKEN.eq(token))
                .orderBy(PERSON_NAME_TOKEN.TOKEN, PERSON_NAME_TOKEN.SORT_NAME, PERSON_NAME_TOKEN.PERSON_ID).limit(limit)
                .forEach(r -> persons.put(r.value1(), List.of(r.value2().strip().split(" "))));
        return persons;
    }

    /** The list rows of these persons that pass the query's filters (the text is not checked again). */
    public List<PersonHit> hits(Tx tx, Collection<Long> personIds, SearchStore.Query q) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.BIRTH_DATE, PERSON.CITY,
                        PERSON.DISTRICT, PERSON.PURPOSE)
                .from(PERSON).where(PERSON.ID.in(personIds)).and(SearchStore.filters(q))
                .fetch(SearchStore::toHit);
    }

    /**
     * Index entries of the driving word, one per person (the first of their name words that starts
     * with it: the word before it does not), for persons who also hold every other typed word (in
     * the entry's {@code words}). The walk reads nothing but the index (ADR 0060).
     */
    private static Condition walk(SearchStore.Query q, int driver) {
        String w = q.words().get(driver);
        Condition c = SearchStore.tokenPrefix(T.TOKEN, w).and(SearchStore.tokenPrefix(T.PREV_WORD, w).not());
        for (int i = 0; i < q.words().size(); i++) {
            if (i != driver) {
                c = c.and(DSL.position(T.WORDS, DSL.val(" " + q.words().get(i))).gt(0));
            }
        }
        return c;
    }

    /**
     * The typed word with the fewest index entries (counted up to a cap), so the walk reads as few
     * entries as possible. Longer words are counted first and usually win; a word under
     * {@link #RARE_ENOUGH} entries ends the counting (ties go to the longer word).
     */
    private static int rarestWord(Tx tx, SearchStore.Query q) {
        if (q.words().size() == 1) {
            return 0;
        }
        List<Integer> longestFirst = new ArrayList<>();
        for (int i = 0; i < q.words().size(); i++) {
            longestFirst.add(i);
        }
        longestFirst.sort((a, b) -> Integer.compare(q.words().get(b).length(), q.words().get(a).length()));
        int best = longestFirst.get(0);
        int bestCount = Integer.MAX_VALUE;
        for (int i : longestFirst) {
            Integer n = tx.dsl().selectCount().from(DSL.selectOne().from(PERSON_NAME_TOKEN)
                    .where(SearchStore.tokenPrefix(PERSON_NAME_TOKEN.TOKEN, q.words().get(i))).limit(RARITY_CAP))
                    .fetchOne(0, Integer.class);
            int count = n == null ? 0 : n;
            if (count < bestCount) {
                best = i;
                bestCount = count;
            }
            if (bestCount < RARE_ENOUGH) {
                break;
            }
        }
        return best;
    }
}
