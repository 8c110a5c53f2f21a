package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.CONSENT;
import static org.consulardesk.store.generated.Tables.CONTACT;
import static org.consulardesk.store.generated.Tables.EMERGENCY_CONTACT;
import static org.consulardesk.store.generated.Tables.EMPLOYMENT;
import static org.consulardesk.store.generated.Tables.PERSON;
import static org.consulardesk.store.generated.Tables.PERSON_ALIAS;
import static org.consulardesk.store.generated.Tables.NAME_TOKEN;
import static org.consulardesk.store.generated.Tables.PERSON_NAME_PAIR;
import static org.consulardesk.store.generated.Tables.PERSON_NAME_TOKEN;
import static org.consulardesk.store.generated.Tables.PERSON_PHOTO;
import static org.consulardesk.store.generated.Tables.SENSITIVE_DETAIL;
import static org.consulardesk.store.generated.Tables.TRAVEL_DOCUMENT;
import static org.consulardesk.store.generated.Tables.VULNERABILITY;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.consulardesk.registry.model.Consent;
import org.consulardesk.registry.model.ConsentChannel;
import org.consulardesk.registry.model.ConsentPurpose;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactLocation;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.EmergencyContact;
import org.consulardesk.registry.model.Employment;
import org.consulardesk.registry.model.GeoGrid;
import org.consulardesk.registry.model.GeoPoint;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.NationalityEvidence;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.SensitiveDetails;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Vulnerability;
import org.consulardesk.registry.model.VulnerabilityCode;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.store.NamePairs;
import org.consulardesk.store.NameWords;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.PersonRecord;
import org.jooq.DSLContext;

/**
 * Whole registrations: the person row and its child rows (aliases, contacts, documents, ...),
 * written together in the caller's transaction. Child lists are replaced as a whole on update.
 */
public final class RegistrationStore {
    /** Keeps the registrants-per-cell counts of the map in step with every point written here. */
    private final LocationStore locations = new LocationStore();

    /** Keys the store needs beyond the record itself (computed by the service). */
    public record SearchKeys(String searchName, Collection<String> tokens, Collection<String> phoneticKeys,
            String duplicateKey) {
    }

    public long insert(Tx tx, Registration r, SearchKeys keys, Instant now) {
        PersonRecord row = tx.dsl().newRecord(PERSON);
        fill(row, r, keys);
        row.setCreatedAt(now.atOffset(ZoneOffset.UTC));
        row.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        row.setRowVersion(1);
        row.store();
        locations.moved(tx, null, null, row.getLatitude(), row.getLongitude());
        writeChildren(tx.dsl(), row.getId(), r, keys, ListRow.of(row), false);
        return row.getId();
    }

    /**
     * Updates the registration if nobody changed it since {@code r.version()} was read.
     *
     * @return false when the stored version differs (someone else saved in between)
     */
    public boolean update(Tx tx, Registration r, SearchKeys keys, Instant now) {
        PersonRecord row = tx.dsl().selectFrom(PERSON).where(PERSON.ID.eq(r.id())).forUpdate().fetchOne();
        if (row == null || row.getRowVersion() != r.version()) {
            return false;
        }
        Double oldLat = row.getLatitude();
        Double oldLon = row.getLongitude();
        fill(row, r, keys);
        row.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        row.setRowVersion(r.version() + 1);
        row.update();
        locations.moved(tx, oldLat, oldLon, row.getLatitude(), row.getLongitude());
        writeChildren(tx.dsl(), r.id(), r, keys, ListRow.of(row), true);
        return true;
    }

    public Optional<Registration> get(Tx tx, long id) {
        DSLContext dsl = tx.dsl();
        PersonRecord p = dsl.selectFrom(PERSON).where(PERSON.ID.eq(id)).fetchOne();
        if (p == null) {
            return Optional.empty();
        }
        List<String> aliases = dsl.select(PERSON_ALIAS.ALIAS).from(PERSON_ALIAS).where(PERSON_ALIAS.PERSON_ID.eq(id))
                .orderBy(PERSON_ALIAS.ID).fetch(PERSON_ALIAS.ALIAS);
        List<ContactMethod> contacts = dsl.selectFrom(CONTACT).where(CONTACT.PERSON_ID.eq(id)).orderBy(CONTACT.ID)
                .fetch(c -> new ContactMethod(ContactKind.valueOf(c.getKind()), c.getContactValue(), c.getApp(), c.getPreferred()));
        List<EmergencyContact> emergency = dsl.selectFrom(EMERGENCY_CONTACT).where(EMERGENCY_CONTACT.PERSON_ID.eq(id))
                .orderBy(EMERGENCY_CONTACT.ID).fetch(e -> new EmergencyContact(e.getFullName(), e.getRelationship(),
                        e.getPhone(), e.getEmail(), ContactLocation.valueOf(e.getLocated())));
        List<TravelDocument> documents = dsl.select(TRAVEL_DOCUMENT.ID, TRAVEL_DOCUMENT.DOC_TYPE, TRAVEL_DOCUMENT.DOC_NUMBER,
                        TRAVEL_DOCUMENT.ISSUING_AUTHORITY, TRAVEL_DOCUMENT.ISSUED_ON, TRAVEL_DOCUMENT.EXPIRES_ON,
                        TRAVEL_DOCUMENT.SCAN_MEDIA_TYPE)
                .from(TRAVEL_DOCUMENT).where(TRAVEL_DOCUMENT.PERSON_ID.eq(id)).orderBy(TRAVEL_DOCUMENT.ID)
                .fetch(d -> new TravelDocument(d.value1(), DocumentType.valueOf(d.value2()), d.value3(), d.value4(), d.value5(),
                        d.value6(), d.value7() != null));
        List<Employment> employments = dsl.selectFrom(EMPLOYMENT).where(EMPLOYMENT.PERSON_ID.eq(id)).orderBy(EMPLOYMENT.ID)
                .fetch(e -> new Employment(e.getEmployerId(), e.getAgencyId(), e.getSector(), e.getWorkplace(),
                        e.getContractStart(), e.getContractEnd()));
        List<Vulnerability> vulnerabilities = dsl.selectFrom(VULNERABILITY).where(VULNERABILITY.PERSON_ID.eq(id))
                .orderBy(VULNERABILITY.CODE).fetch(v -> new Vulnerability(VulnerabilityCode.valueOf(v.getCode()), v.getNotes()));
        List<Consent> consents = dsl.selectFrom(CONSENT).where(CONSENT.PERSON_ID.eq(id)).orderBy(CONSENT.ID)
                .fetch(c -> new Consent(c.getId(), ConsentPurpose.valueOf(c.getPurpose()), c.getPartner(), c.getGrantedOn(),
                        ConsentChannel.valueOf(c.getChannel()), c.getRecordedBy(), c.getWithdrawnOn()));
        GeoPoint point = p.getLatitude() == null || p.getLongitude() == null ? null
                : new GeoPoint(p.getLatitude(), p.getLongitude(), p.getLocationAccuracyM(),
                p.getLocationSource() == null ? null : LocationSource.valueOf(p.getLocationSource()));
        Whereabouts where = new Whereabouts(p.getAddressLine1(), p.getAddressLine2(), p.getDistrict(), p.getCity(),
                p.getCountryCode(), point, p.getLocationConfirmedOn(), p.getArrivalDate(), p.getPlannedDeparture());
        return Optional.of(new Registration(p.getId(), p.getRowVersion(), p.getFamilyName(), p.getGivenNames(),
                p.getFamilyNameOriginal(), p.getGivenNamesOriginal(), aliases, p.getSex().charAt(0), p.getBirthDate(),
                p.getPlaceOfBirth(), p.getNationalityEvidence() == null ? NationalityEvidence.NONE
                : NationalityEvidence.valueOf(p.getNationalityEvidence()), split(p.getLanguages()), p.getNotes(),
                PurposeOfStay.valueOf(p.getPurpose()), where, contacts, emergency, documents, employments, vulnerabilities,
                consents, p.getHouseholdId()));
    }

    public Optional<SensitiveDetails> sensitive(Tx tx, long personId) {
        return tx.dsl().selectFrom(SENSITIVE_DETAIL).where(SENSITIVE_DETAIL.PERSON_ID.eq(personId)).fetchOptional()
                .map(s -> new SensitiveDetails(personId, s.getRowVersion(), s.getMigrationStatus(), s.getHealthDetails(),
                        s.getDetentionDetails()));
    }

    /** @return false when someone else changed the details since they were read */
    public boolean saveSensitive(Tx tx, SensitiveDetails d) {
        if (d.version() == 0) {
            return tx.dsl().insertInto(SENSITIVE_DETAIL)
                    .set(SENSITIVE_DETAIL.PERSON_ID, d.personId())
                    .set(SENSITIVE_DETAIL.MIGRATION_STATUS, d.migrationStatus())
                    .set(SENSITIVE_DETAIL.HEALTH_DETAILS, d.healthDetails())
                    .set(SENSITIVE_DETAIL.DETENTION_DETAILS, d.detentionDetails())
                    .set(SENSITIVE_DETAIL.ROW_VERSION, 1)
                    .onConflictDoNothing().execute() == 1;
        }
        return tx.dsl().update(SENSITIVE_DETAIL)
                .set(SENSITIVE_DETAIL.MIGRATION_STATUS, d.migrationStatus())
                .set(SENSITIVE_DETAIL.HEALTH_DETAILS, d.healthDetails())
                .set(SENSITIVE_DETAIL.DETENTION_DETAILS, d.detentionDetails())
                .set(SENSITIVE_DETAIL.ROW_VERSION, d.version() + 1)
                .where(SENSITIVE_DETAIL.PERSON_ID.eq(d.personId()).and(SENSITIVE_DETAIL.ROW_VERSION.eq(d.version())))
                .execute() == 1;
    }

    public Optional<byte[]> photo(Tx tx, long personId, String[] mediaType) {
        return tx.dsl().selectFrom(PERSON_PHOTO).where(PERSON_PHOTO.PERSON_ID.eq(personId)).fetchOptional().map(p -> {
            mediaType[0] = p.getMediaType();
            return p.getContent();
        });
    }

    public void setPhoto(Tx tx, long personId, byte[] content, String mediaType) {
        tx.dsl().deleteFrom(PERSON_PHOTO).where(PERSON_PHOTO.PERSON_ID.eq(personId)).execute();
        if (content != null) {
            tx.dsl().insertInto(PERSON_PHOTO).set(PERSON_PHOTO.PERSON_ID, personId).set(PERSON_PHOTO.MEDIA_TYPE, mediaType)
                    .set(PERSON_PHOTO.CONTENT, content).execute();
        }
    }

    public void setScan(Tx tx, long documentId, byte[] content, String mediaType) {
        tx.dsl().update(TRAVEL_DOCUMENT).set(TRAVEL_DOCUMENT.SCAN, content).set(TRAVEL_DOCUMENT.SCAN_MEDIA_TYPE, mediaType)
                .where(TRAVEL_DOCUMENT.ID.eq(documentId)).execute();
    }

    public Optional<byte[]> scan(Tx tx, long documentId, String[] mediaType) {
        return tx.dsl().select(TRAVEL_DOCUMENT.SCAN, TRAVEL_DOCUMENT.SCAN_MEDIA_TYPE).from(TRAVEL_DOCUMENT)
                .where(TRAVEL_DOCUMENT.ID.eq(documentId).and(TRAVEL_DOCUMENT.SCAN.isNotNull())).fetchOptional().map(r -> {
                    mediaType[0] = r.value2();
                    return r.value1();
                });
    }

    public long personOfDocument(Tx tx, long documentId) {
        Long person = tx.dsl().select(TRAVEL_DOCUMENT.PERSON_ID).from(TRAVEL_DOCUMENT)
                .where(TRAVEL_DOCUMENT.ID.eq(documentId)).fetchOne(TRAVEL_DOCUMENT.PERSON_ID);
        return person == null ? 0 : person;
    }

    private static void fill(PersonRecord row, Registration r, SearchKeys keys) {
        Whereabouts w = r.whereabouts();
        row.setFamilyName(r.familyName());
        row.setGivenNames(r.givenNames());
        row.setFamilyNameOriginal(blankToNull(r.familyNameOriginal()));
        row.setGivenNamesOriginal(blankToNull(r.givenNamesOriginal()));
        row.setSex(String.valueOf(r.sex()));
        row.setBirthDate(blankToNull(r.birthDate()));
        row.setPlaceOfBirth(blankToNull(r.placeOfBirth()));
        row.setNationalityEvidence(r.nationalityEvidence().name());
        row.setLanguages(r.languages().isEmpty() ? null : String.join(",", r.languages()));
        row.setNotes(blankToNull(r.notes()));
        row.setPurpose(r.purpose().name());
        row.setHouseholdId(r.householdId());
        row.setAddressLine1(blankToNull(w.addressLine1()));
        row.setAddressLine2(blankToNull(w.addressLine2()));
        row.setDistrict(blankToNull(w.district()));
        row.setCity(blankToNull(w.city()));
        row.setCountryCode(blankToNull(w.countryCode()));
        row.setLatitude(w.point() == null ? null : w.point().latitude());
        row.setLongitude(w.point() == null ? null : w.point().longitude());
        row.setGeoCell(w.point() == null ? null : GeoGrid.fineCell(w.point().latitude(), w.point().longitude()));
        row.setLocationAccuracyM(w.point() == null ? null : w.point().accuracyMetres());
        row.setLocationSource(w.point() == null || w.point().source() == null ? null : w.point().source().name());
        row.setLocationConfirmedOn(w.confirmedOn());
        row.setArrivalDate(w.arrivalDate());
        row.setPlannedDeparture(w.plannedDeparture());
        row.setSearchName(keys.searchName());
        // Computed on every write, so the first duplicate search of a large registry has no backlog.
        row.setDupKey(keys.duplicateKey());
    }

    /**
     * Adds name words not seen before to the dictionary of words (with their sound-alike keys) that
     * typo and sound-alike matching searches. Words are never removed: a word nobody has any more
     * only costs a row and matches nobody.
     */
    static void rememberWords(DSLContext dsl, java.util.Map<String, String> tokenToPhonetic) {
        if (tokenToPhonetic.isEmpty()) {
            return;
        }
        var batch = dsl.batch(dsl.insertInto(NAME_TOKEN, NAME_TOKEN.TOKEN, NAME_TOKEN.PHONETIC).values((String) null, null)
                .onDuplicateKeyIgnore());
        tokenToPhonetic.forEach(batch::bind);
        batch.execute();
    }

    /** The insert of name-word rows with the list's row (ADR 0060, 0078), to bind with {@link #bindNames}. */
    static org.jooq.Insert<?> insertTokens(DSLContext dsl) {
        List<org.jooq.Field<?>> columns = new java.util.ArrayList<>(List.of(PERSON_NAME_TOKEN.PERSON_ID, PERSON_NAME_TOKEN.TOKEN,
                PERSON_NAME_TOKEN.PHONETIC, PERSON_NAME_TOKEN.SORT_NAME, PERSON_NAME_TOKEN.WORDS, PERSON_NAME_TOKEN.PREV_WORD));
        columns.addAll(ListRow.columns(PERSON_NAME_TOKEN));
        return dsl.insertInto(PERSON_NAME_TOKEN, columns).values(java.util.Collections.nCopies(columns.size(), null));
    }

    /** The insert of name-word pair rows with the list's row (ADR 0061, 0078), to bind with {@link #bindNames}. */
    static org.jooq.Insert<?> insertPairs(DSLContext dsl) {
        List<org.jooq.Field<?>> columns = new java.util.ArrayList<>(List.of(PERSON_NAME_PAIR.PERSON_ID, PERSON_NAME_PAIR.PAIR_KEY,
                PERSON_NAME_PAIR.TOKEN, PERSON_NAME_PAIR.SORT_NAME, PERSON_NAME_PAIR.PREV_WORD, PERSON_NAME_PAIR.WORDS));
        columns.addAll(ListRow.columns(PERSON_NAME_PAIR));
        return dsl.insertInto(PERSON_NAME_PAIR, columns).values(java.util.Collections.nCopies(columns.size(), null));
    }

    /**
     * One name-word row per word of the person and one pair row per word and pair key (ADR 0060,
     * 0061), each with the list's row (ADR 0078); returns each word with its sound-alike key.
     */
    static java.util.Map<String, String> bindNames(org.jooq.BatchBindStep tokens, org.jooq.BatchBindStep pairs, long id,
            SearchKeys keys, ListRow row) {
        var phonetic = keys.phoneticKeys().iterator();
        java.util.Map<String, String> words = new java.util.LinkedHashMap<>();
        String allWords = NameWords.of(keys.tokens());
        java.util.Map<String, String> previous = NameWords.previous(keys.tokens());
        Collection<String> pairKeys = NamePairs.keys(keys.tokens());
        for (String token : keys.tokens()) {
            String sound = phonetic.hasNext() ? phonetic.next() : null;
            words.put(token, sound);
            tokens.bind(withRow(row, id, token, sound, keys.searchName(), allWords, previous.get(token)));
            for (String key : pairKeys) {
                pairs.bind(withRow(row, id, key, token, keys.searchName(), previous.get(token), allWords));
            }
        }
        return words;
    }

    private static Object[] withRow(ListRow row, Object... values) {
        Object[] rowValues = row.values();
        Object[] all = java.util.Arrays.copyOf(values, values.length + rowValues.length);
        System.arraycopy(rowValues, 0, all, values.length, rowValues.length);
        return all;
    }

    private static void writeChildren(DSLContext dsl, long id, Registration r, SearchKeys keys, ListRow row, boolean replace) {
        if (replace) {
            dsl.deleteFrom(PERSON_NAME_TOKEN).where(PERSON_NAME_TOKEN.PERSON_ID.eq(id)).execute();
            dsl.deleteFrom(PERSON_NAME_PAIR).where(PERSON_NAME_PAIR.PERSON_ID.eq(id)).execute();
            dsl.deleteFrom(PERSON_ALIAS).where(PERSON_ALIAS.PERSON_ID.eq(id)).execute();
            dsl.deleteFrom(CONTACT).where(CONTACT.PERSON_ID.eq(id)).execute();
            dsl.deleteFrom(EMERGENCY_CONTACT).where(EMERGENCY_CONTACT.PERSON_ID.eq(id)).execute();
            dsl.deleteFrom(EMPLOYMENT).where(EMPLOYMENT.PERSON_ID.eq(id)).execute();
            dsl.deleteFrom(VULNERABILITY).where(VULNERABILITY.PERSON_ID.eq(id)).execute();
            // Documents and consents keep their ids (scans hang on documents; consents have a history).
            List<Long> keptDocs = r.documents().stream().map(TravelDocument::id).filter(d -> d != 0).toList();
            dsl.deleteFrom(TRAVEL_DOCUMENT).where(TRAVEL_DOCUMENT.PERSON_ID.eq(id).and(TRAVEL_DOCUMENT.ID.notIn(keptDocs)))
                    .execute();
            List<Long> keptConsents = r.consents().stream().map(Consent::id).filter(c -> c != 0).toList();
            dsl.deleteFrom(CONSENT).where(CONSENT.PERSON_ID.eq(id).and(CONSENT.ID.notIn(keptConsents))).execute();
        }
        var tokens = dsl.batch(insertTokens(dsl));
        var pairs = dsl.batch(insertPairs(dsl));
        java.util.Map<String, String> words = bindNames(tokens, pairs, id, keys, row);
        if (tokens.size() > 0) {
            tokens.execute();
        }
        rememberWords(dsl, words);
        if (pairs.size() > 0) {
            pairs.execute();
        }
        for (String alias : r.aliases()) {
            dsl.insertInto(PERSON_ALIAS).set(PERSON_ALIAS.PERSON_ID, id).set(PERSON_ALIAS.ALIAS, alias).execute();
        }
        for (ContactMethod c : r.contacts()) {
            dsl.insertInto(CONTACT).set(CONTACT.PERSON_ID, id).set(CONTACT.KIND, c.kind().name())
                    .set(CONTACT.CONTACT_VALUE, c.value()).set(CONTACT.SEARCH_VALUE, searchValue(c))
                    .set(CONTACT.APP, c.app()).set(CONTACT.PREFERRED, c.preferred()).execute();
        }
        for (EmergencyContact e : r.emergencyContacts()) {
            dsl.insertInto(EMERGENCY_CONTACT).set(EMERGENCY_CONTACT.PERSON_ID, id).set(EMERGENCY_CONTACT.FULL_NAME, e.fullName())
                    .set(EMERGENCY_CONTACT.RELATIONSHIP, e.relationship()).set(EMERGENCY_CONTACT.PHONE, e.phone())
                    .set(EMERGENCY_CONTACT.EMAIL, e.email()).set(EMERGENCY_CONTACT.LOCATED, e.located().name()).execute();
        }
        for (TravelDocument d : r.documents()) {
            if (replace && d.id() != 0) {
                dsl.update(TRAVEL_DOCUMENT).set(TRAVEL_DOCUMENT.DOC_TYPE, d.type().name())
                        .set(TRAVEL_DOCUMENT.DOC_NUMBER, d.number()).set(TRAVEL_DOCUMENT.SEARCH_NUMBER, documentKey(d.number()))
                        .set(TRAVEL_DOCUMENT.ISSUING_AUTHORITY, d.issuingAuthority()).set(TRAVEL_DOCUMENT.ISSUED_ON, d.issuedOn())
                        .set(TRAVEL_DOCUMENT.EXPIRES_ON, d.expiresOn())
                        .where(TRAVEL_DOCUMENT.ID.eq(d.id()).and(TRAVEL_DOCUMENT.PERSON_ID.eq(id))).execute();
            } else {
                dsl.insertInto(TRAVEL_DOCUMENT).set(TRAVEL_DOCUMENT.PERSON_ID, id).set(TRAVEL_DOCUMENT.DOC_TYPE, d.type().name())
                        .set(TRAVEL_DOCUMENT.DOC_NUMBER, d.number()).set(TRAVEL_DOCUMENT.SEARCH_NUMBER, documentKey(d.number()))
                        .set(TRAVEL_DOCUMENT.ISSUING_AUTHORITY, d.issuingAuthority()).set(TRAVEL_DOCUMENT.ISSUED_ON, d.issuedOn())
                        .set(TRAVEL_DOCUMENT.EXPIRES_ON, d.expiresOn()).execute();
            }
        }
        for (Employment e : r.employments()) {
            dsl.insertInto(EMPLOYMENT).set(EMPLOYMENT.PERSON_ID, id).set(EMPLOYMENT.EMPLOYER_ID, e.employerId())
                    .set(EMPLOYMENT.AGENCY_ID, e.agencyId()).set(EMPLOYMENT.SECTOR, e.sector())
                    .set(EMPLOYMENT.WORKPLACE, e.workplace()).set(EMPLOYMENT.CONTRACT_START, e.contractStart())
                    .set(EMPLOYMENT.CONTRACT_END, e.contractEnd()).execute();
        }
        for (Vulnerability v : r.vulnerabilities()) {
            dsl.insertInto(VULNERABILITY).set(VULNERABILITY.PERSON_ID, id).set(VULNERABILITY.CODE, v.code().name())
                    .set(VULNERABILITY.NOTES, v.notes()).execute();
        }
        for (Consent c : r.consents()) {
            if (replace && c.id() != 0) {
                dsl.update(CONSENT).set(CONSENT.WITHDRAWN_ON, c.withdrawnOn())
                        .where(CONSENT.ID.eq(c.id()).and(CONSENT.PERSON_ID.eq(id))).execute();
            } else {
                dsl.insertInto(CONSENT).set(CONSENT.PERSON_ID, id).set(CONSENT.PURPOSE, c.purpose().name())
                        .set(CONSENT.PARTNER, c.partner()).set(CONSENT.GRANTED_ON, c.grantedOn())
                        .set(CONSENT.CHANNEL, c.channel().name()).set(CONSENT.RECORDED_BY, c.recordedBy())
                        .set(CONSENT.WITHDRAWN_ON, c.withdrawnOn()).execute();
            }
        }
    }

    /** Phones are searched by their digits, emails and handles in lower case. */
    static String searchValue(ContactMethod c) {
        return c.kind() == ContactKind.EMAIL ? c.value().strip().toLowerCase(java.util.Locale.ROOT)
                : c.value().replaceAll("[^0-9A-Za-z@._-]", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Document numbers are searched without spaces, dashes or case ("AB 123-456" finds "ab123456"). */
    public static String documentKey(String number) {
        return number == null ? "" : number.replaceAll("[^0-9A-Za-z]", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).toList();
    }
}
