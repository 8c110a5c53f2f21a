package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consulardesk.testsupport.TestRegistries.create;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.Consent;
import org.consulardesk.registry.model.ConsentChannel;
import org.consulardesk.registry.model.ConsentPurpose;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactLocation;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.EmergencyContact;
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
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole registrations against a real encrypted H2 file. */
class RegistrationServiceTest {
    @TempDir
    Path tmp;
    private Session head;
    private RegistrationService service;

    @BeforeEach
    void open() {
        head = create(tmp.resolve("registry")).session();
        service = new RegistrationService(head);
    }

    @AfterEach
    void close() {
        head.close();
    }

    static Registration amara() {
        return new Registration(0, 0, "Okonkwo-Lindqvist", "Amara Ifeoma", "Оконкво", "Амара", List.of("Amy Lindqvist"), 'F',
                "1987-04", "Utopia City", NationalityEvidence.PASSPORT, List.of("en", "sw"), "Works night shifts",
                PurposeOfStay.WORKER,
                new Whereabouts("12 Riverside Drive", null, "Westlands", "Nairobi", "KE",
                        new GeoPoint(-1.2676, 36.8108, 500, LocationSource.GAZETTEER), LocalDate.of(2026, 10, 1),
                        LocalDate.of(2024, 3, 15), LocalDate.of(2027, 3, 14)),
                List.of(new ContactMethod(ContactKind.PHONE, "0712 345678", null, true),
                        new ContactMethod(ContactKind.EMAIL, "Amara.O@Example.org", null, false)),
                List.of(new EmergencyContact("Chidi Okonkwo", "brother", "+254 733 000111", null, ContactLocation.HOST)),
                List.of(new TravelDocument(0, DocumentType.PASSPORT, "UT 1234-567", "Utopia Passport Office",
                        LocalDate.of(2020, 1, 2), LocalDate.of(2030, 1, 1), false)),
                List.of(), List.of(new Vulnerability(VulnerabilityCode.NEEDS_MEDICATION, "insulin")),
                List.of(new Consent(0, ConsentPurpose.CRISIS_CONTACT, null, LocalDate.of(2026, 10, 1), ConsentChannel.IN_PERSON,
                        "h.ashvale", null)), null);
    }

    @Test
    void savesAndReadsTheWholeRecordWithPhonesInE164() {
        Registration saved = service.save(amara());
        assertThat(saved.id()).isPositive();
        assertThat(saved.version()).isEqualTo(1);
        Registration read = service.get(saved.id());
        assertThat(read.familyNameOriginal()).isEqualTo("Оконкво");
        assertThat(read.aliases()).containsExactly("Amy Lindqvist");
        assertThat(read.contacts()).extracting(ContactMethod::value).containsExactly("+254712345678", "amara.o@example.org");
        assertThat(read.documents()).singleElement().satisfies(d -> {
            assertThat(d.id()).isPositive();
            assertThat(d.number()).isEqualTo("UT 1234-567");
        });
        assertThat(read.whereabouts().point().latitude()).isEqualTo(-1.2676);
        assertThat(read.vulnerabilities()).extracting(Vulnerability::code).containsExactly(VulnerabilityCode.NEEDS_MEDICATION);
        assertThat(read.consents()).singleElement().extracting(Consent::purpose).isEqualTo(ConsentPurpose.CRISIS_CONTACT);
        assertThat(read.languages()).containsExactly("en", "sw");
    }

    @Test
    void anOutdatedVersionIsRefusedAndOnlyChangedFieldsAreAudited() {
        Registration saved = service.save(amara());
        Registration moved = withCity(saved, "Mombasa");
        Registration second = service.save(moved);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.whereabouts().city()).isEqualTo("Mombasa");
        // The other workstation still holds version 1.
        UserError stale = org.assertj.core.api.Assertions.catchThrowableOfType(UserError.class,
                () -> service.save(withCity(saved, "Kisumu")));
        assertThat(stale.key()).isEqualTo("error.concurrentChange");
        assertThat(service.get(saved.id()).whereabouts().city()).isEqualTo("Mombasa");

        List<AuditRecord> changes = head.audit().page(new AuditFilter(null, "PERSON_CHANGED", null, null, null), 0, 10);
        assertThat(changes).singleElement().satisfies(r -> {
            assertThat(r.fieldNames()).isEqualTo("whereabouts");
            assertThat(r.canonical()).doesNotContain("Mombasa");
        });
        // Documents keep their identity across saves.
        assertThat(second.documents().get(0).id()).isEqualTo(saved.documents().get(0).id());
    }

    @Test
    void invalidInputIsRefusedWithTheField() {
        Registration bad = amara();
        Registration badPhone = new Registration(0, 0, bad.familyName(), bad.givenNames(), null, null, List.of(), 'F', null,
                null, NationalityEvidence.NONE, List.of(), null, PurposeOfStay.TOURIST, bad.whereabouts(),
                List.of(new ContactMethod(ContactKind.PHONE, "12", null, true)), List.of(), List.of(), List.of(), List.of(),
                List.of(), null);
        assertThatThrownBy(() -> service.save(badPhone)).isInstanceOf(UserError.class).hasMessageContaining("12");
    }

    @Test
    void sensitiveDetailsOnlyThroughAnAuditedReveal() {
        Registration saved = service.save(amara());
        SensitiveDetails none = service.reveal(saved.id());
        assertThat(none.version()).isZero();
        service.saveSensitive(new SensitiveDetails(saved.id(), 0, "work permit expired", "type 1 diabetes", null));
        SensitiveDetails read = service.reveal(saved.id());
        assertThat(read.healthDetails()).isEqualTo("type 1 diabetes");
        List<AuditRecord> reveals = head.audit().page(new AuditFilter(null, "SENSITIVE_REVEALED", null, null, null), 0, 10);
        assertThat(reveals).hasSize(2);
        assertThat(head.audit().page(AuditFilter.ALL, 0, 100)).allSatisfy(r ->
                assertThat(r.canonical()).doesNotContain("diabetes", "permit expired"));
    }

    private static Registration withCity(Registration r, String city) {
        Whereabouts w = r.whereabouts();
        return new Registration(r.id(), r.version(), r.familyName(), r.givenNames(), r.familyNameOriginal(),
                r.givenNamesOriginal(), r.aliases(), r.sex(), r.birthDate(), r.placeOfBirth(), r.nationalityEvidence(),
                r.languages(), r.notes(), r.purpose(), new Whereabouts(w.addressLine1(), w.addressLine2(), w.district(), city,
                w.countryCode(), w.point(), w.confirmedOn(), w.arrivalDate(), w.plannedDeparture()), r.contacts(),
                r.emergencyContacts(), r.documents(), r.employments(), r.vulnerabilities(), r.consents(), r.householdId());
    }
}
