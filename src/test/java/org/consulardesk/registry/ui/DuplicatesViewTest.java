package org.consulardesk.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.RegistrySearch;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Vulnerability;
import org.consulardesk.registry.model.VulnerabilityCode;
import org.consulardesk.registry.service.DuplicateService;
import org.consulardesk.registry.service.MergeService;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.registry.service.SearchService;
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
import org.testfx.util.WaitForAsyncUtils;

/** The duplicates list and the side-by-side merge, driven headless with the keyboard. */
class DuplicatesViewTest extends FxRobot {
    @TempDir
    Path dir;
    Session session;
    Registration older;
    Registration newer;
    final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        session = TestRegistries.create(dir.resolve("registry")).session();
        RegistrationService registrations = new RegistrationService(session);
        older = registrations.save(person("Otieno", "Achieng", "UT1234567", "+254712000111", "Nairobi", List.of()));
        newer = registrations.save(person("Otieno", "Akinyi Achieng", "UT1234567", "+254799000222", "Mombasa",
                List.of(new Vulnerability(VulnerabilityCode.NEEDS_MEDICATION, null))));
        registrations.save(person("Wanjiru", "Grace", "UT7654321", "+254733555666", "Kisumu", List.of()));
        DuplicatesView view = WaitForAsyncUtils.asyncFx(() -> new DuplicatesView(new DuplicateService(session),
                new MergeService(session), registrations, IntakeViewModelTest.SYNC, dialogs, true)).get();
        FxScreens.show(view, 1150, 760);
    }

    static Registration person(String family, String given, String passport, String phone, String city,
                               List<Vulnerability> vulnerabilities) {
        Registration b = Registration.blank();
        return new Registration(0, 0, family, given, null, null, List.of(), 'F', "1990-03-14", null, b.nationalityEvidence(),
                List.of(), null, b.purpose(),
                new org.consulardesk.registry.model.Whereabouts(null, null, null, city, "KE", null, null, null, null),
                List.of(new ContactMethod(org.consulardesk.registry.model.ContactKind.PHONE, phone, null, true)), List.of(),
                List.of(new TravelDocument(0, org.consulardesk.registry.model.DocumentType.PASSPORT, passport, null, null,
                        LocalDate.of(2031, 1, 1), false)), List.of(), vulnerabilities, List.of(), null);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void picksAPairChoosesFieldsWithTheKeyboardAndMerges() {
        TableView<?> table = lookup("#duplicates-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        interact(table::requestFocus);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#merge-pane").tryQuery()).isPresent();

        // R on the given-names row takes the right record's given names.
        interact(() -> lookup("#merge-given-names-left").queryAs(RadioButton.class).requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        type(KeyCode.R);
        assertThat(lookup("#merge-given-names-right").queryAs(RadioButton.class).isSelected()).isTrue();
        // The address from the right record, with the arrow key.
        interact(() -> lookup("#merge-whereabouts-left").queryAs(RadioButton.class).requestFocus());
        type(KeyCode.RIGHT);
        assertThat(lookup("#merge-whereabouts-right").queryAs(RadioButton.class).isSelected()).isTrue();
        // Lists are united; untick the right's phone with Space.
        CheckBox rightPhone = lookup("#merge-item-contacts-right").queryAs(CheckBox.class);
        assertThat(rightPhone.isSelected()).isTrue();
        interact(rightPhone::requestFocus);
        type(KeyCode.SPACE);
        assertThat(rightPhone.isSelected()).isFalse();
        assertThat(lookup("#merge-item-documents-left").queryAll()).hasSize(1)
                .allSatisfy(n -> assertThat(((CheckBox) n).getText()).contains("UT1234567"));
        assertThat(lookup("#merge-item-documents-right").queryAll()).isEmpty();

        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#merge-pane").tryQuery()).isEmpty();
        assertThat(table.getItems()).isEmpty();
        assertThat(lookup("#duplicates-merges").queryAs(TableView.class).getItems()).hasSize(1);

        Registration kept = new RegistrationService(session).get(older.id());
        assertThat(kept.givenNames()).isEqualTo("Akinyi Achieng");
        assertThat(kept.whereabouts().city()).isEqualTo("Mombasa");
        assertThat(kept.familyName()).isEqualTo("Otieno");
        assertThat(kept.aliases()).containsExactly("Otieno Achieng");
        assertThat(kept.contacts()).extracting(ContactMethod::value).containsExactly("+254712000111");
        assertThat(kept.vulnerabilities()).extracting(Vulnerability::code).containsExactly(VulnerabilityCode.NEEDS_MEDICATION);
        List<PersonHit> hits = new SearchService(session).search(RegistrySearch.text("otieno"), 0, 10);
        assertThat(hits).extracting(PersonHit::id).containsExactly(older.id());
    }

    @Test
    void undoesAMergeThenDismissesThePair() {
        new MergeService(session).merge(new org.consulardesk.registry.model.MergePlan(newer.id(), newer.version(), older));
        clickOn("#duplicates-refresh");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = lookup("#duplicates-table").queryAs(TableView.class);
        assertThat(table.getItems()).isEmpty();
        TableView<?> merges = lookup("#duplicates-merges").queryAs(TableView.class);
        assertThat(merges.getItems()).hasSize(1);
        interact(() -> merges.getSelectionModel().select(0));
        clickOn("#duplicates-undo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.confirms.get()).isEqualTo(1);
        assertThat(((org.consulardesk.registry.model.MergeEntry) merges.getItems().get(0)).undoneAt()).isNotNull();
        assertThat(table.getItems()).as("the pair is a candidate again").hasSize(1);
        assertThat(new SearchService(session).count(RegistrySearch.text("otieno"))).isEqualTo(2);

        interact(table::requestFocus);
        type(KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.confirms.get()).isEqualTo(2);
        assertThat(table.getItems()).isEmpty();
        clickOn("#duplicates-refresh");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).as("a dismissed pair stays dismissed").isEmpty();
    }
}
