package org.consulardesk.registry.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.geo.model.Place;
import org.consulardesk.geo.service.Gazetteer;
import org.consulardesk.registry.model.Consent;
import org.consulardesk.registry.model.ConsentChannel;
import org.consulardesk.registry.model.ConsentPurpose;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactLocation;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.EmergencyContact;
import org.consulardesk.registry.model.Employment;
import org.consulardesk.registry.model.GeoPoint;
import org.consulardesk.registry.model.Household;
import org.consulardesk.registry.model.HouseholdMember;
import org.consulardesk.registry.model.HouseholdRelationship;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.NationalityEvidence;
import org.consulardesk.registry.model.Organisation;
import org.consulardesk.registry.model.OrganisationKind;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.RegistrySearch;
import org.consulardesk.registry.model.SensitiveDetails;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Vulnerability;
import org.consulardesk.registry.model.VulnerabilityCode;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.HouseholdService;
import org.consulardesk.registry.service.OrganisationService;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.registry.service.SearchService;

/**
 * One registration being edited: every field as a property, lists as rows, and whether anything
 * changed since it was loaded or saved (the unsaved-changes guard asks before leaving).
 */
public final class PersonFormViewModel {
    /** A city centroid places the person within a few kilometres at best. */
    static final int GAZETTEER_ACCURACY_METRES = 5000;
    static final Pattern BIRTH_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{5,24}");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;\\n]");

    final StringProperty familyName = new SimpleStringProperty("");
    final StringProperty givenNames = new SimpleStringProperty("");
    final StringProperty familyNameOriginal = new SimpleStringProperty("");
    final StringProperty givenNamesOriginal = new SimpleStringProperty("");
    final StringProperty aliases = new SimpleStringProperty("");
    final ObjectProperty<Character> sex = new SimpleObjectProperty<>();
    final StringProperty birthDate = new SimpleStringProperty("");
    final StringProperty placeOfBirth = new SimpleStringProperty("");
    final ObjectProperty<NationalityEvidence> evidence = new SimpleObjectProperty<>(NationalityEvidence.NONE);
    final StringProperty languages = new SimpleStringProperty("");
    final StringProperty notes = new SimpleStringProperty("");
    final ObjectProperty<PurposeOfStay> purpose = new SimpleObjectProperty<>();

    final StringProperty address1 = new SimpleStringProperty("");
    final StringProperty address2 = new SimpleStringProperty("");
    final StringProperty district = new SimpleStringProperty("");
    final StringProperty city = new SimpleStringProperty("");
    final StringProperty country = new SimpleStringProperty();
    final ObjectProperty<GeoPoint> point = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> confirmedOn = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> arrival = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> departure = new SimpleObjectProperty<>();

    final ObservableList<ContactRow> contacts = FXCollections.observableArrayList();
    final ObservableList<EmergencyRow> emergencyContacts = FXCollections.observableArrayList();
    final ObservableList<DocumentRow> documents = FXCollections.observableArrayList();
    final ObservableList<ConsentRow> consents = FXCollections.observableArrayList();
    /** Employers and agencies are shared organisation records, picked by name or created inline. */
    final ObservableList<EmploymentRow> employments = FXCollections.observableArrayList();
    final StringProperty employmentMessage = new SimpleStringProperty("");
    /** The registrant's household (saved at once, apart from the form), or null when there is none. */
    final ObjectProperty<Household> household = new SimpleObjectProperty<>();
    final StringProperty householdMessage = new SimpleStringProperty("");
    final BooleanProperty householdBusy = new SimpleBooleanProperty(false);
    /** The id of the registration shown (0: not saved yet). */
    final javafx.beans.property.LongProperty personId = new javafx.beans.property.SimpleLongProperty(0);
    final Map<VulnerabilityCode, BooleanProperty> vulnerable = new EnumMap<>(VulnerabilityCode.class);
    final Map<VulnerabilityCode, StringProperty> vulnerabilityNotes = new EnumMap<>(VulnerabilityCode.class);

    final BooleanProperty revealed = new SimpleBooleanProperty(false);
    final StringProperty migrationStatus = new SimpleStringProperty("");
    final StringProperty healthDetails = new SimpleStringProperty("");
    final StringProperty detentionDetails = new SimpleStringProperty("");

    final StringProperty title = new SimpleStringProperty("");
    final StringProperty error = new SimpleStringProperty("");
    final StringProperty message = new SimpleStringProperty("");
    final StringProperty sensitiveMessage = new SimpleStringProperty("");
    final BooleanProperty dirty = new SimpleBooleanProperty(false);
    final BooleanProperty busy = new SimpleBooleanProperty(false);
    final BooleanProperty saved = new SimpleBooleanProperty(false);

    private final RegistrationService service;
    private final OrganisationService organisations;
    private final HouseholdService households;
    private final SearchService search;
    private final Gazetteer gazetteer;
    private final BackgroundTasks tasks;
    private final String currentUser;
    private final String hostCountry;
    private final boolean mayReveal;
    private Registration loaded = Registration.blank();
    private SensitiveDetails sensitive;
    private boolean loading;

    /**
     * @param organisations employers and agencies to pick from (null: the employment section only keeps what is there)
     * @param households    the registrant's household (null: no household section)
     * @param search        finds registrants to join or add to a household
     */
    public PersonFormViewModel(RegistrationService service, OrganisationService organisations, HouseholdService households,
                               SearchService search, Gazetteer gazetteer, BackgroundTasks tasks, String currentUser,
                               String hostCountry, boolean mayReveal) {
        this.service = service;
        this.organisations = organisations;
        this.households = households;
        this.search = search;
        this.gazetteer = gazetteer;
        this.tasks = tasks;
        this.currentUser = currentUser;
        this.hostCountry = hostCountry;
        this.mayReveal = mayReveal;
        for (VulnerabilityCode code : VulnerabilityCode.values()) {
            vulnerable.put(code, new SimpleBooleanProperty(false));
            vulnerabilityNotes.put(code, new SimpleStringProperty(""));
        }
        track(familyName, givenNames, familyNameOriginal, givenNamesOriginal, aliases, sex, birthDate, placeOfBirth,
                evidence, languages, notes, purpose, address1, address2, district, city, country, point, confirmedOn,
                arrival, departure, contacts, emergencyContacts, documents, consents, employments);
        vulnerable.values().forEach(this::track);
        vulnerabilityNotes.values().forEach(this::track);
        apply(Registration.blank());
    }

    long id() {
        return loaded.id();
    }

    boolean mayReveal() {
        return mayReveal && loaded.id() != 0;
    }

    private void track(Observable... observables) {
        for (Observable o : observables) {
            o.addListener(x -> {
                if (!loading) {
                    dirty.set(true);
                }
            });
        }
    }

    /** Loads a registration ({@code 0}: a new, empty one). */
    void load(long id) {
        error.set("");
        message.set("");
        if (id == 0) {
            apply(Registration.blank());
            return;
        }
        busy.set(true);
        tasks.run(Ui.text("person.loading"), p -> complete(service.get(id)), r -> {
            busy.set(false);
            apply(r);
        }, failure -> {
            busy.set(false);
            error.set(Ui.describe(failure));
        });
    }

    /** Starts the gazetteer loading in the background so the first suggestion is quick. */
    void warmUpGazetteer() {
        if (!gazetteer.isLoaded()) {
            tasks.run(Ui.text("person.gazetteerLoading"), p -> {
                gazetteer.load();
                return null;
            }, done -> { }, failure -> { });
        }
    }

    /** Called by the auto-completion on its own worker thread: places of the chosen country first. */
    List<Place> suggestCities(String prefix, String countryCode) {
        if (prefix == null || prefix.strip().length() < 2) {
            return List.of();
        }
        int limit = 12;
        List<Place> found = new ArrayList<>(gazetteer.suggest(prefix, countryCode, limit));
        if (countryCode != null && found.size() < limit) {
            gazetteer.suggest(prefix, null, limit).stream().filter(p -> !found.contains(p)).limit(limit - found.size())
                    .forEach(found::add);
        }
        return found;
    }

    /** The user picked a place: it gives the city, the country and an approximate point. */
    void choosePlace(Place place) {
        city.set(place.name());
        country.set(place.countryCode());
        point.set(new GeoPoint(place.latitude(), place.longitude(), GAZETTEER_ACCURACY_METRES, LocationSource.GAZETTEER));
    }

    void clearPoint() {
        point.set(null);
    }

    void addContact() {
        contacts.add(new ContactRow(new ContactMethod(ContactKind.PHONE, "", null, contacts.isEmpty())));
    }

    void addEmergencyContact() {
        emergencyContacts.add(new EmergencyRow(new EmergencyContact("", "", "", "", ContactLocation.HOME)));
    }

    void addDocument() {
        documents.add(new DocumentRow(new TravelDocument(0, DocumentType.PASSPORT, "", "", null, null, false)));
    }

    void addConsent() {
        consents.add(new ConsentRow(new Consent(0, ConsentPurpose.CRISIS_CONTACT, null, today(), ConsentChannel.IN_PERSON,
                currentUser, null)));
    }

    void withdraw(ConsentRow row) {
        row.withdrawnOn.set(today());
    }

    /** The session's date (a trainer's exercise may set its clock), not the workstation's. */
    private LocalDate today() {
        return service.today();
    }

    /** Saves in the background; the service checks everything again and refuses an outdated version. */
    void save(Runnable onSaved) {
        error.set("");
        message.set("");
        Registration draft = toRegistration();
        busy.set(true);
        tasks.run(Ui.text("person.saving"), p -> complete(service.save(draft)), r -> {
            busy.set(false);
            apply(r);
            saved.set(true);
            message.set(Ui.text("person.saved"));
            onSaved.run();
        }, failure -> {
            busy.set(false);
            error.set(Ui.describe(failure));
        });
    }

    /** A registration with what the form shows beside it: organisation names and the household. */
    record Loaded(Registration registration, Map<Long, String> organisationNames, Household household) {
    }

    /** Runs on a worker thread. */
    private Loaded complete(Registration r) {
        Map<Long, String> names = new HashMap<>();
        Set<Long> ids = new LinkedHashSet<>();
        for (Employment e : r.employments()) {
            if (e.employerId() != null) {
                ids.add(e.employerId());
            }
            if (e.agencyId() != null) {
                ids.add(e.agencyId());
            }
        }
        if (organisations != null && !ids.isEmpty()) {
            organisations.get(ids).forEach(o -> names.put(o.id(), o.legalName()));
        }
        Household h = households == null || r.id() == 0 ? null : households.householdOf(r.id()).orElse(null);
        return new Loaded(r, names, h);
    }

    // --- employment ---

    boolean mayPickOrganisations() {
        return organisations != null;
    }

    void addEmployment() {
        employments.add(new EmploymentRow(new Employment(null, null, null, null, null, null), Map.of()));
    }

    /** Called by the auto-completion on its own worker thread. */
    List<Organisation> suggestOrganisations(OrganisationKind kind, String text) {
        if (organisations == null || text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return organisations.search(kind, text, 12);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Records a missing employer or agency under the name typed in the row, then picks it there. */
    void createOrganisation(EmploymentRow row, OrganisationKind kind) {
        employmentMessage.set("");
        String name = strip((kind == OrganisationKind.EMPLOYER ? row.employerName : row.agencyName).get());
        if (name.isEmpty()) {
            employmentMessage.set(Ui.text("error.employer.name"));
            return;
        }
        String countryCode = blankToNull(country.get());
        tasks.run(Ui.text("person.employment.creating"), p -> organisations.create(kind, name, countryCode), o -> {
            row.pick(kind, o);
            employmentMessage.set(Ui.text(kind == OrganisationKind.EMPLOYER ? "person.employment.employerCreated"
                    : "person.employment.agencyCreated", o.legalName()));
        }, failure -> employmentMessage.set(Ui.describe(failure)));
    }

    // --- household ---

    boolean hasHouseholds() {
        return households != null;
    }

    /** Called by the auto-completion on its own worker thread: registrants other than this one. */
    List<PersonHit> suggestRegistrants(String text) {
        if (search == null || text == null || text.strip().length() < 2) {
            return List.of();
        }
        try {
            long self = loaded.id();
            return search.search(RegistrySearch.text(text), 0, 11).stream().filter(h -> h.id() != self).limit(10).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Changes that move this registrant in or out of a household need a saved form (they raise its version). */
    private boolean savedFirst() {
        if (loaded.id() == 0) {
            householdMessage.set(Ui.text("person.household.saveFirst"));
            return false;
        }
        if (dirty.get()) {
            householdMessage.set(Ui.text("person.household.unsaved"));
            return false;
        }
        return true;
    }

    /** A new household with this registrant as its head. */
    void createHousehold(String label) {
        if (!savedFirst()) {
            return;
        }
        long self = loaded.id();
        String name = label == null || label.isBlank() ? familyName.get() : label;
        personChange(() -> {
            Household h = households.create(name);
            households.addRegistrant(h.id(), h.version(), self, HouseholdRelationship.HEAD, false);
        }, "person.household.created");
    }

    /**
     * This registrant joins the household of another one; when that one has none yet, a household is
     * created with them as head.
     */
    void joinHouseholdOf(PersonHit other, HouseholdRelationship relationship, boolean travellingWith) {
        if (other == null) {
            householdMessage.set(Ui.text("person.household.pickRegistrant"));
            return;
        }
        if (!savedFirst()) {
            return;
        }
        long self = loaded.id();
        personChange(() -> {
            Household h = households.householdOf(other.id()).orElse(null);
            if (h == null) {
                h = households.create(other.familyName());
                h = households.addRegistrant(h.id(), h.version(), other.id(), HouseholdRelationship.HEAD, false);
            }
            households.addRegistrant(h.id(), h.version(), self, relationship, travellingWith);
        }, "person.household.joined");
    }

    void addRegistrant(PersonHit other, HouseholdRelationship relationship, boolean travellingWith) {
        Household h = household.get();
        if (h == null) {
            return;
        }
        if (other == null) {
            householdMessage.set(Ui.text("person.household.pickRegistrant"));
            return;
        }
        householdChange(() -> households.addRegistrant(h.id(), h.version(), other.id(), relationship, travellingWith),
                "person.household.memberAdded");
    }

    void addRelative(String family, String given, String born, HouseholdRelationship relationship, boolean travellingWith) {
        Household h = household.get();
        if (h == null) {
            return;
        }
        householdChange(() -> households.addRelative(h.id(), h.version(), family, given, born, relationship, travellingWith),
                "person.household.memberAdded");
    }

    void changeMember(HouseholdMember member, HouseholdRelationship relationship, boolean travellingWith) {
        Household h = household.get();
        if (h == null || (member.relationship() == relationship && member.travellingWith() == travellingWith)) {
            return;
        }
        householdChange(() -> households.changeMember(h.id(), h.version(), member.id(), relationship, travellingWith),
                "person.household.memberChanged");
    }

    void removeMember(HouseholdMember member) {
        Household h = household.get();
        if (h == null) {
            return;
        }
        if (member.personId() != null && member.personId() == loaded.id()) {
            if (!savedFirst()) {
                return;
            }
            personChange(() -> households.removeMember(h.id(), h.version(), member.id()), "person.household.left");
            return;
        }
        householdChange(() -> households.removeMember(h.id(), h.version(), member.id()), "person.household.memberRemoved");
    }

    /** A household change that does not touch this registrant's row. */
    private void householdChange(java.util.function.Supplier<Household> work, String doneKey) {
        householdMessage.set("");
        householdBusy.set(true);
        long hid = household.get().id();
        tasks.run(Ui.text("household.saving"), p -> work.get(), h -> {
            householdBusy.set(false);
            household.set(h);
            householdMessage.set(Ui.text(doneKey));
        }, failure -> {
            householdBusy.set(false);
            householdMessage.set(Ui.describe(failure));
            tasks.run(Ui.text("household.loading"), p -> households.get(hid), household::set, f -> { });
        });
    }

    /** A change that moves this registrant: the form (saved, so nothing is lost) is read again afterwards. */
    private void personChange(Runnable work, String doneKey) {
        householdMessage.set("");
        householdBusy.set(true);
        long self = loaded.id();
        tasks.run(Ui.text("household.saving"), p -> {
            work.run();
            return complete(service.get(self));
        }, r -> {
            householdBusy.set(false);
            apply(r);
            householdMessage.set(Ui.text(doneKey));
        }, failure -> {
            householdBusy.set(false);
            householdMessage.set(Ui.describe(failure));
            tasks.run(Ui.text("household.loading"), p -> households.householdOf(self).orElse(null), household::set, f -> { });
        });
    }

    void reveal() {
        sensitiveMessage.set("");
        long id = loaded.id();
        tasks.run(Ui.text("person.revealing"), p -> service.reveal(id), details -> {
            sensitive = details;
            migrationStatus.set(nz(details.migrationStatus()));
            healthDetails.set(nz(details.healthDetails()));
            detentionDetails.set(nz(details.detentionDetails()));
            revealed.set(true);
        }, failure -> sensitiveMessage.set(Ui.describe(failure)));
    }

    void saveSensitive() {
        sensitiveMessage.set("");
        SensitiveDetails draft = new SensitiveDetails(sensitive.personId(), sensitive.version(), blankToNull(migrationStatus.get()),
                blankToNull(healthDetails.get()), blankToNull(detentionDetails.get()));
        tasks.run(Ui.text("person.saving"), p -> {
            service.saveSensitive(draft);
            return null;
        }, done -> {
            sensitive = new SensitiveDetails(draft.personId(), draft.version() + 1, draft.migrationStatus(),
                    draft.healthDetails(), draft.detentionDetails());
            sensitiveMessage.set(Ui.text("person.sensitive.saved"));
        }, failure -> sensitiveMessage.set(Ui.describe(failure)));
    }

    Registration toRegistration() {
        Whereabouts w = new Whereabouts(blankToNull(address1.get()), blankToNull(address2.get()), blankToNull(district.get()),
                blankToNull(city.get()), blankToNull(country.get()), point.get(), confirmedOn.get(), arrival.get(),
                departure.get());
        if (w.equals(new Whereabouts(null, null, null, null, null, null, null, null, null))) {
            w = Whereabouts.NONE;
        }
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (VulnerabilityCode code : VulnerabilityCode.values()) {
            if (vulnerable.get(code).get()) {
                vulnerabilities.add(new Vulnerability(code, blankToNull(vulnerabilityNotes.get(code).get())));
            }
        }
        Character s = sex.get();
        return new Registration(loaded.id(), loaded.version(), strip(familyName.get()), strip(givenNames.get()),
                blankToNull(familyNameOriginal.get()), blankToNull(givenNamesOriginal.get()), split(aliases.get()),
                s == null ? ' ' : s, blankToNull(birthDate.get()), blankToNull(placeOfBirth.get()),
                evidence.get() == null ? NationalityEvidence.NONE : evidence.get(), split(languages.get()),
                blankToNull(notes.get()), purpose.get(), w, contacts.stream().map(ContactRow::value).toList(),
                emergencyContacts.stream().map(EmergencyRow::value).toList(),
                documents.stream().map(DocumentRow::value).toList(), employments.stream().map(EmploymentRow::value).toList(),
                vulnerabilities,
                consents.stream().map(ConsentRow::value).toList(), loaded.householdId());
    }

    private void apply(Registration r) {
        apply(new Loaded(r, Map.of(), null));
    }

    private void apply(Loaded l) {
        Registration r = l.registration();
        loading = true;
        try {
            loaded = r;
            personId.set(r.id());
            household.set(l.household());
            employmentMessage.set("");
            householdMessage.set("");
            boolean fresh = r.id() == 0;
            title.set(fresh ? Ui.text("person.title.new") : Ui.text("person.title.edit", r.familyName(), r.givenNames()));
            familyName.set(nz(r.familyName()));
            givenNames.set(nz(r.givenNames()));
            familyNameOriginal.set(nz(r.familyNameOriginal()));
            givenNamesOriginal.set(nz(r.givenNamesOriginal()));
            aliases.set(String.join(", ", r.aliases()));
            // A new record asks for sex and purpose rather than defaulting them silently.
            sex.set(fresh ? null : r.sex());
            birthDate.set(nz(r.birthDate()));
            placeOfBirth.set(nz(r.placeOfBirth()));
            evidence.set(r.nationalityEvidence());
            languages.set(String.join(", ", r.languages()));
            notes.set(nz(r.notes()));
            purpose.set(fresh ? null : r.purpose());
            Whereabouts w = r.whereabouts();
            address1.set(nz(w.addressLine1()));
            address2.set(nz(w.addressLine2()));
            district.set(nz(w.district()));
            city.set(nz(w.city()));
            country.set(w.countryCode() != null ? w.countryCode() : fresh ? hostCountry : null);
            point.set(w.point());
            confirmedOn.set(w.confirmedOn());
            arrival.set(w.arrivalDate());
            departure.set(w.plannedDeparture());
            contacts.setAll(r.contacts().stream().map(ContactRow::new).toList());
            emergencyContacts.setAll(r.emergencyContacts().stream().map(EmergencyRow::new).toList());
            documents.setAll(r.documents().stream().map(DocumentRow::new).toList());
            consents.setAll(r.consents().stream().map(ConsentRow::new).toList());
            employments.setAll(r.employments().stream().map(e -> new EmploymentRow(e, l.organisationNames())).toList());
            for (VulnerabilityCode code : VulnerabilityCode.values()) {
                Vulnerability v = r.vulnerabilities().stream().filter(x -> x.code() == code).findFirst().orElse(null);
                vulnerable.get(code).set(v != null);
                vulnerabilityNotes.get(code).set(v == null ? "" : nz(v.notes()));
            }
            revealed.set(false);
            sensitive = null;
            migrationStatus.set("");
            healthDetails.set("");
            detentionDetails.set("");
            dirty.set(false);
        } finally {
            loading = false;
        }
    }

    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(LIST_SEPARATOR.split(text)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A way to reach the person, as one editable line. */
    final class ContactRow {
        final ObjectProperty<ContactKind> kind = new SimpleObjectProperty<>();
        final StringProperty value = new SimpleStringProperty();
        final StringProperty app = new SimpleStringProperty();
        final BooleanProperty preferred = new SimpleBooleanProperty();

        ContactRow(ContactMethod c) {
            kind.set(c.kind());
            value.set(nz(c.value()));
            app.set(nz(c.app()));
            preferred.set(c.preferred());
            track(kind, value, app, preferred);
        }

        ContactMethod value() {
            return new ContactMethod(kind.get() == null ? ContactKind.PHONE : kind.get(), strip(value.get()),
                    blankToNull(app.get()), preferred.get());
        }
    }

    final class EmergencyRow {
        final StringProperty fullName = new SimpleStringProperty();
        final StringProperty relationship = new SimpleStringProperty();
        final StringProperty phone = new SimpleStringProperty();
        final StringProperty email = new SimpleStringProperty();
        final ObjectProperty<ContactLocation> located = new SimpleObjectProperty<>();

        EmergencyRow(EmergencyContact c) {
            fullName.set(nz(c.fullName()));
            relationship.set(nz(c.relationship()));
            phone.set(nz(c.phone()));
            email.set(nz(c.email()));
            located.set(c.located());
            track(fullName, relationship, phone, email, located);
        }

        EmergencyContact value() {
            return new EmergencyContact(strip(fullName.get()), blankToNull(relationship.get()), blankToNull(phone.get()),
                    blankToNull(email.get()), located.get() == null ? ContactLocation.OTHER : located.get());
        }
    }

    final class DocumentRow {
        final long id;
        final boolean hasScan;
        final ObjectProperty<DocumentType> type = new SimpleObjectProperty<>();
        final StringProperty number = new SimpleStringProperty();
        final StringProperty authority = new SimpleStringProperty();
        final ObjectProperty<LocalDate> issued = new SimpleObjectProperty<>();
        final ObjectProperty<LocalDate> expires = new SimpleObjectProperty<>();

        DocumentRow(TravelDocument d) {
            id = d.id();
            hasScan = d.hasScan();
            type.set(d.type());
            number.set(nz(d.number()));
            authority.set(nz(d.issuingAuthority()));
            issued.set(d.issuedOn());
            expires.set(d.expiresOn());
            track(type, number, authority, issued, expires);
        }

        TravelDocument value() {
            return new TravelDocument(id, type.get() == null ? DocumentType.OTHER : type.get(), strip(number.get()),
                    blankToNull(authority.get()), issued.get(), expires.get(), hasScan);
        }
    }

    /**
     * One employment: employer and agency are chosen among the shared organisation records (typing a
     * name that was not picked leaves the id empty, which the form reports), the rest typed.
     */
    final class EmploymentRow {
        final ObjectProperty<Long> employerId = new SimpleObjectProperty<>();
        final StringProperty employerName = new SimpleStringProperty("");
        final ObjectProperty<Long> agencyId = new SimpleObjectProperty<>();
        final StringProperty agencyName = new SimpleStringProperty("");
        final StringProperty sector = new SimpleStringProperty();
        final StringProperty workplace = new SimpleStringProperty();
        final ObjectProperty<LocalDate> start = new SimpleObjectProperty<>();
        final ObjectProperty<LocalDate> end = new SimpleObjectProperty<>();
        private String pickedEmployer = "";
        private String pickedAgency = "";

        EmploymentRow(Employment e, Map<Long, String> names) {
            employerId.set(e.employerId());
            pickedEmployer = e.employerId() == null ? "" : names.getOrDefault(e.employerId(), Ui.text("person.employment.unknown", e.employerId()));
            employerName.set(pickedEmployer);
            agencyId.set(e.agencyId());
            pickedAgency = e.agencyId() == null ? "" : names.getOrDefault(e.agencyId(), Ui.text("person.employment.unknown", e.agencyId()));
            agencyName.set(pickedAgency);
            sector.set(nz(e.sector()));
            workplace.set(nz(e.workplace()));
            start.set(e.contractStart());
            end.set(e.contractEnd());
            // Editing the name after picking means another organisation: the pick no longer holds.
            employerName.addListener((o, a, b) -> {
                if (!Objects.equals(strip(b), pickedEmployer)) {
                    employerId.set(null);
                }
            });
            agencyName.addListener((o, a, b) -> {
                if (!Objects.equals(strip(b), pickedAgency)) {
                    agencyId.set(null);
                }
            });
            track(employerId, employerName, agencyId, agencyName, sector, workplace, start, end);
        }

        void pick(OrganisationKind kind, Organisation o) {
            if (kind == OrganisationKind.EMPLOYER) {
                pickedEmployer = o.legalName();
                employerName.set(o.legalName());
                employerId.set(o.id());
            } else {
                pickedAgency = o.legalName();
                agencyName.set(o.legalName());
                agencyId.set(o.id());
            }
        }

        /** A name typed but not picked from the shared records. */
        boolean unpicked(OrganisationKind kind) {
            return kind == OrganisationKind.EMPLOYER ? employerId.get() == null && !strip(employerName.get()).isEmpty()
                    : agencyId.get() == null && !strip(agencyName.get()).isEmpty();
        }

        Employment value() {
            return new Employment(employerId.get(), agencyId.get(), blankToNull(sector.get()), blankToNull(workplace.get()),
                    start.get(), end.get());
        }
    }

    final class ConsentRow {
        final long id;
        final String recordedBy;
        final ObjectProperty<ConsentPurpose> purpose = new SimpleObjectProperty<>();
        final StringProperty partner = new SimpleStringProperty();
        final ObjectProperty<LocalDate> grantedOn = new SimpleObjectProperty<>();
        final ObjectProperty<ConsentChannel> channel = new SimpleObjectProperty<>();
        final ObjectProperty<LocalDate> withdrawnOn = new SimpleObjectProperty<>();

        ConsentRow(Consent c) {
            id = c.id();
            recordedBy = Objects.requireNonNullElse(c.recordedBy(), currentUser);
            purpose.set(c.purpose());
            partner.set(nz(c.partner()));
            grantedOn.set(c.grantedOn());
            channel.set(c.channel());
            withdrawnOn.set(c.withdrawnOn());
            track(purpose, partner, grantedOn, channel, withdrawnOn);
        }

        Consent value() {
            return new Consent(id, purpose.get() == null ? ConsentPurpose.CRISIS_CONTACT : purpose.get(),
                    blankToNull(partner.get()), grantedOn.get() == null ? today() : grantedOn.get(),
                    channel.get() == null ? ConsentChannel.IN_PERSON : channel.get(), recordedBy, withdrawnOn.get());
        }
    }
}
