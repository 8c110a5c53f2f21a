package org.consulardesk.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.consulardesk.registry.service.IntakeService;
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

/** The import screen driven headless: choose the sample workbook, check it, import it. */
class IntakeViewTest extends FxRobot {
    @TempDir
    Path dir;
    Session session;


    private static ScriptedDialogs openSample() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.fileToOpen = Path.of("sample-data/intake-example.xlsx");
        return dialogs;
    }

    @BeforeEach
    void show() throws Exception {
        // The toolkit must be up before the first control class loads (the view builds controls).
        FxToolkit.registerPrimaryStage();
        session = TestRegistries.create(dir.resolve("registry")).session();
        IntakeView view = new IntakeView(new IntakeViewModel(new IntakeService(session), IntakeViewModelTest.SYNC), openSample());
        FxScreens.show(view, 1100, 900);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void choosesChecksAndImports() {
        clickOn("#intake-choose");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> phone = lookup("#intake-map-phone").queryComboBox();
        assertThat(phone.getValue()).isEqualTo("Mobile");
        assertThat(lookup("#intake-preview").queryAs(TableView.class).getItems()).hasSize(IntakeViewModel.PREVIEW_ROWS);

        clickOn("#intake-check");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#intake-message").queryAs(Label.class).getText()).contains("20 valid");

        clickOn("#intake-import");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#intake-message").queryAs(Label.class).getText()).contains("Imported 20 registrations");
    }
}
