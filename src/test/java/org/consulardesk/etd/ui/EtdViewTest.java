package org.consulardesk.etd.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.consulardesk.etd.model.ApplicationStatus;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.service.EtdService;
import org.consulardesk.etd.service.StockService;
import java.util.function.Consumer;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.FxWait;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The ETD screen driven headless: apply (with photo) → approval by a second officer → issue → PDF. */
class EtdViewTest extends FxRobot {
    static final String OFFICER = "m.quillane";
    static final String SECOND = "d.farrowby";

    /** Runs work at once on the calling (FX) thread, as the other screen tests do. */
    static final BackgroundTasks SYNC = new BackgroundTasks() {
        @Override
        public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.run(ProgressSink.NONE);
            } catch (Exception | Error e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    };

    @TempDir
    Path tmp;
    Path dir;
    Path state;
    Session session;
    ScriptedDialogs dialogs;
    EtdView view;

    @BeforeEach
    void setUp() throws Exception {
        dir = tmp.resolve("registry");
        state = tmp.resolve("state");
        try (Session head = create(dir).session()) {
            UserService users = new UserService(head, state, FAST);
            users.add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            users.add(SECOND, "Dorin Farrowby", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            new StockService(head).receive("E", 1, 50, 7, "Pouch 2026/14");
        }
        dialogs = new ScriptedDialogs();
        dialogs.fileToOpen = Files.write(tmp.resolve("portrait.png"), org.consulardesk.etd.service.EtdServiceTestSupport.portrait());
        dialogs.fileToSave = tmp::resolve;
    }

    void showAs(String user) throws Exception {
        if (session != null) {
            FxToolkit.cleanupStages();
            session.close();
        }
        session = login(dir, state, user, OTHER_PASSPHRASE);
        FxToolkit.registerPrimaryStage();
        view = new EtdView(new EtdService(session), new StockService(session), SYNC,
                dialogs, session.can(Permission.APPROVE_ETD), session.can(Permission.MANAGE_ETD_STOCK));
        FxScreens.show(view, 1200, 780); // within the 1280 x 800 headless screen: the primary stage is shared with later tests
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (session != null) {
            session.close();
        }
    }

    String status() {
        return lookup("#etd-status").queryAs(Label.class).getText();
    }

    String error() {
        return lookup("#etd-error").queryAs(Label.class).getText();
    }

    @Test
    void applyApproveBySecondOfficerAndIssue() throws Exception {
        // 1. the first officer takes the application of a walk-in, with photo and checklist
        showAs(OFFICER);
        interact(() -> view.showTab(1));
        clickOn("#etd-form-family").write("Kestrelle");
        clickOn("#etd-form-given").write("Ona Mirabel");
        clickOn("#etd-form-birth").write("1990-04");
        clickOn("#etd-photo-import");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#etd-photo-cropper");
        type(KeyCode.MINUS);
        type(KeyCode.RIGHT);
        interact(() -> {
            lookup("#etd-evidence-INTERVIEW").queryAs(CheckBox.class).setSelected(true);
            lookup("#etd-evidence-WITNESS").queryAs(CheckBox.class).setSelected(true);
            lookup("#etd-form-assessment").queryAs(TextArea.class).setText("Knows home district; witness is a registrant.");
            lookup("#etd-form-submit").queryAs(Button.class).fire();
        });
        FxWait.waitFor(() -> status().contains("submitted with its photo"));
        assertThat(error()).isEmpty();

        // the same officer cannot approve it
        interact(() -> view.showTab(2));
        TableView<?> queue = lookup("#etd-queue-table").queryAs(TableView.class);
        FxWait.waitFor(() -> queue.getItems().size() == 1);
        interact(() -> queue.getSelectionModel().select(0));
        clickOn("#etd-approve");
        FxWait.waitFor(() -> error().contains("Nobody approves"));

        // 2. the second officer approves it and issues it on the next blank
        showAs(SECOND);
        interact(() -> view.showTab(2));
        TableView<?> queue2 = lookup("#etd-queue-table").queryAs(TableView.class);
        FxWait.waitFor(() -> queue2.getItems().size() == 1);
        interact(() -> queue2.getSelectionModel().select(0));
        FxWait.waitFor(() -> lookup("#etd-queue-detail").queryAs(Label.class).getText().contains("Interview"));
        clickOn("#etd-approve");
        FxWait.waitFor(() -> status().contains("approved"));
        TableView<?> ready = lookup("#etd-ready-table").queryAs(TableView.class);
        FxWait.waitFor(() -> ready.getItems().size() == 1 && queue2.getItems().isEmpty());
        interact(() -> ready.getSelectionModel().select(0));
        clickOn("#etd-issue");
        FxWait.waitFor(() -> status().contains("Issued ETD E0000001"));

        // 3. the register shows it, searchable by name; the PDF is saved
        interact(() -> view.showTab(0));
        TableView<?> register = lookup("#etd-register-table").queryAs(TableView.class);
        clickOn("#etd-register-search").write("kestr");
        FxWait.waitFor(() -> register.getItems().size() == 1);
        EtdDocument doc = (EtdDocument) register.getItems().get(0);
        assertThat(doc.serial()).isEqualTo("E0000001");
        assertThat(new EtdService(session).application(doc.applicationId()).status()).isEqualTo(ApplicationStatus.ISSUED);
        interact(() -> register.getSelectionModel().select(0));
        // (the action row may lie below the headless screen: fire the button as Enter on it would)
        interact(() -> lookup("#etd-save-pdf").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(error()).isEmpty();
        FxWait.waitFor(() -> Files.exists(tmp.resolve("etd-E0000001.pdf")));
        assertThat(Files.size(tmp.resolve("etd-E0000001.pdf"))).isGreaterThan(10_000);
        assertThat(new EtdService(session).photo(doc.applicationId())).isPresent();
    }
}
