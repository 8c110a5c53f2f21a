package org.consulardesk.exchange.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.service.ExportProfile;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.exercise.service.SampleData;
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

/** The export screen driven headless: profile, password, file, export; and a cancelled export. */
class ExportViewTest extends FxRobot {
    @TempDir
    Path dir;
    Session session;
    SyncTasks tasks = new SyncTasks();

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        session = TestRegistries.create(dir.resolve("registry")).session();
        SampleData.generate(session, 20, 5, ProgressSink.NONE);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.fileToSave = name -> dir.resolve("out").resolve(name);
        FxScreens.show(new ExportView(new ExportService(session), new PostKeyService(session), tasks, dialogs), 1000, 760);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @SuppressWarnings("unchecked")
    void chooseProfile(String name) {
        ComboBox<ExportProfile> profiles = lookup("#exchange-export-profile").queryAs(ComboBox.class);
        interact(() -> profiles.getSelectionModel().select(
                profiles.getItems().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow()));
    }

    @Test
    void exportsTheFullRegistryEncrypted() throws Exception {
        assertThat(lookup("#exchange-export-fingerprint").queryAs(Label.class).getText()).contains("fingerprint");
        chooseProfile("registry-full");
        clickOn("#exchange-export-password").write("utopia exchange 2026");
        clickOn("#exchange-export-confirm").write("utopia exchange 2026");
        clickOn("#exchange-export-choose");
        clickOn("#exchange-export-run");
        WaitForAsyncUtils.waitForFxEvents();
        Path file = dir.resolve("out/registry-full.xlsx");
        assertThat(file).exists();
        assertThat(lookup("#exchange-export-status").queryAs(Label.class).getText()).contains("20 rows").contains("encrypted");
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    void fullWithoutPasswordIsRefusedAndCancelLeavesNoFile() {
        chooseProfile("registry-full");
        clickOn("#exchange-export-choose");
        clickOn("#exchange-export-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#exchange-export-error").queryAs(Label.class).getText()).contains("password is required");

        chooseProfile("registry-aggregate");
        clickOn("#exchange-export-choose");
        tasks.cancel = true;
        clickOn("#exchange-export-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#exchange-export-error").queryAs(Label.class).getText()).contains("cancelled");
        assertThat(dir.resolve("out/registry-aggregate.xlsx")).doesNotExist();
    }

    @Test
    void aggregateExportsAsCsvAndPersonalDataCannot() {
        chooseProfile("registry-full");
        assertThat(lookup("#exchange-export-csv").queryAs(javafx.scene.control.CheckBox.class).isDisabled()).isTrue();
        chooseProfile("registry-aggregate");
        clickOn("#exchange-export-csv");
        assertThat(lookup("#exchange-export-password").query().isDisabled()).isTrue();
        clickOn("#exchange-export-choose");
        clickOn("#exchange-export-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dir.resolve("out/registry-aggregate-Totals.csv")).exists();
        assertThat(dir.resolve("out/registry-aggregate-Crises.csv")).exists();
        assertThat(dir.resolve("out/registry-aggregate.about.csv")).exists();
        assertThat(lookup("#exchange-export-status").queryAs(Label.class).getText()).contains("CSV");
    }
}
