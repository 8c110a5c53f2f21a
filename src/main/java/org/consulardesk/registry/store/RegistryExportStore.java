package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.CONSENT;
import static org.consulardesk.store.generated.Tables.CONTACT;
import static org.consulardesk.store.generated.Tables.PERSON;
import static org.consulardesk.store.generated.Tables.SENSITIVE_DETAIL;
import static org.consulardesk.store.generated.Tables.TRAVEL_DOCUMENT;
import static org.consulardesk.store.generated.Tables.VULNERABILITY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consulardesk.registry.model.PresenceStatus;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.RegistrantRow;
import org.consulardesk.registry.model.RegistryCount;
import org.consulardesk.registry.model.RegistryFilter;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.PersonRecord;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Registrations read for exports: pages in id order (keyset, never OFFSET over the whole table) with
 * their contacts, documents, vulnerabilities, consents and restricted details fetched per page; and
 * counts by dimension.
 */
public final class RegistryExportStore {

    public long count(Tx tx, RegistryFilter filter) {
        return tx.dsl().fetchCount(PERSON, condition(filter));
    }

    /** Up to {@code limit} rows with id greater than {@code afterId}, in id order. */
    public List<RegistrantRow> page(Tx tx, RegistryFilter filter, long afterId, int limit, boolean sensitive,
                                    LocalDate today) {
        List<PersonRecord> persons = tx.dsl().selectFrom(PERSON).where(condition(filter).and(PERSON.ID.gt(afterId)))
                .orderBy(PERSON.ID).limit(limit).fetch();
        return rows(tx, persons, sensitive, today);
    }

    /**
     * The rows of those of {@code ids} (one page, a few thousand at most) that match the filter, in id
     * order: merged-away and filtered-out persons are absent (the export of the people inside an area).
     */
    public List<RegistrantRow> rowsOf(Tx tx, RegistryFilter filter, java.util.Collection<Long> ids, boolean sensitive,
                                      LocalDate today) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<PersonRecord> persons = tx.dsl().selectFrom(PERSON).where(condition(filter).and(PERSON.ID.in(ids)))
                .orderBy(PERSON.ID).fetch();
        return rows(tx, persons, sensitive, today);
    }

    private static List<RegistrantRow> rows(Tx tx, List<PersonRecord> persons, boolean sensitive, LocalDate today) {
        if (persons.isEmpty()) {
            return List.of();
        }
        List<Long> ids = persons.stream().map(PersonRecord::getId).toList();
        Map<Long, String> phones = new HashMap<>();
        Map<Long, String> emails = new HashMap<>();
        tx.dsl().select(CONTACT.PERSON_ID, CONTACT.KIND, CONTACT.CONTACT_VALUE).from(CONTACT)
                .where(CONTACT.PERSON_ID.in(ids)).orderBy(CONTACT.PERSON_ID, CONTACT.PREFERRED.desc(), CONTACT.ID)
                .forEach(r -> {
                    if ("PHONE".equals(r.value2())) {
                        phones.putIfAbsent(r.value1(), r.value3());
                    } else if ("EMAIL".equals(r.value2())) {
                        emails.putIfAbsent(r.value1(), r.value3());
                    }
                });
        Map<Long, String[]> documents = new HashMap<>();
        Map<Long, LocalDate> expiries = new HashMap<>();
        tx.dsl().select(TRAVEL_DOCUMENT.PERSON_ID, TRAVEL_DOCUMENT.DOC_NUMBER, TRAVEL_DOCUMENT.EXPIRES_ON)
                .from(TRAVEL_DOCUMENT).where(TRAVEL_DOCUMENT.PERSON_ID.in(ids))
                .orderBy(TRAVEL_DOCUMENT.PERSON_ID, TRAVEL_DOCUMENT.EXPIRES_ON.desc().nullsLast(), TRAVEL_DOCUMENT.ID)
                .forEach(r -> {
                    if (!documents.containsKey(r.value1())) {
                        documents.put(r.value1(), new String[] {r.value2()});
                        if (r.value3() != null) {
                            expiries.put(r.value1(), r.value3());
                        }
                    }
                });
        Map<Long, StringBuilder> vulnerabilities = new HashMap<>();
        tx.dsl().select(VULNERABILITY.PERSON_ID, VULNERABILITY.CODE).from(VULNERABILITY)
                .where(VULNERABILITY.PERSON_ID.in(ids)).orderBy(VULNERABILITY.PERSON_ID, VULNERABILITY.CODE)
                .forEach(r -> {
                    StringBuilder b = vulnerabilities.computeIfAbsent(r.value1(), k -> new StringBuilder());
                    if (b.length() > 0) {
                        b.append(' ');
                    }
                    b.append(r.value2());
                });
        Set<Long> crisisContact = new HashSet<>();
        Set<Long> share = new HashSet<>();
        tx.dsl().select(CONSENT.PERSON_ID, CONSENT.PURPOSE).from(CONSENT)
                .where(CONSENT.PERSON_ID.in(ids).and(CONSENT.GRANTED_ON.le(today))
                        .and(CONSENT.WITHDRAWN_ON.isNull().or(CONSENT.WITHDRAWN_ON.gt(today))))
                .forEach(r -> {
                    if ("CRISIS_CONTACT".equals(r.value2())) {
                        crisisContact.add(r.value1());
                    } else if ("SHARE_WITH_PARTNER".equals(r.value2())) {
                        share.add(r.value1());
                    }
                });
        Map<Long, String[]> restricted = new HashMap<>();
        if (sensitive && !share.isEmpty()) {
            tx.dsl().select(SENSITIVE_DETAIL.PERSON_ID, SENSITIVE_DETAIL.MIGRATION_STATUS, SENSITIVE_DETAIL.HEALTH_DETAILS,
                            SENSITIVE_DETAIL.DETENTION_DETAILS).from(SENSITIVE_DETAIL)
                    .where(SENSITIVE_DETAIL.PERSON_ID.in(share))
                    .forEach(r -> restricted.put(r.value1(), new String[] {r.value2(), r.value3(), r.value4()}));
        }
        List<RegistrantRow> rows = new ArrayList<>(persons.size());
        for (PersonRecord p : persons) {
            long id = p.getId();
            String[] doc = documents.get(id);
            String[] r = restricted.getOrDefault(id, new String[3]);
            StringBuilder v = vulnerabilities.get(id);
            rows.add(new RegistrantRow(id, p.getFamilyName(), p.getGivenNames(), p.getFamilyNameOriginal(),
                    p.getGivenNamesOriginal(), p.getSex().charAt(0), p.getBirthDate(), p.getPlaceOfBirth(),
                    PurposeOfStay.valueOf(p.getPurpose()), p.getAddressLine1(), p.getDistrict(), p.getCity(),
                    p.getCountryCode(), p.getLatitude(), p.getLongitude(), p.getArrivalDate(), p.getPlannedDeparture(),
                    phones.get(id), emails.get(id), doc == null ? null : doc[0], expiries.get(id),
                    v == null ? null : v.toString(), p.getHouseholdId(), crisisContact.contains(id), share.contains(id),
                    r[0], r[1], r[2]));
        }
        return rows;
    }

    /** Persons per value of one column; null values count under the empty string. */
    public List<RegistryCount> countBy(Tx tx, RegistryFilter filter, String dimension) {
        Field<String> field = switch (dimension) {
            case RegistryCount.CITY -> PERSON.CITY;
            case RegistryCount.DISTRICT -> PERSON.DISTRICT;
            case RegistryCount.PURPOSE -> PERSON.PURPOSE;
            default -> throw new IllegalArgumentException(dimension);
        };
        Field<Integer> n = DSL.count();
        return tx.dsl().select(field, n).from(PERSON).where(condition(filter)).groupBy(field).orderBy(n.desc(), field)
                .fetch(r -> new RegistryCount(dimension, r.value1() == null ? "" : r.value1(), r.value2()));
    }

    public List<RegistryCount> countByVulnerability(Tx tx, RegistryFilter filter) {
        Field<Integer> n = DSL.countDistinct(VULNERABILITY.PERSON_ID);
        return tx.dsl().select(VULNERABILITY.CODE, n).from(VULNERABILITY).join(PERSON).on(PERSON.ID.eq(VULNERABILITY.PERSON_ID))
                .where(condition(filter)).groupBy(VULNERABILITY.CODE).orderBy(n.desc(), VULNERABILITY.CODE)
                .fetch(r -> new RegistryCount(RegistryCount.VULNERABILITY, r.value1(), r.value2()));
    }

    /** Latest expiry date of each person's documents (for banding by the caller), null for none. */
    public Map<String, Long> countByLatestExpiry(Tx tx, RegistryFilter filter, LocalDate today) {
        Field<LocalDate> latest = DSL.max(TRAVEL_DOCUMENT.EXPIRES_ON).as("latest");
        var perPerson = tx.dsl().select(TRAVEL_DOCUMENT.PERSON_ID, latest).from(TRAVEL_DOCUMENT)
                .join(PERSON).on(PERSON.ID.eq(TRAVEL_DOCUMENT.PERSON_ID)).where(condition(filter))
                .groupBy(TRAVEL_DOCUMENT.PERSON_ID).asTable("latest_doc");
        Field<LocalDate> e = perPerson.field("latest", LocalDate.class);
        Field<String> band = DSL.when(e.isNull(), "UNKNOWN_DATE")
                .when(e.lt(today), "EXPIRED")
                .when(e.le(today.plusDays(90)), "WITHIN_90_DAYS")
                .when(e.le(today.plusDays(180)), "WITHIN_180_DAYS")
                .otherwise("LATER");
        Map<String, Long> counts = new HashMap<>();
        for (Record2<String, Integer> r : tx.dsl().select(band, DSL.count()).from(perPerson).groupBy(band).fetch()) {
            counts.put(r.value1(), (long) r.value2());
        }
        return counts;
    }

    /** Persons per presence status on {@code today} (same rule as {@link PresenceStatus#of}); every status listed. */
    public List<RegistryCount> countByPresence(Tx tx, RegistryFilter filter, LocalDate today) {
        Field<String> status = presence(today);
        Map<String, Long> counts = new HashMap<>();
        for (Record2<String, Integer> r : tx.dsl().select(status, DSL.count()).from(PERSON).where(condition(filter))
                .groupBy(status).fetch()) {
            counts.put(r.value1(), (long) r.value2());
        }
        List<RegistryCount> out = new ArrayList<>();
        for (PresenceStatus s : PresenceStatus.values()) {
            out.add(new RegistryCount(RegistryCount.STATUS, s.name(), counts.getOrDefault(s.name(), 0L)));
        }
        return out;
    }

    /** The presence status of those of {@code ids} that match the filter (merged and filtered-out persons are absent). */
    public Map<Long, PresenceStatus> presence(Tx tx, java.util.Collection<Long> ids, RegistryFilter filter, LocalDate today) {
        Map<Long, PresenceStatus> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            List<Long> batch = all.subList(i, Math.min(all.size(), i + 1000));
            tx.dsl().select(PERSON.ID, PERSON.ARRIVAL_DATE, PERSON.PLANNED_DEPARTURE).from(PERSON)
                    .where(PERSON.ID.in(batch).and(condition(filter)))
                    .forEach(r -> out.put(r.value1(), PresenceStatus.of(r.value2(), r.value3(), today)));
        }
        return out;
    }

    private static Field<String> presence(LocalDate today) {
        // Inlined, not bound: H2 must see the same expression in SELECT and GROUP BY.
        return DSL.when(PERSON.ARRIVAL_DATE.gt(DSL.inline(today)), DSL.inline(PresenceStatus.EXPECTED.name()))
                .when(PERSON.PLANNED_DEPARTURE.lt(DSL.inline(today)), DSL.inline(PresenceStatus.DEPARTURE_DATE_PASSED.name()))
                .otherwise(DSL.inline(PresenceStatus.PRESENT.name()));
    }

    private static Condition condition(RegistryFilter filter) {
        Condition c = ActivePersons.only();
        if (filter.city() != null) {
            c = c.and(DSL.lower(PERSON.CITY).eq(filter.city().toLowerCase(java.util.Locale.ROOT)));
        }
        if (filter.district() != null) {
            c = c.and(DSL.lower(PERSON.DISTRICT).eq(filter.district().toLowerCase(java.util.Locale.ROOT)));
        }
        if (filter.purpose() != null) {
            c = c.and(PERSON.PURPOSE.eq(filter.purpose().name()));
        }
        return c;
    }
}
