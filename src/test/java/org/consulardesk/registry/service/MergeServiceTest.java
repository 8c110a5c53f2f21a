package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.FAST;
import static org.consulardesk.testsupport.TestRegistries.OTHER_PASSPHRASE;
import static org.consulardesk.testsupport.TestRegistries.create;
import static org.consulardesk.testsupport.TestRegistries.login;
import static org.consulardesk.testsupport.TestRegistries.loginHead;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.Consent;
import org.consulardesk.registry.model.ConsentChannel;
import org.consulardesk.registry.model.ConsentPurpose;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.DuplicateCandidate;
import org.consulardesk.registry.model.DuplicateCursor;
import org.consulardesk.registry.model.DuplicatePage;
import org.consulardesk.registry.model.DuplicateReason;
import org.consulardesk.registry.model.Household;
import org.consulardesk.registry.model.HouseholdRelationship;
import org.consulardesk.registry.model.MergeEntry;
import org.consulardesk.registry.model.MergePlan;
import org.consulardesk.registry.model.NationalityEvidence;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.RegistrySearch;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Vulnerability;
import org.consulardesk.registry.model.VulnerabilityCode;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Duplicate candidates, dismissals, merges and their undo against a real encrypted H2 file. */
class MergeServiceTest {
    static final String OFFICER = "o.quillane";
    @TempDir
    Path tmp;
    Path dir;
    Path state;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("registry");
        state = tmp.resolve("state");
        try (Session head = create(dir).session()) {
            new UserService(head, state, FAST).add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER,
                    OTHER_PASSPHRASE.toCharArray());
        }
    }

    <T> T asHead(Function<Session, T> work) {
        try (Session s = loginHead(dir, state)) {
            return work.apply(s);
        }
    }

    <T> T asOfficer(Function<Session, T> work) {
        try (Session s = login(dir, state, OFFICER, OTHER_PASSPHRASE)) {
            return work.apply(s);
        }
    }

    List<DuplicateCandidate> candidates() {
        return asHead(s -> new DuplicateService(s).candidates(50));
    }

    int count(String text) {
        return asHead(s -> new SearchService(s).count(RegistrySearch.text(text)));
    }

    List<PersonHit> search(String text) {
        return asHead(s -> new SearchService(s).search(RegistrySearch.text(text), 0, 20));
    }

    List<org.consulardesk.registry.model.HouseholdMember> members(long household) {
        return asHead(s -> new HouseholdService(s).members(household));
    }

    List<MergeEntry> merges() {
        return asHead(s -> new MergeService(s).merges(0, 10));
    }

    List<AuditRecord> audit() {
        return asHead(s -> s.audit().page(AuditFilter.ALL, 0, 200));
    }

    Registration get(long id) {
        return asHead(s -> new RegistrationService(s).get(id));
    }

    static Registration person(String family, String given, String born, String passport, String phone, String city,
                               List<Vulnerability> vulnerabilities, List<Consent> consents) {
        List<ContactMethod> contacts = phone == null ? List.of() : List.of(new ContactMethod(ContactKind.PHONE, phone, null, true));
        List<TravelDocument> documents = passport == null ? List.of()
                : List.of(new TravelDocument(0, DocumentType.PASSPORT, passport, "Utopia Passport Office", null,
                LocalDate.of(2030, 5, 1), false));
        return new Registration(0, 0, family, given, null, null, List.of(), 'F', born, "Utopia City", NationalityEvidence.PASSPORT,
                List.of("en"), null, PurposeOfStay.WORKER,
                new Whereabouts("4 Ngong Road", null, "Kilimani", city, "KE", null, null, null, null), contacts, List.of(),
                documents, List.of(), vulnerabilities, consents, null);
    }

    static Consent crisis(LocalDate on) {
        return new Consent(0, ConsentPurpose.CRISIS_CONTACT, null, on, ConsentChannel.WRITTEN, "h.ashvale", null);
    }

    /** Achieng Otieno twice (typo, same passport), Brian Kamau twice (same phone), and a stranger. */
    record Fixture(Registration achieng, Registration achiengTypo, Registration brian, Registration brianAgain,
                   Registration stranger) {
    }

    Fixture fixture(Session s) {
        RegistrationService r = new RegistrationService(s);
        return new Fixture(
                r.save(person("Otieno", "Achieng", "1990-03-14", "UT1234567", "+254712000111", "Nairobi", List.of(),
                        List.of(crisis(LocalDate.of(2025, 1, 10))))),
                r.save(person("Otieno", "Achieng'", "1990-03-14", "UT 1234567", null, "Mombasa",
                        List.of(new Vulnerability(VulnerabilityCode.NEEDS_MEDICATION, null)), List.of())),
                r.save(person("Kamau", "Brian", "1985-11-02", null, "+254722333444", "Nairobi", List.of(), List.of())),
                r.save(person("Kamau", "Bryan", "1985", null, "+254722333444", "Nakuru", List.of(), List.of())),
                r.save(person("Wanjiru", "Grace", "1990-03-14", "UT7654321", "+254733555666", "Kisumu", List.of(), List.of())));
    }

    @Test
    void findsCandidatesWithReasonsAndRemembersDismissals() {
        Fixture f = asHead(this::fixture);
        List<DuplicateCandidate> found = asOfficer(s -> new DuplicateService(s).candidates(50));
        assertThat(found).hasSize(2);
        DuplicateCandidate first = found.get(0);
        assertThat(List.of(first.left().id(), first.right().id())).containsExactly(f.achieng().id(), f.achiengTypo().id());
        assertThat(first.reasons()).containsExactly(DuplicateReason.SAME_DOCUMENT, DuplicateReason.SAME_BIRTH_DATE,
                DuplicateReason.SAME_NAME);
        assertThat(first.score()).isEqualTo(1.0);
        DuplicateCandidate second = found.get(1);
        assertThat(List.of(second.left().id(), second.right().id())).containsExactly(f.brian().id(), f.brianAgain().id());
        assertThat(second.reasons()).containsExactly(DuplicateReason.SAME_PHONE, DuplicateReason.SIMILAR_NAME);

        asOfficer(s -> {
            new DuplicateService(s).dismiss(f.brianAgain().id(), f.brian().id());
            return null;
        });
        assertThat(candidates()).extracting(c -> c.right().id())
                .containsExactly(f.achiengTypo().id());
        List<AuditRecord> audit = asHead(s -> s.audit().page(AuditFilter.ALL, 0, 100));
        assertThat(audit).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("DUPLICATE_DISMISSED");
            assertThat(a.detail()).doesNotContain("Kamau", "Brian", "254");
        });
    }

    @Test
    void theWalkOfTheKeyIndexesFindsTheSamePairsInSmallStepsAndPageByPage() {
        asHead(this::fixture);
        asHead(s -> {
            RegistrationService r = new RegistrationService(s);
            r.save(person("Mohamed", "Fatuma", "1979-06-30", null, null, "Nairobi", List.of(), List.of()));
            r.save(person("Muhammad", "Fatma", "1979-06-30", null, null, "Garissa", List.of(), List.of()));
            return null;
        });
        List<DuplicateCandidate> all = candidates();
        assertThat(all).hasSize(3);
        // Steps of two index entries: every step boundary falls inside or next to a shared key.
        DuplicatePage small = asHead(s -> new DuplicateService(s).page(DuplicateCursor.START, 50, 2, 60_000));
        assertThat(small.candidates()).isEqualTo(all);
        assertThat(small.more()).isFalse();
        // One pair a page: "Look further" goes on from the cursor until every index is read.
        List<DuplicateCandidate> paged = new java.util.ArrayList<>();
        DuplicateCursor at = DuplicateCursor.START;
        for (int i = 0; i < 20 && !at.finished(); i++) {
            DuplicateCursor from = at;
            DuplicatePage page = asHead(s -> new DuplicateService(s).page(from, 1, 2, 60_000));
            paged.addAll(page.candidates());
            at = page.next();
        }
        // With no time at all each call still takes one step, so Look further always gets to the end.
        DuplicateCursor step = DuplicateCursor.START;
        java.util.Set<String> stepped = new java.util.HashSet<>();
        for (int i = 0; i < 100 && !step.finished(); i++) {
            DuplicateCursor from = step;
            DuplicatePage page = asHead(s -> {
                DuplicateService d = new DuplicateService(s);
                return d.page(from, 50, 2, 0);
            });
            page.candidates().forEach(c -> stepped.add(c.left().id() + "/" + c.right().id()));
            step = page.next();
        }
        assertThat(step.finished()).isTrue();
        assertThat(stepped).containsExactlyInAnyOrderElementsOf(all.stream().map(c -> c.left().id() + "/" + c.right().id()).toList());
        assertThat(at.finished()).isTrue();
        // A pair sharing two keys may come again on a later page through its other key (the screen lists it once).
        assertThat(paged.stream().map(c -> c.left().id() + "/" + c.right().id()).distinct())
                .containsExactlyInAnyOrderElementsOf(all.stream().map(c -> c.left().id() + "/" + c.right().id()).toList());
    }

    @Test
    void sameBirthDateAndSoundAlikeNameWithoutSharedNumbers() {
        asHead(s -> {
            RegistrationService r = new RegistrationService(s);
            r.save(person("Mohamed", "Fatuma", "1979-06-30", null, null, "Nairobi", List.of(), List.of()));
            r.save(person("Muhammad", "Fatma", "1979-06-30", null, null, "Garissa", List.of(), List.of()));
            // Twins: same family name and birth date, other given name: below the threshold.
            r.save(person("Njoroge", "Peter", "2001-01-09", null, null, "Nairobi", List.of(), List.of()));
            r.save(person("Njoroge", "Paul", "2001-01-09", null, null, "Nairobi", List.of(), List.of()));
            return null;
        });
        List<DuplicateCandidate> found = asHead(s -> new DuplicateService(s).candidates(50));
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.left().familyName()).isEqualTo("Mohamed");
            assertThat(c.reasons()).containsExactly(DuplicateReason.SAME_BIRTH_DATE, DuplicateReason.SIMILAR_NAME);
        });
    }

    @Test
    void mergesFieldByFieldHidesTheOtherAndUndoRestoresBothExactly() {
        Fixture f = asHead(this::fixture);
        Household household = asHead(s -> {
            HouseholdService h = new HouseholdService(s);
            Household created = h.create("Otieno family");
            return h.addRegistrant(created.id(), created.version(), f.achiengTypo().id(), HouseholdRelationship.HEAD, true);
        });
        Registration left = asHead(s -> new RegistrationService(s).get(f.achieng().id()));
        Registration right = asHead(s -> new RegistrationService(s).get(f.achiengTypo().id()));
        // Keep the left record; take the city and the household from the right; union the lists,
        // but drop the right's passport (the same number as the left's).
        Registration result = new Registration(left.id(), left.version(), left.familyName(), left.givenNames(), null, null,
                List.of("Achieng'"), left.sex(), left.birthDate(), left.placeOfBirth(), left.nationalityEvidence(),
                left.languages(), null, left.purpose(), right.whereabouts(), left.contacts(), List.of(), left.documents(),
                List.of(), right.vulnerabilities(), left.consents(), right.householdId());
        long mergeId = asOfficer(s -> new MergeService(s).merge(new MergePlan(right.id(), right.version(), result)));

        Registration merged = asHead(s -> new RegistrationService(s).get(left.id()));
        assertThat(merged.version()).isEqualTo(left.version() + 1);
        assertThat(merged.whereabouts().city()).isEqualTo("Mombasa");
        assertThat(merged.aliases()).containsExactly("Achieng'");
        assertThat(merged.contacts()).extracting(ContactMethod::value).containsExactly("+254712000111");
        assertThat(merged.documents()).extracting(TravelDocument::id).containsExactly(left.documents().get(0).id());
        assertThat(merged.vulnerabilities()).extracting(Vulnerability::code).containsExactly(VulnerabilityCode.NEEDS_MEDICATION);
        assertThat(merged.consents()).hasSize(1);
        assertThat(merged.householdId()).isEqualTo(household.id());
        assertThat(members(household.id())).extracting(m -> m.personId())
                .containsExactly(left.id());

        // The other record is kept but counts nowhere: search, candidates.
        assertThat(get(right.id()).familyName()).isEqualTo("Otieno");
        List<PersonHit> hits = asHead(s -> new SearchService(s).search(RegistrySearch.text("otieno"), 0, 20));
        assertThat(hits).extracting(PersonHit::id).containsExactly(left.id());
        assertThat(search("")).extracting(PersonHit::id)
                .doesNotContain(right.id()).hasSize(4);
        assertThat(count("")).isEqualTo(4);
        assertThat(candidates()).extracting(c -> c.left().id())
                .containsExactly(f.brian().id());

        List<AuditRecord> audit = asHead(s -> s.audit().page(AuditFilter.ALL, 0, 200));
        assertThat(audit).anySatisfy(a -> {
            assertThat(a.action()).isEqualTo("PERSON_MERGED");
            assertThat(a.entityId()).isEqualTo(String.valueOf(left.id()));
            assertThat(a.fieldNames()).contains("whereabouts", "aliases", "vulnerabilities", "household");
            assertThat(a.detail()).contains("person " + right.id()).doesNotContain("Otieno", "Mombasa");
        });

        // A plain officer may not undo; the head of post can, and both records come back as they were.
        UserError refused = userError(() -> asOfficer(s -> {
            new MergeService(s).undo(mergeId, false);
            return null;
        }));
        assertThat(refused.key()).isEqualTo("error.permission.denied");
        assertThat(merges()).singleElement()
                .satisfies(m -> assertThat(m.undoneAt()).isNull());
        asHead(s -> {
            new MergeService(s).undo(mergeId, false);
            return null;
        });
        Registration leftAgain = asHead(s -> new RegistrationService(s).get(left.id()));
        Registration rightAgain = asHead(s -> new RegistrationService(s).get(right.id()));
        assertThat(withoutVersion(leftAgain)).isEqualTo(withoutVersion(left));
        assertThat(withoutVersion(rightAgain)).isEqualTo(withoutVersion(right));
        assertThat(members(household.id())).extracting(m -> m.personId())
                .containsExactly(right.id());
        assertThat(search("otieno")).hasSize(2);
        assertThat(merges()).extracting(MergeEntry::undoneAt).doesNotContainNull();
        assertThat(audit()).extracting(AuditRecord::action)
                .contains("PERSON_MERGE_UNDONE");
        assertThat(userError(() -> asHead(s -> {
            new MergeService(s).undo(mergeId, false);
            return null;
        })).key()).isEqualTo("error.merge.alreadyUndone");
    }

    @Test
    void staleVersionsAreRefusedAndUndoAfterAnEditNeedsConsent() {
        Fixture f = asHead(this::fixture);
        Registration left = asHead(s -> new RegistrationService(s).get(f.brian().id()));
        Registration right = asHead(s -> new RegistrationService(s).get(f.brianAgain().id()));
        // Someone edits the other record after the merge screen read it.
        asHead(s -> new RegistrationService(s).save(withCity(right, "Eldoret", right.version())));
        UserError stale = userError(() -> asOfficer(s -> new MergeService(s).merge(new MergePlan(right.id(), right.version(), left))));
        assertThat(stale.key()).isEqualTo("error.concurrentChange");
        assertThat(count("kamau")).isEqualTo(2);

        Registration rightNow = asHead(s -> new RegistrationService(s).get(right.id()));
        long mergeId = asOfficer(s -> new MergeService(s).merge(new MergePlan(right.id(), rightNow.version(), left)));
        UserError again = userError(() -> asOfficer(s -> new MergeService(s).merge(new MergePlan(right.id(), rightNow.version() + 1,
                asHead(h -> new RegistrationService(h).get(left.id()))))));
        assertThat(again.key()).isEqualTo("error.merge.alreadyMerged");

        Registration survivor = asHead(s -> new RegistrationService(s).get(left.id()));
        asHead(s -> new RegistrationService(s).save(withCity(survivor, "Thika", survivor.version())));
        assertThat(userError(() -> asHead(s -> {
            new MergeService(s).undo(mergeId, false);
            return null;
        })).key()).isEqualTo("error.merge.editedAfter");
        asHead(s -> {
            new MergeService(s).undo(mergeId, true);
            return null;
        });
        assertThat(get(left.id()).whereabouts().city()).isEqualTo("Nairobi");
        assertThat(count("kamau")).isEqualTo(2);
    }

    static Registration withCity(Registration r, String city, int version) {
        Whereabouts w = r.whereabouts();
        return new Registration(r.id(), version, r.familyName(), r.givenNames(), r.familyNameOriginal(), r.givenNamesOriginal(),
                r.aliases(), r.sex(), r.birthDate(), r.placeOfBirth(), r.nationalityEvidence(), r.languages(), r.notes(),
                r.purpose(), new Whereabouts(w.addressLine1(), w.addressLine2(), w.district(), city, w.countryCode(), w.point(),
                w.confirmedOn(), w.arrivalDate(), w.plannedDeparture()), r.contacts(), r.emergencyContacts(), r.documents(),
                r.employments(), r.vulnerabilities(), r.consents(), r.householdId());
    }

    static Registration withoutVersion(Registration r) {
        return new Registration(r.id(), 0, r.familyName(), r.givenNames(), r.familyNameOriginal(), r.givenNamesOriginal(),
                r.aliases(), r.sex(), r.birthDate(), r.placeOfBirth(), r.nationalityEvidence(), r.languages(), r.notes(),
                r.purpose(), r.whereabouts(), r.contacts(), r.emergencyContacts(), new ArrayList<>(r.documents()),
                r.employments(), r.vulnerabilities(), r.consents(), r.householdId());
    }
}
