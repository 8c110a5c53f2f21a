package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.PERSON;
import static org.consulardesk.store.generated.Tables.PERSON_NAME_PAIR;
import static org.consulardesk.store.generated.Tables.PERSON_NAME_TOKEN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.store.Tx;
import org.consulardesk.store.NamePairs;
import org.consulardesk.store.generated.tables.PersonNamePair;
import org.consulardesk.store.generated.tables.PersonNameToken;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Name search that reads one page of an index and stops, whatever the size of the registry
 * (ADR 0037). The persons of one typed word are walked in list order: by the matching word, then
 * by whole name. With several typed words the walk is narrowed to persons who also hold a word
 * starting with the first two letters of another typed word (ADR 0061); every other typed word is
 * checked on the index entry itself, which carries all the person's name words (ADR 0060), and a
 * person whose names start with the typed word twice is listed once (at their first such word).
 */
public final class RankedSearchStore {
    private static final PersonNameToken T = PERSON_NAME_TOKEN.as("t");
    private static final PersonNamePair P = PERSON_NAME_PAIR.as("p");
    /**
     * Index entries counted per candidate range to find the rarest one, which then drives the walk;
     * a range with fewer entries drives at once, without counting the others. A range read to its
     * end is the walk's worst case; ranges over the cap are all walked until a page is full, so
     * counting further would only read more cold index pages (ADR 0061).
     */
    private static final int RARITY_CAP = 100;

    /**
     * One page of the persons whose names hold every typed word. Without filters the page is read
     * from the walk alone: its entries carry the list's row (ADR 0078), and merged persons have no
     * entries (ADR 0037). A filter on the person (city, vulnerability, consent, ...) reads the row.
     */
    public List<PersonHit> page(Tx tx, SearchStore.Query q, int offset, int limit) {
        Walk walk = walk(q, plan(tx, q));
        if (!SearchStore.hasFilters(q)) {
            List<Field<String>> row = ListRow.columns(walk.index());
            List<Field<?>> select = new ArrayList<>(row);
            select.add(0, walk.person());
            return tx.dsl().select(select).from(walk.index()).where(walk.where())
                    .orderBy(walk.order()).offset(offset).limit(limit)
                    .fetch(r -> ListRow.hit(r, walk.person(), row));
        }
        return tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.BIRTH_DATE, PERSON.CITY,
                        PERSON.DISTRICT, PERSON.PURPOSE)
                .from(walk.index()).join(PERSON).on(PERSON.ID.eq(walk.person()))
                .where(walk.where()).and(SearchStore.filters(q))
                .orderBy(walk.order()).offset(offset).limit(limit)
                .fetch(SearchStore::toHit);
    }

    /** How many persons hold every typed word, counting no further than {@code cap}. */
    public int countUpTo(Tx tx, SearchStore.Query q, int cap) {
        Walk walk = walk(q, plan(tx, q));
        org.jooq.Select<?> bounded = SearchStore.hasFilters(q)
                ? DSL.selectOne().from(walk.index()).join(PERSON).on(PERSON.ID.eq(walk.person())).where(walk.where())
                        .and(SearchStore.filters(q)).limit(cap)
                : DSL.selectOne().from(walk.index()).where(walk.where()).limit(cap);
        Integer n = tx.dsl().selectCount().from(bounded).fetchOne(0, Integer.class);
        return n == null ? 0 : n;
    }

    /**
     * A person found in the name index: all their name words, their whole name in list order, and
     * their list row as the index entry carries it (ADR 0078).
     */
    public record IndexedPerson(List<String> words, String sortName, PersonHit row) {
    }

    /**
     * Up to {@code limit} persons with exactly this name word, in list order, each with all their
     * name words and their list row: one index range, no other row read (ADR 0060, 0078).
     */
    public Map<Long, IndexedPerson> personsWithWord(Tx tx, String token, int limit) {
        Map<Long, IndexedPerson> persons = new LinkedHashMap<>();
        List<Field<String>> row = ListRow.columns(PERSON_NAME_TOKEN);
        List<Field<?>> select = new ArrayList<>(List.of(PERSON_NAME_TOKEN.PERSON_ID, PERSON_NAME_TOKEN.WORDS,
                PERSON_NAME_TOKEN.SORT_NAME));
        select.addAll(row);
        tx.dsl().select(select).from(PERSON_NAME_TOKEN)
                .where(PERSON_NAME_TOKEN.TOKEN.eq(token))
                .orderBy(PERSON_NAME_TOKEN.TOKEN, PERSON_NAME_TOKEN.SORT_NAME, PERSON_NAME_TOKEN.PERSON_ID).limit(limit)
                .forEach(r -> persons.put(r.get(PERSON_NAME_TOKEN.PERSON_ID), new IndexedPerson(
                        List.of(r.get(PERSON_NAME_TOKEN.WORDS).strip().split(" ")),
                        r.get(PERSON_NAME_TOKEN.SORT_NAME) == null ? "" : r.get(PERSON_NAME_TOKEN.SORT_NAME),
                        ListRow.hit(r, PERSON_NAME_TOKEN.PERSON_ID, row))));
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

    /** The typed word whose persons are walked, and the pair key of another typed word that narrows them (or null). */
    private record Plan(int driver, String pairKey) {
    }

    /** An index range to walk in list order, with the checks that keep one entry per matching person. */
    private record Walk(Table<?> index, Field<Long> person, Condition where, List<OrderField<?>> order) {
    }

    /**
     * Index entries of the driving word, one per person (the first of their name words that starts
     * with it: the word before it does not), for persons who also hold every other typed word (in
     * the entry's {@code words}). With a pair key, only the persons who also hold a word starting
     * with those two letters are in the range (ADR 0061). The walk reads nothing but the index.
     */
    private static Walk walk(SearchStore.Query q, Plan plan) {
        String w = q.words().get(plan.driver());
        if (plan.pairKey() == null) {
            Condition c = SearchStore.tokenPrefix(T.TOKEN, w).and(SearchStore.tokenPrefix(T.PREV_WORD, w).not())
                    .and(holdsOtherWords(q, plan.driver(), T.WORDS));
            return new Walk(T, T.PERSON_ID, c, List.of(T.TOKEN, T.SORT_NAME, T.PERSON_ID));
        }
        Condition c = P.PAIR_KEY.eq(plan.pairKey()).and(SearchStore.tokenPrefix(P.TOKEN, w))
                .and(SearchStore.tokenPrefix(P.PREV_WORD, w).not()).and(holdsOtherWords(q, plan.driver(), P.WORDS));
        // The constant pair key leads the order so that H2 reads the index in order instead of sorting.
        return new Walk(P, P.PERSON_ID, c, List.of(P.PAIR_KEY, P.TOKEN, P.SORT_NAME, P.PERSON_ID));
    }

    private static Condition holdsOtherWords(SearchStore.Query q, int driver, Field<String> words) {
        Condition c = DSL.noCondition();
        for (int i = 0; i < q.words().size(); i++) {
            if (i != driver) {
                c = c.and(DSL.position(words, DSL.val(" " + q.words().get(i))).gt(0));
            }
        }
        return c;
    }

    /**
     * The narrowest walk. A typed word of exactly two letters is a whole pair key: every entry
     * of its range holds it, so the longest other word drives under that key and nothing is
     * counted. Otherwise every (typed word, other typed word's key) range is counted up to
     * {@link #RARITY_CAP} entries and the smallest is walked; among ranges over the cap, the key
     * of the shortest word wins (the larger share of its entries hold the whole word), then the
     * longest driving word. With one typed word, or only one-letter other words, the word with
     * the fewest entries drives a walk without a key.
     */
    private static Plan plan(Tx tx, SearchStore.Query q) {
        List<String> words = q.words();
        if (words.size() == 1) {
            return new Plan(0, null);
        }
        List<Plan> candidates = new ArrayList<>();
        List<Integer> keyWords = longestFirst(words);
        Collections.reverse(keyWords); // shortest key word first: the largest share of its range holds it
        for (int j : keyWords) {
            for (int i : longestFirst(words)) {
                String key = NamePairs.key(words.get(j));
                Plan p = new Plan(i, key);
                if (i != j && key != null && !candidates.contains(p)) {
                    if (words.get(j).length() == NamePairs.KEY_LETTERS) {
                        return p;
                    }
                    candidates.add(p);
                }
            }
        }
        if (candidates.isEmpty()) {
            return new Plan(rarestWord(tx, q), null);
        }
        Plan best = candidates.get(0);
        int bestCount = Integer.MAX_VALUE;
        for (Plan p : candidates) {
            int count = countUpTo(tx, P.PAIR_KEY.eq(p.pairKey()).and(SearchStore.tokenPrefix(P.TOKEN, words.get(p.driver()))), P);
            if (count < bestCount) {
                best = p;
                bestCount = count;
            }
            if (bestCount < RARITY_CAP) {
                break;
            }
        }
        return best;
    }

    private static List<Integer> longestFirst(List<String> words) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(words.get(b).length(), words.get(a).length()));
        return order;
    }

    private static int countUpTo(Tx tx, Condition range, Table<?> index) {
        Integer n = tx.dsl().selectCount().from(DSL.selectOne().from(index).where(range).limit(RARITY_CAP))
                .fetchOne(0, Integer.class);
        return n == null ? 0 : n;
    }

    /** The typed word with the fewest index entries (counted up to a cap), longer words counted first. */
    private static int rarestWord(Tx tx, SearchStore.Query q) {
        int best = 0;
        int bestCount = Integer.MAX_VALUE;
        for (int i : longestFirst(q.words())) {
            int count = countUpTo(tx, SearchStore.tokenPrefix(T.TOKEN, q.words().get(i)), T);
            if (count < bestCount) {
                best = i;
                bestCount = count;
            }
            if (bestCount < RARITY_CAP) {
                break;
            }
        }
        return best;
    }
}
