package org.consulardesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.FxWait.waitFor;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.consulardesk.etd.service.EtdLostStolenProfile;
import org.consulardesk.exchange.service.ExportProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** In the whole application: the ETD register's lost/stolen button opens the exchange export with that profile. */
class EtdExportNavigationTest extends FxRobot {
    @TempDir
    Path temp;
    private ConsularDeskApp app;

    @BeforeEach
    void start() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AppConfig config = new AppConfig(SignIn.FAST, temp.resolve("data"), temp.resolve("state"));
        app = (ConsularDeskApp) FxToolkit.setupApplication(() -> new ConsularDeskApp(config));
        assertThat(stage).isNotNull();
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
    void lostStolenButtonOpensTheExportScreenWithTheEtdProfile() {
        SignIn.asHead(this, app, SignIn.createRegistry(temp));
        interact(() -> lookup("#nav-etd").queryAs(ToggleButton.class).fire());
        waitFor(() -> lookup("#etd-export-lost").tryQuery().isPresent());
        Button lost = lookup("#etd-export-lost").queryAs(Button.class);
        assertThat(lost.isDisabled()).isFalse();
        interact(lost::fire);
        waitFor(() -> lookup("#exchange-export-profile").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<ExportProfile> profile = lookup("#exchange-export-profile").queryAs(ComboBox.class);
        waitFor(() -> profile.getValue() != null && profile.getValue().name().equals(EtdLostStolenProfile.NAME));
        assertThat(lookup("#nav-exchangeExport").queryAs(ToggleButton.class).isSelected()).isTrue();
    }
}
