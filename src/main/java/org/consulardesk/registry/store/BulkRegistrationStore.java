package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.CONSENT;
import static org.consulardesk.store.generated.Tables.CONTACT;
import static org.consulardesk.store.generated.Tables.EMERGENCY_CONTACT;
import static org.consulardesk.store.generated.Tables.EMPLOYMENT;
import static org.consulardesk.store.generated.Tables.HOUSEHOLD;
import static org.consulardesk.store.generated.Tables.HOUSEHOLD_MEMBER;
import static org.consulardesk.store.generated.Tables.ORGANISATION;
import static org.consulardesk.store.generated.Tables.PERSON;
import static org.consulardesk.store.generated.Tables.PERSON_ALIAS;
import static org.consulardesk.store.generated.Tables.TRAVEL_DOCUMENT;
import static org.consulardesk.store.generated.Tables.VULNERABILITY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.consulardesk.registry.model.Consent;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.EmergencyContact;
import org.consulardesk.registry.model.Employment;
import org.consulardesk.registry.model.GeoGrid;
import org.consulardesk.registry.model.Organisation;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Vulnerability;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.store.DeferredIndexes;
import org.consulardesk.store.Tx;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Many new registrations at once, through JDBC batches (one prepared statement per table). Meant
 * for generated and imported data on a registry nobody else writes to at the same time: person
 * and household ids are read back as the ids above the highest one before the batch.
 */
public final class BulkRegistrationStore {

    /** Inserts organisations and returns their ids, in order. */
    public List<Long> insertOrganisations(Tx tx, List<Organisation> organisations) {
        List<Long> ids = new ArrayList<>(organisations.size());
        for (Organisation o : organisations) {
            ids.add(tx.dsl().insertInto(ORGANISATION).set(ORGANISATION.KIND, o.kind().name())
                    .set(ORGANISATION.LEGAL_NAME, o.legalName()).set(ORGANISATION.REGISTRATION_NUMBER, o.registrationNumber())
                    .set(ORGANISATION.COUNTRY_CODE, o.countryCode()).set(ORGANISATION.ADDRESS, o.address())
                    .set(ORGANISATION.PHONE, o.phone()).set(ORGANISATION.EMAIL, o.email()).set(ORGANISATION.ROW_VERSION, 1)
                    .returning(ORGANISATION.ID).fetchOne().getId());
        }
        return ids;
    }

    /**
     * Inserts households of new registrations (a group of one is a person without a household);
     * the first of a larger group is its head. Returns the number of persons written.
     */
    public int insertHouseholds(Tx tx, List<List<Registration>> groups, Function<Registration, RegistrationStore.SearchKeys> keys,
                                Instant now) {
        DSLContext dsl = tx.dsl();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<List<Registration>> households = groups.stream().filter(g -> g.size() > 1).toList();
        long householdBase = maxId(dsl, "household");
        if (!households.isEmpty()) {
            BatchBindStep batch = dsl.batch(dsl.insertInto(HOUSEHOLD, HOUSEHOLD.LABEL, HOUSEHOLD.ROW_VERSION)
                    .values((String) null, (Integer) null));
            for (List<Registration> g : households) {
                batch.bind(g.get(0).familyName() + " household", 1);
            }
            batch.execute();
        }
        List<Long> householdIds = idsAbove(dsl, "household", householdBase, households.size());

        long personBase = maxId(dsl, "person");
        BatchBindStep persons = dsl.batch(dsl.insertInto(PERSON, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.FAMILY_NAME_ORIGINAL,
                PERSON.GIVEN_NAMES_ORIGINAL, PERSON.SEX, PERSON.BIRTH_DATE, PERSON.PLACE_OF_BIRTH, PERSON.NATIONALITY_EVIDENCE,
                PERSON.LANGUAGES, PERSON.NOTES, PERSON.PURPOSE, PERSON.HOUSEHOLD_ID, PERSON.ADDRESS_LINE1, PERSON.ADDRESS_LINE2,
                PERSON.DISTRICT, PERSON.CITY, PERSON.COUNTRY_CODE, PERSON.LATITUDE, PERSON.LONGITUDE, PERSON.GEO_CELL,
                PERSON.LOCATION_ACCURACY_M, PERSON.LOCATION_SOURCE, PERSON.LOCATION_CONFIRMED_ON, PERSON.ARRIVAL_DATE, PERSON.PLANNED_DEPARTURE,
                PERSON.SEARCH_NAME, PERSON.DUP_KEY, PERSON.CREATED_AT, PERSON.UPDATED_AT, PERSON.ROW_VERSION)
                .values(java.util.Collections.nCopies(30, null)));
        LocationStore.CellDeltas cells = new LocationStore.CellDeltas();
        List<Registration> all = new ArrayList<>();
        List<RegistrationStore.SearchKeys> allKeys = new ArrayList<>();
        int h = 0;
        for (List<Registration> g : groups) {
            Long household = g.size() > 1 ? householdIds.get(h++) : null;
            for (Registration r : g) {
                RegistrationStore.SearchKeys k = keys.apply(r);
                Whereabouts w = r.whereabouts();
                persons.bind(r.familyName(), r.givenNames(), r.familyNameOriginal(), r.givenNamesOriginal(), String.valueOf(r.sex()),
                        r.birthDate(), r.placeOfBirth(), r.nationalityEvidence().name(),
                        r.languages().isEmpty() ? null : String.join(",", r.languages()), r.notes(), r.purpose().name(), household,
                        w.addressLine1(), w.addressLine2(), w.district(), w.city(), w.countryCode(),
                        w.point() == null ? null : w.point().latitude(), w.point() == null ? null : w.point().longitude(),
                        w.point() == null ? null : GeoGrid.fineCell(w.point().latitude(), w.point().longitude()),
                        w.point() == null ? null : w.point().accuracyMetres(),
                        w.point() == null || w.point().source() == null ? null : w.point().source().name(),
                        w.confirmedOn(), w.arrivalDate(), w.plannedDeparture(), k.searchName(), k.duplicateKey(), at, at, 1);
                if (w.point() != null) {
                    cells.add(w.point().latitude(), w.point().longitude(), 1);
                }
                all.add(r);
                allKeys.add(k);
            }
        }
        persons.execute();
        new LocationStore().apply(tx, cells);
        List<Long> ids = idsAbove(dsl, "person", personBase, all.size());

        BatchBindStep tokens = dsl.batch(RegistrationStore.insertTokens(dsl));
        BatchBindStep pairs = dsl.batch(RegistrationStore.insertPairs(dsl));
        BatchBindStep aliases = dsl.batch(dsl.insertInto(PERSON_ALIAS, PERSON_ALIAS.PERSON_ID, PERSON_ALIAS.ALIAS).values((Long) null, null));
        BatchBindStep contacts = dsl.batch(dsl.insertInto(CONTACT, CONTACT.PERSON_ID, CONTACT.KIND, CONTACT.CONTACT_VALUE,
                CONTACT.SEARCH_VALUE, CONTACT.APP, CONTACT.PREFERRED).values((Long) null, null, null, null, null, null));
        BatchBindStep emergency = dsl.batch(dsl.insertInto(EMERGENCY_CONTACT, EMERGENCY_CONTACT.PERSON_ID, EMERGENCY_CONTACT.FULL_NAME,
                EMERGENCY_CONTACT.RELATIONSHIP, EMERGENCY_CONTACT.PHONE, EMERGENCY_CONTACT.EMAIL, EMERGENCY_CONTACT.LOCATED)
                .values((Long) null, null, null, null, null, null));
        BatchBindStep documents = dsl.batch(dsl.insertInto(TRAVEL_DOCUMENT, TRAVEL_DOCUMENT.PERSON_ID, TRAVEL_DOCUMENT.DOC_TYPE,
                TRAVEL_DOCUMENT.DOC_NUMBER, TRAVEL_DOCUMENT.SEARCH_NUMBER, TRAVEL_DOCUMENT.ISSUING_AUTHORITY,
                TRAVEL_DOCUMENT.ISSUED_ON, TRAVEL_DOCUMENT.EXPIRES_ON).values((Long) null, null, null, null, null, null, null));
        BatchBindStep employments = dsl.batch(dsl.insertInto(EMPLOYMENT, EMPLOYMENT.PERSON_ID, EMPLOYMENT.EMPLOYER_ID,
                EMPLOYMENT.AGENCY_ID, EMPLOYMENT.SECTOR, EMPLOYMENT.WORKPLACE, EMPLOYMENT.CONTRACT_START, EMPLOYMENT.CONTRACT_END)
                .values((Long) null, null, null, null, null, null, null));
        BatchBindStep vulnerabilities = dsl.batch(dsl.insertInto(VULNERABILITY, VULNERABILITY.PERSON_ID, VULNERABILITY.CODE,
                VULNERABILITY.NOTES).values((Long) null, null, null));
        BatchBindStep consents = dsl.batch(dsl.insertInto(CONSENT, CONSENT.PERSON_ID, CONSENT.PURPOSE, CONSENT.PARTNER,
                CONSENT.GRANTED_ON, CONSENT.CHANNEL, CONSENT.RECORDED_BY, CONSENT.WITHDRAWN_ON)
                .values((Long) null, null, null, null, null, null, null));
        BatchBindStep members = dsl.batch(dsl.insertInto(HOUSEHOLD_MEMBER, HOUSEHOLD_MEMBER.HOUSEHOLD_ID, HOUSEHOLD_MEMBER.PERSON_ID,
                HOUSEHOLD_MEMBER.RELATIONSHIP, HOUSEHOLD_MEMBER.TRAVELLING_WITH).values((Long) null, null, null, null));
        java.util.Map<String, String> words = new java.util.HashMap<>();
        int[] counts = new int[9];
        int i = 0;
        h = 0;
        for (List<Registration> g : groups) {
            Long household = g.size() > 1 ? householdIds.get(h++) : null;
            for (int m = 0; m < g.size(); m++) {
                Registration r = g.get(m);
                long id = ids.get(i);
                RegistrationStore.SearchKeys k = allKeys.get(i++);
                // The list's row as bound to the person row above (ADR 0078).
                ListRow row = new ListRow(r.familyName(), r.givenNames(), r.birthDate(), r.whereabouts().city(),
                        r.whereabouts().district(), r.purpose().name());
                RegistrationStore.bindNames(tokens, pairs, id, k, row).forEach(words::putIfAbsent);
                counts[0] += k.tokens().size();
                for (String alias : r.aliases()) {
                    aliases.bind(id, alias);
                    counts[1]++;
                }
                for (ContactMethod c : r.contacts()) {
                    contacts.bind(id, c.kind().name(), c.value(), RegistrationStore.searchValue(c), c.app(), c.preferred());
                    counts[2]++;
                }
                for (EmergencyContact e : r.emergencyContacts()) {
                    emergency.bind(id, e.fullName(), e.relationship(), e.phone(), e.email(), e.located().name());
                    counts[3]++;
                }
                for (TravelDocument d : r.documents()) {
                    documents.bind(id, d.type().name(), d.number(), RegistrationStore.documentKey(d.number()),
                            d.issuingAuthority(), d.issuedOn(), d.expiresOn());
                    counts[4]++;
                }
                for (Employment e : r.employments()) {
                    employments.bind(id, e.employerId(), e.agencyId(), e.sector(), e.workplace(), e.contractStart(), e.contractEnd());
                    counts[5]++;
                }
                for (Vulnerability v : r.vulnerabilities()) {
                    vulnerabilities.bind(id, v.code().name(), v.notes());
                    counts[6]++;
                }
                for (Consent c : r.consents()) {
                    consents.bind(id, c.purpose().name(), c.partner(), c.grantedOn(), c.channel().name(), c.recordedBy(),
                            c.withdrawnOn());
                    counts[7]++;
                }
                if (household != null) {
                    String relationship = m == 0 ? "HEAD" : m == 1 && r.birthDate() != null && g.get(0).birthDate() != null
                            && Math.abs(year(r) - year(g.get(0))) < 15 ? "SPOUSE" : "CHILD";
                    members.bind(household, id, relationship, true);
                    counts[8]++;
                }
            }
        }
        BatchBindStep[] steps = {tokens, aliases, contacts, emergency, documents, employments, vulnerabilities, consents, members};
        for (int s = 0; s < steps.length; s++) {
            if (counts[s] > 0) {
                steps[s].execute();
            }
        }
        if (pairs.size() > 0) {
            pairs.execute();
        }
        RegistrationStore.rememberWords(dsl, words);
        return all.size();
    }

    /** The tables a bulk load writes; their secondary indexes may be deferred during the load. */
    private static final List<String> LOADED_TABLES = List.of("person", "person_name_token", "person_name_pair", "person_alias", "contact",
            "emergency_contact", "travel_document", "employment", "vulnerability", "consent", "household_member", "household");

    /** Drops the secondary indexes of the loaded tables until {@link #buildDeferredIndexes}. */
    public int deferIndexes(Tx tx) {
        return DeferredIndexes.suspend(tx.dsl(), LOADED_TABLES);
    }

    /** Builds the indexes dropped by {@link #deferIndexes}, each in one pass. */
    public int buildDeferredIndexes(Tx tx) {
        return DeferredIndexes.restore(tx.dsl());
    }

    private static int year(Registration r) {
        return Integer.parseInt(r.birthDate().substring(0, 4));
    }

    private static long maxId(DSLContext dsl, String table) {
        Long max = dsl.select(DSL.max(DSL.field("id", Long.class))).from(DSL.table(table)).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    private static List<Long> idsAbove(DSLContext dsl, String table, long above, int count) {
        List<Long> ids = dsl.select(DSL.field("id", Long.class)).from(DSL.table(table))
                .where(DSL.field("id", Long.class).gt(above)).orderBy(DSL.field("id")).fetch(0, Long.class);
        if (ids.size() != count) {
            throw new IllegalStateException("someone else wrote " + table + " rows during a bulk insert");
        }
        return ids;
    }
}
