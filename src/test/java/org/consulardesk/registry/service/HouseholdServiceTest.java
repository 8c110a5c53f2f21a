package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.create;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.nio.file.Path;
import java.util.List;
import org.consulardesk.registry.model.Household;
import org.consulardesk.registry.model.HouseholdMember;
import org.consulardesk.registry.model.HouseholdRelationship;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Households against a real encrypted H2 file. */
class HouseholdServiceTest {
    @TempDir
    Path tmp;
    private Session head;
    private RegistrationService registrations;
    private HouseholdService households;

    @BeforeEach
    void open() {
        head = create(tmp.resolve("registry")).session();
        registrations = new RegistrationService(head);
        households = new HouseholdService(head);
    }

    @AfterEach
    void close() {
        head.close();
    }

    private Registration registrant(String family, String given) {
        Registration r = Registration.blank();
        return registrations.save(new Registration(0, 0, family, given, null, null, List.of(), 'F', "1980-02-03", null,
                r.nationalityEvidence(), List.of(), null, r.purpose(), r.whereabouts(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null));
    }

    @Test
    void addsRegistrantsAndRelativesAndRemovesThem() {
        Registration amara = registrant("Okonkwo", "Amara");
        Household h = households.create("Okonkwo family");
        assertThat(h.version()).isEqualTo(1);
        assertThat(h.members()).isEmpty();

        h = households.addRegistrant(h.id(), h.version(), amara.id(), HouseholdRelationship.HEAD, true);
        h = households.addRelative(h.id(), h.version(), "Okonkwo", "Chidi", "2015-06", HouseholdRelationship.CHILD, true);
        assertThat(h.version()).isEqualTo(3);
        assertThat(h.members()).extracting(HouseholdMember::givenNames).containsExactly("Amara", "Chidi");
        assertThat(h.members().get(0).personId()).isEqualTo(amara.id());
        assertThat(h.members().get(0).birthDate()).isEqualTo("1980-02-03");
        assertThat(h.members().get(1).personId()).isNull();
        assertThat(h.members().get(1).birthDate()).isEqualTo("2015-06");
        assertThat(h.members().get(1).relationship()).isEqualTo(HouseholdRelationship.CHILD);

        Registration read = registrations.get(amara.id());
        assertThat(read.householdId()).isEqualTo(h.id());
        assertThat(read.version()).as("the person form must reload before saving").isEqualTo(amara.version() + 1);
        assertThat(households.householdOf(amara.id())).map(Household::id).contains(h.id());

        long relative = h.members().get(1).id();
        h = households.removeMember(h.id(), h.version(), relative);
        assertThat(h.members()).extracting(HouseholdMember::personId).containsExactly(amara.id());
        h = households.removeMember(h.id(), h.version(), h.members().get(0).id());
        assertThat(h.members()).isEmpty();
        assertThat(registrations.get(amara.id()).householdId()).isNull();
        assertThat(households.householdOf(amara.id())).isEmpty();
        assertThat(households.members(h.id())).isEmpty();
    }

    @Test
    void refusesAChangeFromAnOutdatedVersion() {
        Household h = households.create("Lindqvist");
        households.addRelative(h.id(), h.version(), "Lindqvist", "Ove", null, HouseholdRelationship.PARENT, false);
        assertThat(userError(() -> households.addRelative(h.id(), h.version(), "Lindqvist", "Eva", null,
                HouseholdRelationship.SPOUSE, false)).key()).isEqualTo("error.concurrentChange");
        assertThat(households.get(h.id()).members()).hasSize(1);
    }

    @Test
    void aPersonBelongsToOneHouseholdAndMustExist() {
        Registration amara = registrant("Okonkwo", "Amara");
        Household first = households.addRegistrant(households.create("A").id(), 1, amara.id(), HouseholdRelationship.HEAD, false);
        Household second = households.create("B");
        assertThat(userError(() -> households.addRegistrant(second.id(), 1, amara.id(), HouseholdRelationship.OTHER, false))
                .key()).isEqualTo("error.household.alreadyMember");
        assertThat(userError(() -> households.addRegistrant(second.id(), 1, 9999, HouseholdRelationship.OTHER, false))
                .key()).isEqualTo("error.person.notFound");
        assertThat(userError(() -> households.addRelative(second.id(), 1, " ", null, null, null, false)).key())
                .isEqualTo("error.household.relativeName");
        assertThat(userError(() -> households.addRelative(second.id(), 1, "X", null, "2015-13", null, false)).key())
                .isEqualTo("error.person.birthDate");
        assertThat(userError(() -> households.removeMember(second.id(), 1, first.members().get(0).id())).key())
                .isEqualTo("error.household.memberNotFound");
        assertThat(userError(() -> households.get(4242)).key()).isEqualTo("error.household.notFound");
    }

    @Test
    void everyChangeIsAuditedWithFieldNamesOnly() {
        Registration amara = registrant("Okonkwo", "Amara");
        Household h = households.create("Okonkwo family");
        h = households.addRegistrant(h.id(), h.version(), amara.id(), HouseholdRelationship.HEAD, true);
        h = households.addRelative(h.id(), h.version(), "Zebedayo", "Chidi", "2015-06", HouseholdRelationship.CHILD, true);
        households.removeMember(h.id(), h.version(), h.members().get(1).id());

        assertThat(head.audit().page(new AuditFilter(null, "HOUSEHOLD_ADDED", null, null, null), 0, 10)).hasSize(1);
        List<AuditRecord> added = head.audit().page(new AuditFilter(null, "HOUSEHOLD_MEMBER_ADDED", null, null, null), 0, 10);
        assertThat(added).hasSize(2);
        assertThat(added).extracting(AuditRecord::fieldNames)
                .anySatisfy(f -> assertThat(f).contains("person_id", "relationship"))
                .anySatisfy(f -> assertThat(f).contains("family_name", "birth_date"));
        assertThat(head.audit().page(new AuditFilter(null, "HOUSEHOLD_MEMBER_REMOVED", null, null, null), 0, 10)).hasSize(1);
        assertThat(head.audit().page(AuditFilter.ALL, 0, 200)).allSatisfy(r ->
                assertThat(r.canonical()).doesNotContain("Zebedayo", "Chidi", "2015-06", "Okonkwo family"));
    }
}
