package org.consulardesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.FxWait.waitFor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The person form in the running application, headless under Monocle. */
class PersonFormTest extends FxRobot {
    private static final KdfParams FAST = SignIn.FAST;
    private static final String PASSPHRASE = SignIn.PASSPHRASE;

    @TempDir
    Path temp;
    private ConsularDeskApp app;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppConfig config = new AppConfig(FAST, temp.resolve("data"), temp.resolve("state"));
        app = (ConsularDeskApp) FxToolkit.setupApplication(() -> new ConsularDeskApp(config, stage -> dialogs));
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
    void newRegistrationWithACityFromTheGazetteerIsSaved() {
        SignIn.asHead(this, app, SignIn.createRegistry(temp));
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(() -> lookup("#person-familyName").tryQuery().isPresent());
        clickOn("#person-familyName").write("Okonkwo");
        clickOn("#person-givenNames").write("Adaeze");
        ComboBox<Character> sex = lookup("#person-sex").queryComboBox();
        ComboBox<PurposeOfStay> purpose = lookup("#person-purpose").queryComboBox();
        interact(() -> {
            sex.setValue('F');
            purpose.setValue(PurposeOfStay.WORKER);
        });
        clickOn("#person-birthDate").write("1990-04");

        // Far down the page: focusing it scrolls it into view, as tabbing there would.
        interact(() -> lookup("#person-city").query().requestFocus());
        clickOn("#person-city").write("Nairo");
        waitFor(() -> suggestion("Nairobi").isPresent());
        clickOn(suggestion("Nairobi").orElseThrow());
        waitFor(() -> lookup("#person-point").queryAs(Label.class).getText().startsWith("-1.2"));
        assertThat(lookup("#person-city").queryTextInputControl().getText()).isEqualTo("Nairobi");
        assertThat(lookup("#person-country").queryComboBox().getValue()).isEqualTo("KE");

        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> "Saved.".equals(lookup("#person-message").queryAs(Label.class).getText()));
        assertThat(lookup("#person-error").queryAs(Label.class).getText()).isEmpty();

        List<Person> found = new PersonService(app.shell().session()).search("Okonkwo", 0, 10);
        assertThat(found).hasSize(1);
        Registration saved = new RegistrationService(app.shell().session()).get(found.get(0).id());
        assertThat(saved.givenNames()).isEqualTo("Adaeze");
        assertThat(saved.birthDate()).isEqualTo("1990-04");
        assertThat(saved.whereabouts().city()).isEqualTo("Nairobi");
        assertThat(saved.whereabouts().countryCode()).isEqualTo("KE");
        assertThat(saved.whereabouts().point()).isNotNull();
        assertThat(saved.whereabouts().point().source()).isEqualTo(LocationSource.GAZETTEER);
        assertThat(saved.whereabouts().point().latitude()).isBetween(-1.4, -1.2);
        assertThat(saved.whereabouts().point().longitude()).isBetween(36.7, 36.9);

        // Saved: leaving asks nothing.
        type(KeyCode.ESCAPE);
        waitFor(() -> lookup("#person-form").tryQuery().isEmpty());
        assertThat(dialogs.confirms.get()).isZero();
    }

    @Test
    void ctrlNPutsTheCursorInTheFamilyNameField() {
        SignIn.asHead(this, app, SignIn.createRegistry(temp));
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(() -> lookup("#person-familyName").tryQuery().isPresent());
        // The field owns the scene's focus (where typing goes); Node.isFocused also needs the window's
        // own focus, which Monocle can hand back late after earlier tests' stages were closed.
        waitFor(() -> {
            Node field = lookup("#person-familyName").query();
            return field.getScene() != null && field.getScene().getFocusOwner() == field;
        });
        write("Okonkwo");
        assertThat(lookup("#person-familyName").queryTextInputControl().getText()).isEqualTo("Okonkwo");
    }

    @Test
    void requiredFieldsAreExplainedBeforeAnythingIsSaved() {
        SignIn.asHead(this, app, SignIn.createRegistry(temp));
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(() -> lookup("#person-familyName").tryQuery().isPresent());
        clickOn("#person-birthDate").write("04/1990");
        press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitFor(() -> !lookup("#person-error").queryAs(Label.class).getText().isBlank());
        String error = lookup("#person-error").queryAs(Label.class).getText();
        assertThat(error).contains("family name", "sex", "purpose", "YYYY-MM-DD");
        assertThat(new PersonService(app.shell().session()).search("", 0, 10)).isEmpty();
    }

    @Test
    void leavingWithUnsavedChangesAsksFirst() {
        SignIn.asHead(this, app, SignIn.createRegistry(temp));
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(() -> lookup("#person-familyName").tryQuery().isPresent());
        clickOn("#person-familyName").write("Mwangi");

        dialogs.confirmAnswer = false;
        type(KeyCode.ESCAPE);
        waitFor(() -> dialogs.confirms.get() == 1);
        assertThat(lookup("#person-form").tryQuery()).isPresent();

        clickOn("#nav-registry");
        waitFor(() -> dialogs.confirms.get() == 2);
        assertThat(lookup("#person-form").tryQuery()).isPresent();
        assertThat(lookup("#person-familyName").queryTextInputControl().getText()).isEqualTo("Mwangi");

        dialogs.confirmAnswer = true;
        clickOn("#person-back");
        waitFor(() -> lookup("#person-form").tryQuery().isEmpty());
        assertThat(dialogs.confirms.get()).isEqualTo(3);
        assertThat(new PersonService(app.shell().session()).search("Mwangi", 0, 10)).isEmpty();
    }

    private Optional<Node> suggestion(String name) {
        return lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> cell && cell.getText() != null && cell.getText().startsWith(name + ","))
                .filter(Node::isVisible).findFirst();
    }

}
