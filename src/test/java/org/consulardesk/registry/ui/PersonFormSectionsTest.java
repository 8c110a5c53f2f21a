package org.consulardesk.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.FxWait.waitFor;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.consulardesk.geo.service.Gazetteer;
import org.consulardesk.registry.model.Employment;
import org.consulardesk.registry.model.Household;
import org.consulardesk.registry.model.HouseholdMember;
import org.consulardesk.registry.model.HouseholdRelationship;
import org.consulardesk.registry.model.Organisation;
import org.consulardesk.registry.model.OrganisationKind;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.service.HouseholdService;
import org.consulardesk.registry.service.OrganisationService;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The person form's employment editor and household section, driven headless with synthetic Utopia data. */
class PersonFormSectionsTest extends FxRobot {
    @TempDir
    Path dir;
    Session session;
    RegistrationService registrations;
    HouseholdService households;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final List<Long> opened = new ArrayList<>();
    long amara;
    long chidi;
    Organisation farms;

    @BeforeEach
    void data() {
        session = TestRegistries.create(dir.resolve("registry")).session();
        registrations = new RegistrationService(session);
        households = new HouseholdService(session);
        amara = registrations.save(person("Okonkwo", "Amara", 'F', "1985")).id();
        chidi = registrations.save(person("Okonkwo", "Chidi", 'M', "1983")).id();
        farms = new OrganisationService(session).create(OrganisationKind.EMPLOYER, "Kilimo Farms Ltd", "KE");
    }

    private void show(long id) throws Exception {
        FxToolkit.registerPrimaryStage();
        PersonFormView view = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> build(id)).get();
        FxScreens.show(view, 1200, 780);
    }

    private PersonFormView build(long id) {
        PersonFormViewModel vm = new PersonFormViewModel(registrations, new OrganisationService(session), households,
                new PersonService(session).searching(), Gazetteer.bundled(), IntakeViewModelTest.SYNC, TestRegistries.HEAD,
                "KE", true);
        PersonFormView view = new PersonFormView(vm, dialogs, id, () -> { });
        view.setOnOpenPerson(opened::add);
        return view;
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void employmentPicksAnEmployerRecordsAMissingAgencyChecksDatesAndSaves() throws Exception {
        show(amara);
        fire("#person-employment-add");
        waitFor(() -> lookup("#person-employment-employer-0").query().isFocused());
        write("kilimo");
        waitFor(() -> suggestion("Kilimo Farms Ltd").isPresent());
        clickOn(suggestion("Kilimo Farms Ltd").orElseThrow());
        waitFor(() -> "Kilimo Farms Ltd".equals(lookup("#person-employment-employer-0").queryTextInputControl().getText()));
        assertThat(lookup("#person-employment-newEmployer-0").queryAs(Button.class).isDisabled()).isTrue();

        // An agency nobody recorded yet: typed, then recorded under that name after a confirmation.
        focus("#person-employment-agency-0");
        write("Nyota Recruiters");
        Button newAgency = lookup("#person-employment-newAgency-0").queryAs(Button.class);
        waitFor(() -> !newAgency.isDisabled());
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE); // closes a suggestion popup if any, not the form
        interact(newAgency::fire);
        waitFor(() -> lookup("#person-employment-message").queryAs(Label.class).getText().contains("Nyota Recruiters"));
        assertThat(dialogs.confirms.get()).isEqualTo(1);
        List<Organisation> agencies = new OrganisationService(session).search(OrganisationKind.AGENCY, "nyota", 5);
        assertThat(agencies).extracting(Organisation::legalName).containsExactly("Nyota Recruiters");

        focus("#person-employment-sector-0");
        write("Agriculture");
        focus("#person-employment-workplace-0");
        write("Naivasha greenhouses");
        DatePicker start = lookup("#person-employment-start-0").queryAs(DatePicker.class);
        DatePicker end = lookup("#person-employment-end-0").queryAs(DatePicker.class);
        interact(() -> {
            start.setValue(LocalDate.of(2025, 3, 1));
            end.setValue(LocalDate.of(2024, 2, 28));
        });
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> lookup("#person-error").queryAs(Label.class).getText().contains("cannot end before it starts"));
        assertThat(registrations.get(amara).employments()).isEmpty();

        interact(() -> end.setValue(LocalDate.of(2027, 2, 28)));
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> "Saved.".equals(lookup("#person-message").queryAs(Label.class).getText()));
        assertThat(registrations.get(amara).employments()).containsExactly(new Employment(farms.id(), agencies.get(0).id(),
                "Agriculture", "Naivasha greenhouses", LocalDate.of(2025, 3, 1), LocalDate.of(2027, 2, 28)));
        // Read back: names shown, not numbers.
        assertThat(lookup("#person-employment-agency-0").queryTextInputControl().getText()).isEqualTo("Nyota Recruiters");

        // A name typed over a pick is no longer that employer: saving is refused with a clear message.
        focus("#person-employment-employer-0");
        press(KeyCode.END).release(KeyCode.END);
        write(" North");
        press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> lookup("#person-error").queryAs(Label.class).getText().contains("Pick the employer"));

        fire("#person-employment-remove-0");
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> "Saved.".equals(lookup("#person-message").queryAs(Label.class).getText()));
        assertThat(registrations.get(amara).employments()).isEmpty();
    }

    @Test
    void householdIsJoinedThroughARegistrantSearchThenARelativeIsAddedAndAMemberOpened() throws Exception {
        show(amara);
        waitFor(() -> lookup("#person-household-status").queryAs(Label.class).getText().startsWith("Not in a household"));
        focus("#person-household-registrant");
        write("okonkwo chid");
        waitFor(() -> suggestion("Okonkwo Chidi").isPresent());
        clickOn(suggestion("Okonkwo Chidi").orElseThrow());
        ComboBox<HouseholdRelationship> relationship = lookup("#person-household-relationship").queryComboBox();
        interact(() -> relationship.setValue(HouseholdRelationship.SPOUSE));
        fire("#person-household-join");

        waitFor(() -> households.householdOf(amara).isPresent());
        Household h = households.householdOf(amara).orElseThrow();
        assertThat(h.members()).extracting(HouseholdMember::personId, HouseholdMember::relationship)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(chidi, HouseholdRelationship.HEAD),
                        org.assertj.core.groups.Tuple.tuple(amara, HouseholdRelationship.SPOUSE));
        waitFor(() -> lookup("#person-household-status").queryAs(Label.class).getText().contains("2 members"));

        // The household change raised the person's version; the form read it again and still saves.
        focus("#person-notes");
        write("Met at the Nakuru registration drive.");
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> "Saved.".equals(lookup("#person-message").queryAs(Label.class).getText()));
        assertThat(registrations.get(amara).householdId()).isEqualTo(h.id());

        focus("#person-household-relative-family");
        write("Okonkwo");
        focus("#person-household-relative-given");
        write("Ebele");
        focus("#person-household-relative-birth");
        write("2019-06");
        ComboBox<HouseholdRelationship> relRelationship = lookup("#person-household-relative-relationship").queryComboBox();
        interact(() -> relRelationship.setValue(HouseholdRelationship.CHILD));
        fire("#person-household-addRelative");
        waitFor(() -> households.get(h.id()).members().size() == 3);
        assertThat(households.get(h.id()).members().get(2)).extracting(HouseholdMember::personId,
                HouseholdMember::givenNames, HouseholdMember::relationship).containsExactly(null, "Ebele",
                HouseholdRelationship.CHILD);

        // The relationship is changed in place.
        ComboBox<HouseholdRelationship> third = lookup("#person-household-member-relationship-2").queryComboBox();
        interact(() -> third.setValue(HouseholdRelationship.DEPENDANT));
        waitFor(() -> households.get(h.id()).members().get(2).relationship() == HouseholdRelationship.DEPENDANT);

        interact(() -> lookup("#person-household-open-0").queryAs(Button.class).fire());
        assertThat(opened).containsExactly(chidi);
        assertThat(lookup("#person-household-open-1").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void aNewRegistrantMustBeSavedBeforeItJoinsAHousehold() throws Exception {
        show(0);
        assertThat(lookup("#person-household-status").queryAs(Label.class).getText()).startsWith("Save the registration first");
        assertThat(lookup("#person-household-join").query().getParent().isVisible()).isFalse();
        assertThat(lookup("#person-household-create").query().getParent().isVisible()).isFalse();
    }

    private void fire(String query) {
        Button button = lookup(query).queryAs(Button.class);
        assertThat(button.isDisabled()).as(query + " enabled").isFalse();
        interact(() -> {
            button.requestFocus();
            button.fire();
        });
    }

    private void focus(String query) {
        Node node = lookup(query).query();
        interact(node::requestFocus);
        waitFor(node::isFocused);
    }

    private Optional<Node> suggestion(String text) {
        return lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> cell && cell.getText() != null && cell.getText().startsWith(text))
                .filter(Node::isVisible).findFirst();
    }

    private static Registration person(String family, String given, char sex, String born) {
        Registration b = Registration.blank();
        return new Registration(0, 0, family, given, null, null, List.of(), sex, born, null, b.nationalityEvidence(),
                List.of(), null, PurposeOfStay.WORKER, b.whereabouts(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), null);
    }
}
