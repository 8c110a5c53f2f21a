package org.consulardesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.FxWait.waitFor;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.consulardesk.registry.model.NationalityEvidence;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.RegistrationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The registry list in the running application: typing narrows the list (accents, swapped names,
 * a typo), arrows and Enter open a person, the form edits and saves, Escape comes back.
 */
class RegistrySearchFlowTest extends FxRobot {
    @TempDir
    Path temp;
    private ConsularDeskApp app;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppConfig config = new AppConfig(SignIn.FAST, temp.resolve("data"), temp.resolve("state"));
        app = (ConsularDeskApp) FxToolkit.setupApplication(() -> new ConsularDeskApp(config));
    }

    @AfterEach
    void stop() throws Exception {
        if (app.shell() != null) {
            app.shell().session().close();
        }
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void typingNarrowsArrowsAndEnterOpenAPersonWhoIsEditedAndSaved() {
        SignIn.asHead(this, app, SignIn.createRegistry(temp));
        RegistrationService registrations = new RegistrationService(app.shell().session());
        registrations.save(person("Ødegård", "Ingrid Sofie", "Nairobi"));
        long okonkwo = registrations.save(person("Okonkwo", "Chidi Emeka", "Nairobi")).id();
        registrations.save(person("Okafor", "Ada", "Kisumu"));
        registrations.save(person("Ivanov", "Pavel", "Mombasa"));

        clickOn("#nav-registry");
        @SuppressWarnings("unchecked")
        TableView<PersonHit> table = lookup("#registry-table").queryAs(TableView.class);
        waitFor(() -> table.getItems().size() == 4);
        waitFor(() -> lookup("#registry-search").query().isFocused());

        write("odegard");
        waitFor(() -> families(table).equals(List.of("Ødegård")));
        retype("emeka okonk");
        waitFor(() -> families(table).equals(List.of("Okonkwo")));
        retype("Okonkwa chidi");
        waitFor(() -> families(table).equals(List.of("Okonkwo")));
        retype("ok");
        waitFor(() -> families(table).size() == 2 && families(table).containsAll(List.of("Okafor", "Okonkwo")));

        int row = families(table).indexOf("Okonkwo");
        type(KeyCode.DOWN);
        waitFor(table::isFocused);
        for (int i = 0; i < row; i++) {
            type(KeyCode.DOWN);
        }
        waitFor(() -> table.getSelectionModel().getSelectedIndex() == row);
        type(KeyCode.ENTER);
        waitFor(() -> lookup("#person-form").tryQuery().isPresent());
        waitFor(() -> "Okonkwo".equals(lookup("#person-familyName").queryTextInputControl().getText()));

        clickOn("#person-givenNames");
        press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        write("Chidi Emeka Obi");
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> "Saved.".equals(lookup("#person-message").queryAs(Label.class).getText()));
        assertThat(registrations.get(okonkwo).givenNames()).isEqualTo("Chidi Emeka Obi");

        // Back to the list as it was left: the search still there, the change shown.
        type(KeyCode.ESCAPE);
        waitFor(() -> lookup("#person-form").tryQuery().isEmpty());
        assertThat(lookup("#registry-search").queryTextInputControl().getText()).isEqualTo("ok");
        retype("obi okonkwo");
        waitFor(() -> table.getItems().size() == 1 && "Chidi Emeka Obi".equals(table.getItems().get(0).givenNames()));
    }

    private void retype(String text) {
        clickOn("#registry-search");
        press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        type(KeyCode.BACK_SPACE);
        write(text);
    }

    private static List<String> families(TableView<PersonHit> table) {
        return table.getItems().stream().map(PersonHit::familyName).toList();
    }

    private static Registration person(String family, String given, String city) {
        return new Registration(0, 0, family, given, null, null, List.of(), 'F', "1980", null, NationalityEvidence.NONE,
                List.of(), null, PurposeOfStay.WORKER, new Whereabouts(null, null, null, city, "KE", null, null, null, null),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }
}
