package org.consulardesk.bonds.store;

import static org.consulardesk.store.generated.Tables.EMPLOYMENT;
import static org.consulardesk.store.generated.Tables.ORGANISATION;
import static org.consulardesk.store.generated.Tables.PERSON;

import java.util.List;
import java.util.Optional;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.EmployerWorker;
import org.consulardesk.registry.model.OrganisationKind;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.OrganisationRecord;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The shared {@code organisation} table (created by the registry) with the columns the bonds
 * migration added; workers come from the registry's {@code employment} rows.
 */
public final class EmployerStore {

    public long insert(Tx tx, Employer e) {
        return tx.dsl().insertInto(ORGANISATION).set(values(tx, e)).set(ORGANISATION.ROW_VERSION, 1)
                .returningResult(ORGANISATION.ID).fetchOne().value1();
    }

    /** Updates the row if it is still at {@code e.version()}; false when someone changed it meanwhile. */
    public boolean update(Tx tx, Employer e) {
        return tx.dsl().update(ORGANISATION).set(values(tx, e)).set(ORGANISATION.ROW_VERSION, e.version() + 1)
                .where(ORGANISATION.ID.eq(e.id()).and(ORGANISATION.ROW_VERSION.eq(e.version()))).execute() == 1;
    }

    private static OrganisationRecord values(Tx tx, Employer e) {
        OrganisationRecord r = tx.dsl().newRecord(ORGANISATION);
        r.setKind(e.kind().name());
        r.setLegalName(e.legalName());
        r.setRegistrationNumber(e.registrationNumber());
        r.setLicenceNumber(e.licenceNumber());
        r.setLicenceValidFrom(e.licenceValidFrom());
        r.setLicenceValidUntil(e.licenceValidUntil());
        r.setCountryCode(e.countryCode());
        r.setAddress(e.address());
        r.setContactPerson(e.contactPerson());
        r.setPhone(e.phone());
        r.setEmail(e.email());
        r.setComplianceNotes(e.complianceNotes());
        r.setBlacklisted(e.blacklisted());
        r.setBlacklistReason(e.blacklistReason());
        r.setBlacklistedOn(e.blacklistedOn());
        r.changed(ORGANISATION.ID, false);
        r.changed(ORGANISATION.ROW_VERSION, false);
        return r;
    }

    public Optional<Employer> get(Tx tx, long id) {
        return tx.dsl().selectFrom(ORGANISATION).where(ORGANISATION.ID.eq(id)).fetchOptional(EmployerStore::employer);
    }

    /** Organisations whose name or numbers contain {@code text} (all when blank), by name. */
    public List<Employer> search(Tx tx, String text, int limit) {
        Condition where = DSL.noCondition();
        if (text != null && !text.isBlank()) {
            String like = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
            where = DSL.lower(ORGANISATION.LEGAL_NAME).like(like)
                    .or(DSL.lower(ORGANISATION.REGISTRATION_NUMBER).like(like))
                    .or(DSL.lower(ORGANISATION.LICENCE_NUMBER).like(like));
        }
        return tx.dsl().selectFrom(ORGANISATION).where(where).orderBy(ORGANISATION.LEGAL_NAME, ORGANISATION.ID)
                .limit(limit).fetch(EmployerStore::employer);
    }

    /** Registrants employed by the organisation, or recruited by it as an agency. */
    public List<EmployerWorker> workers(Tx tx, long organisationId) {
        return tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, EMPLOYMENT.EMPLOYER_ID, EMPLOYMENT.SECTOR,
                        EMPLOYMENT.CONTRACT_START, EMPLOYMENT.CONTRACT_END)
                .from(EMPLOYMENT).join(PERSON).on(PERSON.ID.eq(EMPLOYMENT.PERSON_ID))
                .where(EMPLOYMENT.EMPLOYER_ID.eq(organisationId).or(EMPLOYMENT.AGENCY_ID.eq(organisationId)))
                .and(PERSON.MERGED_INTO.isNull()) // a registration merged into another one counts there
                .orderBy(PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.ID)
                .fetch(r -> new EmployerWorker(r.value1(), r.value2(), r.value3(),
                        r.value4() == null || r.value4() != organisationId, r.value5(), r.value6(), r.value7()));
    }

    /** The employers (and agencies) of a registrant, from the registry's employment records. */
    public List<Long> organisationsOf(Tx tx, long personId) {
        return tx.dsl().select(EMPLOYMENT.EMPLOYER_ID, EMPLOYMENT.AGENCY_ID).from(EMPLOYMENT)
                .where(EMPLOYMENT.PERSON_ID.eq(personId)).orderBy(EMPLOYMENT.ID)
                .fetch().stream().flatMap(r -> java.util.stream.Stream.of(r.value1(), r.value2()))
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    public boolean personExists(Tx tx, long personId) {
        return tx.dsl().fetchExists(PERSON, PERSON.ID.eq(personId));
    }

    private static Employer employer(OrganisationRecord r) {
        return new Employer(r.getId(), r.getRowVersion(), OrganisationKind.valueOf(r.getKind()), r.getLegalName(),
                r.getRegistrationNumber(), r.getLicenceNumber(), r.getLicenceValidFrom(), r.getLicenceValidUntil(),
                r.getCountryCode() == null ? null : r.getCountryCode().strip(), r.getAddress(), r.getContactPerson(),
                r.getPhone(), r.getEmail(), r.getComplianceNotes(), Boolean.TRUE.equals(r.getBlacklisted()),
                r.getBlacklistReason(), r.getBlacklistedOn());
    }
}
