package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.create;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.consulardesk.registry.model.Employment;
import org.consulardesk.registry.model.HouseholdMember;
import org.consulardesk.registry.model.HouseholdRelationship;
import org.consulardesk.registry.model.Organisation;
import org.consulardesk.registry.model.OrganisationKind;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Employers and agencies picked in the person form, employments saved with a registration, member changes. */
class OrganisationServiceTest {
    @TempDir
    Path tmp;
    private Session head;
    private OrganisationService organisations;
    private RegistrationService registrations;

    @BeforeEach
    void open() {
        head = create(tmp.resolve("registry")).session();
        organisations = new OrganisationService(head);
        registrations = new RegistrationService(head);
    }

    @AfterEach
    void close() {
        head.close();
    }

    @Test
    void createsFindsByEveryWordAndRefusesASecondRecordOfTheSameName() {
        Organisation farms = organisations.create(OrganisationKind.EMPLOYER, "  Kilimo   Farms Ltd ", "ke");
        organisations.create(OrganisationKind.EMPLOYER, "Pwani Hotels", null);
        Organisation agency = organisations.create(OrganisationKind.AGENCY, "Kilimo Recruiters", "KE");
        assertThat(farms.legalName()).isEqualTo("Kilimo Farms Ltd");
        assertThat(farms.countryCode()).isEqualTo("KE");

        assertThat(organisations.search(OrganisationKind.EMPLOYER, "farms kil", 10)).containsExactly(farms);
        assertThat(organisations.search(OrganisationKind.AGENCY, "kilimo", 10)).containsExactly(agency);
        assertThat(organisations.search(OrganisationKind.EMPLOYER, "", 10)).hasSize(2);
        assertThat(organisations.search(OrganisationKind.EMPLOYER, "100%_", 10)).isEmpty();
        assertThat(organisations.get(List.of(farms.id(), agency.id(), 999L))).hasSize(2);

        assertThat(userError(() -> organisations.create(OrganisationKind.EMPLOYER, "KILIMO FARMS LTD", null)).key())
                .isEqualTo("error.organisation.exists");
        assertThat(userError(() -> organisations.create(OrganisationKind.EMPLOYER, " ", null)).key())
                .isEqualTo("error.employer.name");
        assertThat(userError(() -> organisations.create(OrganisationKind.EMPLOYER, "Nyota", "Kenya")).key())
                .isEqualTo("error.country.invalid");
        List<AuditRecord> added = head.audit().page(new AuditFilter(null, "ORGANISATION_ADDED", null, null, null), 0, 10);
        assertThat(added).hasSize(3).allSatisfy(r -> assertThat(r.detail() == null ? "" : r.detail()).doesNotContain("Kilimo"));
    }

    @Test
    void employmentsAreSavedWithTheRegistrationAuditedAndCheckedForDates() {
        Organisation farms = organisations.create(OrganisationKind.EMPLOYER, "Kilimo Farms Ltd", "KE");
        Organisation agency = organisations.create(OrganisationKind.AGENCY, "Nyota Recruiters", "KE");
        Registration amara = registrations.save(person("Okonkwo", "Amara"));
        Employment job = new Employment(farms.id(), agency.id(), "Agriculture", "Naivasha", LocalDate.of(2025, 3, 1),
                LocalDate.of(2027, 2, 28));
        Registration saved = registrations.save(with(amara, List.of(job)));
        assertThat(saved.employments()).containsExactly(job);
        assertThat(saved.version()).isGreaterThan(amara.version());
        List<AuditRecord> changed = head.audit().page(new AuditFilter(null, "PERSON_CHANGED", null, null, null), 0, 10);
        assertThat(changed).anySatisfy(r -> assertThat(r.fieldNames()).contains("employments"));

        Employment backwards = new Employment(farms.id(), null, null, null, LocalDate.of(2025, 3, 1), LocalDate.of(2024, 3, 1));
        assertThat(userError(() -> registrations.save(with(saved, List.of(backwards)))).key())
                .isEqualTo("error.employment.endBeforeStart");
        Employment empty = new Employment(null, null, " ", null, null, null);
        assertThat(userError(() -> registrations.save(with(saved, List.of(empty)))).key()).isEqualTo("error.employment.empty");
        // Saved from the version read before: refused, as for every other section.
        assertThat(userError(() -> registrations.save(with(amara, List.of()))).key()).isEqualTo("error.concurrentChange");
        assertThat(registrations.get(amara.id()).employments()).containsExactly(job);
    }

    @Test
    void aMembersRelationshipAndTravellingAreChangedFromTheVersionShown() {
        HouseholdService households = new HouseholdService(head);
        long amara = registrations.save(person("Okonkwo", "Amara")).id();
        var h = households.create("Okonkwo");
        h = households.addRegistrant(h.id(), h.version(), amara, HouseholdRelationship.HEAD, false);
        h = households.addRelative(h.id(), h.version(), "Okonkwo", "Ebele", "2019-06", HouseholdRelationship.CHILD, false);
        HouseholdMember ebele = h.members().get(1);
        var changed = households.changeMember(h.id(), h.version(), ebele.id(), HouseholdRelationship.DEPENDANT, true);
        assertThat(changed.members().get(1)).extracting(HouseholdMember::relationship, HouseholdMember::travellingWith)
                .containsExactly(HouseholdRelationship.DEPENDANT, true);
        var stale = h;
        assertThat(userError(() -> households.changeMember(stale.id(), stale.version(), ebele.id(),
                HouseholdRelationship.SIBLING, false)).key()).isEqualTo("error.concurrentChange");
        List<AuditRecord> audit = head.audit().page(new AuditFilter(null, "HOUSEHOLD_MEMBER_CHANGED", null, null, null), 0, 10);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).fieldNames()).contains("relationship", "travelling_with");
    }

    private static Registration person(String family, String given) {
        Registration b = Registration.blank();
        return new Registration(0, 0, family, given, null, null, List.of(), 'F', "1985", null, b.nationalityEvidence(),
                List.of(), null, PurposeOfStay.WORKER, b.whereabouts(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), null);
    }

    private static Registration with(Registration r, List<Employment> jobs) {
        return new Registration(r.id(), r.version(), r.familyName(), r.givenNames(), r.familyNameOriginal(),
                r.givenNamesOriginal(), r.aliases(), r.sex(), r.birthDate(), r.placeOfBirth(), r.nationalityEvidence(),
                r.languages(), r.notes(), r.purpose(), r.whereabouts(), r.contacts(), r.emergencyContacts(), r.documents(), jobs,
                r.vulnerabilities(), r.consents(), r.householdId());
    }
}
