package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.RegistrySearch;
import org.consulardesk.store.Tx;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * The registry list in the database: every condition goes through an index (name tokens, document
 * numbers, phone digits, filters), and only one page is ever read.
 */
public final class SearchStore {
    /** Country calling codes tried for a local phone number typed with its leading 0. */
    private static final List<String> CALLING_CODES = List.of("254", "255", "256", "971", "966", "974", "965", "44",
            "49", "33", "39", "34", "1", "61", "27", "20", "91", "60", "65", "852");

    /**
     * The parsed question.
     *
     * @param words        normalised name words; each must prefix-match a token
     * @param documentKey  document-number prefix, or null
     * @param phoneDigits  phone digits, or null
     * @param wholeName    normalised whole text, for ranking
     * @param today        for expiry and consent filters
     */
    public record Query(List<String> words, String documentKey, String phoneDigits,
                        String wholeName, RegistrySearch filters, LocalDate today) {
    }

    public List<PersonHit> page(Tx tx, Query q, int offset, int limit) {
        return tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.BIRTH_DATE, PERSON.CITY,
                        PERSON.DISTRICT, PERSON.PURPOSE)
                .from(PERSON).where(condition(q))
                .orderBy(order(q)).offset(offset).limit(limit)
                .fetch(SearchStore::toHit);
    }

    public int count(Tx tx, Query q) {
        return tx.dsl().fetchCount(PERSON, condition(q));
    }

    /** Matching persons, counted only up to {@code cap} (an index walk that stops early, for "1,000+"). */
    public int countUpTo(Tx tx, Query q, int cap) {
        Integer n = tx.dsl().selectCount().from(DSL.selectOne().from(PERSON).where(condition(q)).limit(cap))
                .fetchOne(0, Integer.class);
        return n == null ? 0 : n;
    }

    /** Distinct words (from the dictionary of words) that sound like {@code word} or share its first three letters. */
    public Set<String> similarTokens(Tx tx, String word, String phonetic, int maxRows) {
        Set<String> tokens = new LinkedHashSet<>();
        if (phonetic != null) {
            tokens.addAll(tx.dsl().fetch("select token from name_token where phonetic = ? limit ?", phonetic, maxRows)
                    .getValues(0, String.class));
        }
        if (word.length() >= 3) {
            tokens.addAll(tx.dsl().fetch("select token from name_token where token >= ? and token < ? limit ?",
                    word.substring(0, 3), word.substring(0, 3) + '\uffff', maxRows).getValues(0, String.class));
        }
        return tokens;
    }

    /**
     * The "raw engine" of the benchmark: one indexed prefix query on the normalised name column,
     * returning the same row columns as a page of the list.
     */
    public List<PersonHit> rawPrefix(Tx tx, String normalisedPrefix, int limit) {
        return tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.BIRTH_DATE, PERSON.CITY,
                        PERSON.DISTRICT, PERSON.PURPOSE)
                .from(PERSON).where(tokenPrefix(PERSON.SEARCH_NAME, normalisedPrefix))
                .orderBy(PERSON.SEARCH_NAME).limit(limit).fetch(SearchStore::toHit);
    }

    /** A random sample of names to type in the benchmark: family, given (Latin). */
    public List<String[]> sampleNames(Tx tx, long fromId, int count) {
        return tx.dsl().select(PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES).from(PERSON).where(PERSON.ID.ge(fromId))
                .orderBy(PERSON.ID).limit(count).fetch(r -> new String[] {r.value1(), r.value2()});
    }

    public long maxId(Tx tx) {
        Long max = tx.dsl().select(DSL.max(PERSON.ID)).from(PERSON).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    static Condition condition(Query q) {
        return textCondition(q).and(filters(q));
    }

    /**
     * True when only name words are asked for, in relevance order: then {@link RankedSearchStore}
     * answers from index walks that stop after one page.
     */
    public static boolean ranked(Query q) {
        return !q.words().isEmpty() && q.documentKey() == null && q.phoneDigits() == null
                && q.filters().sort() == org.consulardesk.registry.model.SearchSort.RELEVANCE;
    }

    /** True when any filter narrows the query besides its text. */
    public static boolean hasFilters(Query q) {
        RegistrySearch f = q.filters();
        return notBlank(f.city()) || notBlank(f.district()) || f.purpose() != null || f.vulnerability() != null
                || f.expiringWithinDays() != null || f.consentPurpose() != null;
    }

    /** The filters of the query (city, district, purpose, vulnerability, expiry, consent), without the text. */
    static Condition filters(Query q) {
        RegistrySearch f = q.filters();
        Condition c = ActivePersons.only();
        if (notBlank(f.city())) {
            c = c.and(DSL.lower(PERSON.CITY).like(escape(f.city().strip().toLowerCase(java.util.Locale.ROOT)) + "%", '!'));
        }
        if (notBlank(f.district())) {
            c = c.and(DSL.lower(PERSON.DISTRICT).like(escape(f.district().strip().toLowerCase(java.util.Locale.ROOT)) + "%", '!'));
        }
        if (f.purpose() != null) {
            c = c.and(PERSON.PURPOSE.eq(f.purpose().name()));
        }
        if (f.vulnerability() != null) {
            c = c.and(DSL.condition("exists (select 1 from vulnerability v where v.person_id = person.id and v.code = ?)",
                    f.vulnerability().name()));
        }
        if (f.expiringWithinDays() != null) {
            c = c.and(DSL.condition("exists (select 1 from travel_document d where d.person_id = person.id"
                    + " and d.expires_on >= ? and d.expires_on <= ?)", q.today(), q.today().plusDays(f.expiringWithinDays())));
        }
        if (f.consentPurpose() != null) {
            c = c.and(DSL.condition("exists (select 1 from consent k where k.person_id = person.id and k.purpose = ?"
                    + " and k.granted_on <= ? and (k.withdrawn_on is null or k.withdrawn_on > ?))",
                    f.consentPurpose().name(), q.today(), q.today()));
        }
        return c;
    }

    private static Condition textCondition(Query q) {
        List<Condition> any = new ArrayList<>();
        if (!q.words().isEmpty()) {
            // Drive from the most selective (longest) word through the token index; require the others per person.
            List<Integer> byLength = new ArrayList<>();
            for (int i = 0; i < q.words().size(); i++) {
                byLength.add(i);
            }
            byLength.sort((a, b) -> Integer.compare(q.words().get(b).length(), q.words().get(a).length()));
            Condition names = DSL.noCondition();
            boolean first = true;
            for (int i : byLength) {
                String w = q.words().get(i);
                if (first) {
                    Condition token = tokenPrefix("token", w);
                    org.jooq.Select<org.jooq.Record1<Long>> ids = DSL.select(DSL.field("person_id", Long.class))
                            .from(DSL.table("person_name_token")).where(token);
                    names = names.and(PERSON.ID.in(ids));
                    first = false;
                } else {
                    Condition token = tokenPrefix("t.token", w);
                    names = names.and(DSL.exists(DSL.selectOne().from(DSL.table("person_name_token").as("t"))
                            .where(DSL.field("t.person_id", Long.class).eq(PERSON.ID)).and(token)));
                }
            }
            any.add(names);
        }
        if (q.documentKey() != null) {
            any.add(PERSON.ID.in(DSL.select(DSL.field("person_id", Long.class)).from(DSL.table("travel_document"))
                    .where(DSL.condition("search_number like ?", escape(q.documentKey()) + "%"))));
        }
        if (q.phoneDigits() != null) {
            List<String> prefixes = new ArrayList<>();
            prefixes.add(q.phoneDigits());
            if (q.phoneDigits().startsWith("0") && q.phoneDigits().length() > 4) {
                CALLING_CODES.forEach(cc -> prefixes.add(cc + q.phoneDigits().substring(1)));
            }
            Condition phone = DSL.falseCondition();
            for (String p : prefixes) {
                phone = phone.or(DSL.condition("search_value like ?", escape(p) + "%"));
            }
            any.add(PERSON.ID.in(DSL.select(DSL.field("person_id", Long.class)).from(DSL.table("contact")).where(phone)));
        }
        return any.isEmpty() ? DSL.noCondition() : DSL.or(any);
    }

    /**
     * A prefix match that H2 turns into an index range: {@code LIKE ?} with a bound value is not
     * (the pattern is unknown when the plan is made), {@code >= ? AND < ?} is.
     */
    static Condition tokenPrefix(String column, String prefix) {
        return tokenPrefix(DSL.field(column, String.class), prefix);
    }

    static Condition tokenPrefix(org.jooq.Field<String> f, String prefix) {
        return f.ge(prefix).and(f.lt(prefix + '\uffff'));
    }

    private static List<SortField<?>> order(Query q) {
        boolean desc = q.filters().descending();
        List<SortField<?>> order = new ArrayList<>();
        switch (q.filters().sort()) {
            case CITY -> order.add(desc ? PERSON.CITY.desc().nullsLast() : PERSON.CITY.asc().nullsLast());
            case BIRTH_DATE -> order.add(desc ? PERSON.BIRTH_DATE.desc().nullsLast() : PERSON.BIRTH_DATE.asc().nullsLast());
            case RELEVANCE -> {
                if (!q.wholeName().isEmpty()) {
                    order.add(DSL.when(PERSON.SEARCH_NAME.like(escape(q.wholeName()) + "%", '!'), 0).otherwise(1).asc());
                }
            }
            default -> { }
        }
        order.add(desc && q.filters().sort() == org.consulardesk.registry.model.SearchSort.NAME
                ? PERSON.SEARCH_NAME.desc() : PERSON.SEARCH_NAME.asc());
        order.add(PERSON.ID.asc());
        return order;
    }

    static PersonHit toHit(Record r) {
        return new PersonHit(r.get(PERSON.ID), r.get(PERSON.FAMILY_NAME), r.get(PERSON.GIVEN_NAMES), r.get(PERSON.BIRTH_DATE),
                r.get(PERSON.CITY), r.get(PERSON.DISTRICT), PurposeOfStay.valueOf(r.get(PERSON.PURPOSE)), 1.0);
    }

    static String escape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
