package org.consulardesk.map.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.consulardesk.map.service.MapSettingsService;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.service.SettingsService;
import org.consulardesk.store.ui.SettingsView;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The online-tiles switch lives on the Settings screen, stored as registry setting map.onlineTiles. */
class MapSettingsSectionTest extends FxRobot {
    @TempDir
    Path dir;
    Session session;

    @BeforeEach
    void show() throws Exception {
        session = TestRegistries.create(dir.resolve("registry")).session();
        SettingsView view = WaitForAsyncUtils.asyncFx(() -> new SettingsView(new SettingsService(session), MapScreenTest.SYNC,
                s -> { }, java.util.List.of(new MapSettingsSection(new MapSettingsService(session), MapScreenTest.SYNC)))).get();
        FxScreens.show(view, 1000, 800);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void switchingOnlineTilesOnAndOffIsSavedInTheRegistry() {
        CheckBox online = lookup("#settings-map-online").queryAs(CheckBox.class);
        assertThat(online.isSelected()).isFalse();
        assertThat(online.isDisabled()).isFalse();

        clickOn(online);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new MapSettingsService(session).onlineTilesAllowed()).isTrue();
        assertThat(lookup("#settings-map-message").queryAs(Label.class).getText()).contains("OpenStreetMap");

        clickOn(online);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new MapSettingsService(session).onlineTilesAllowed()).isFalse();
    }
}
