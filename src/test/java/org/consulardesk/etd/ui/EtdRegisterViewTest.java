package org.consulardesk.etd.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.EtdState;
import org.consulardesk.etd.service.EtdLostStolenProfile;
import org.consulardesk.etd.service.EtdRegisterProfile;
import org.consulardesk.etd.service.EtdService;
import org.consulardesk.etd.service.EtdServiceTestSupport;
import org.consulardesk.etd.service.PhotoCrop;
import org.consulardesk.etd.service.StockService;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.registry.service.RegistrationService;
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

/**
 * The second part of the ETD screen: register date range, the entry date when marking used, the
 * handover and rejection letters, the exchange export buttons, the stock report PDF, and the
 * application photo taken from the registry.
 */
class EtdRegisterViewTest extends FxRobot {
    static final String OFFICER = "m.quillane";
    static final String SECOND = "d.farrowby";

    @TempDir
    Path tmp;
    Path dir;
    Path state;
    Session session;
    ScriptedDialogs dialogs;
    EtdView view;
    long registrant;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("registry");
        state = tmp.resolve("state");
        try (Session head = create(dir).session()) {
            UserService users = new UserService(head, state, FAST);
            users.add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            users.add(SECOND, "Dorin Farrowby", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            new StockService(head).receive("E", 1, 50, 7, "Pouch 2026/14");
            registrant = new PersonService(head).register(person("Belvaro", "Ilsa Marenka")).id();
            new RegistrationService(head).setPhoto(registrant,
                    new RegistrationService.Attachment("image/png", EtdServiceTestSupport.portrait()));
        }
        dialogs = new ScriptedDialogs();
        dialogs.fileToSave = tmp::resolve;
    }

    void show(Session s) throws Exception {
        if (session != null) {
            FxToolkit.cleanupStages();
            session.close();
        }
        session = s;
        FxToolkit.registerPrimaryStage();
        view = new EtdView(new EtdService(session), new StockService(session), EtdViewTest.SYNC, dialogs,
                session.can(Permission.APPROVE_ETD), session.can(Permission.MANAGE_ETD_STOCK));
        FxScreens.show(view, 1200, 780);
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

    EtdDocument issue(String family, String given) {
        EtdApplication a;
        try (Session s = login(dir, state, OFFICER, OTHER_PASSPHRASE)) {
            EtdService etd = new EtdService(s);
            a = etd.apply(withEvidence(etd.draftFor(registrant), family, given));
            etd.setPhoto(a.id(), EtdServiceTestSupport.portrait(), PhotoCrop.initial(600, 800));
        }
        try (Session s = login(dir, state, SECOND, OTHER_PASSPHRASE)) {
            new EtdService(s).approve(a.id(), a.version());
            return new EtdService(s).issue(a.id());
        }
    }

    static EtdApplication withEvidence(EtdApplication d, String family, String given) {
        return new EtdApplication(0, 0, null, family, given, "1984-07-12", d.sex(), null, d.nationality(), d.reason(), null,
                null, "Return home", d.route(), 30, null, null, true, "Crisis: fees waived",
                java.util.Set.of(org.consulardesk.etd.model.Evidence.INTERVIEW), "Known to the post.",
                d.status(), null, null, null, null, null);
    }

    void fire(String id) {
        interact(() -> lookup(id).queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void registerDatesEntryDateLettersAndExport() throws Exception {
        EtdDocument first = issue("Kestrelle", "Ona");
        issue("Marrowick", "Tamsin");
        show(login(dir, state, SECOND, OTHER_PASSPHRASE));
        TableView<?> register = lookup("#etd-register-table").queryAs(TableView.class);
        FxWait.waitFor(() -> register.getItems().size() == 2);

        // date range: nothing issued from tomorrow; both issued today; a reversed range is refused
        DatePicker from = lookup("#etd-issued-from").queryAs(DatePicker.class);
        DatePicker to = lookup("#etd-issued-to").queryAs(DatePicker.class);
        interact(() -> from.setValue(LocalDate.now().plusDays(1)));
        FxWait.waitFor(() -> register.getItems().isEmpty());
        interact(() -> to.setValue(LocalDate.now()));
        FxWait.waitFor(() -> error().contains("after the \"to\" date"));
        interact(() -> from.setValue(LocalDate.now()));
        FxWait.waitFor(() -> register.getItems().size() == 2);
        fire("#etd-clear-dates");
        assertThat(from.getValue()).isNull();
        clickOn("#etd-register-search").write("kestr");
        FxWait.waitFor(() -> register.getItems().size() == 1);
        interact(() -> register.getSelectionModel().select(0));

        // the handover letter for the ETD just issued
        fire("#etd-save-letter");
        assertThat(error()).isEmpty();
        Path letter = tmp.resolve("etd-letter-" + first.serial() + ".pdf");
        FxWait.waitFor(() -> Files.exists(letter));
        assertThat(Files.readAllBytes(letter)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        // collected, then used with the date of entry into Utopia
        @SuppressWarnings("unchecked")
        ChoiceBox<EtdState> next = lookup("#etd-next-state").queryAs(ChoiceBox.class);
        DatePicker entered = lookup("#etd-entered-on").queryAs(DatePicker.class);
        interact(() -> next.setValue(EtdState.COLLECTED));
        assertThat(entered.isVisible()).isFalse();
        fire("#etd-change-state");
        FxWait.waitFor(() -> status().contains("Collected") || status().contains("COLLECTED") || status().contains("collected"));
        FxWait.waitFor(() -> register.getItems().size() == 1);
        interact(() -> register.getSelectionModel().select(0));
        interact(() -> next.setValue(EtdState.USED));
        assertThat(entered.isVisible()).isTrue();
        interact(() -> entered.setValue(null));
        fire("#etd-change-state");
        FxWait.waitFor(() -> error().contains("date the holder entered Utopia"));
        interact(() -> {
            register.getSelectionModel().select(0);
            next.setValue(EtdState.USED);
            entered.setValue(LocalDate.now());
            lookup("#etd-register-note").queryAs(TextField.class).setText("Port Amber crossing");
        });
        fire("#etd-change-state");
        FxWait.waitFor(() -> status().contains("entered Utopia on " + LocalDate.now()));
        assertThat(new EtdService(session).document(first.id()).enteredOn()).isEqualTo(LocalDate.now());

        // no letter for a used ETD
        interact(() -> register.getSelectionModel().select(0));
        fire("#etd-save-letter");
        FxWait.waitFor(() -> error().contains("only printed for an ETD that is issued or collected"));

        // the exchange buttons open the export with the ETD profile (disabled without that right)
        assertThat(lookup("#etd-export-lost").queryAs(Button.class).isDisabled()).isTrue();
        List<String> opened = new ArrayList<>();
        interact(() -> view.setOnExport(opened::add));
        fire("#etd-export-lost");
        fire("#etd-export-register");
        assertThat(opened).containsExactly(EtdLostStolenProfile.NAME, EtdRegisterProfile.NAME);
    }

    @Test
    void rejectionLetterRegistryPhotoAndStockReport() throws Exception {
        // the registrant's registry photo becomes the application photo
        show(login(dir, state, OFFICER, OTHER_PASSPHRASE));
        interact(() -> view.showTab(1));
        interact(() -> lookup("#etd-form-personId").queryAs(TextField.class).setText(Long.toString(registrant)));
        fire("#etd-form-fill");
        FxWait.waitFor(() -> status().contains("registry photo"));
        assertThat(lookup("#etd-form-family").queryAs(TextField.class).getText()).isEqualTo("Belvaro");
        interact(() -> {
            lookup("#etd-evidence-REGISTRY_MATCH").queryAs(CheckBox.class).setSelected(true);
            lookup("#etd-form-assessment").queryAs(TextArea.class).setText("Matches the registry photo.");
            lookup("#etd-form-submit").queryAs(Button.class).fire();
        });
        FxWait.waitFor(() -> status().contains("submitted with its photo"));
        EtdApplication applied = new EtdService(session).awaitingDecision().get(0);
        assertThat(new EtdService(session).photo(applied.id())).isPresent();

        // the second officer rejects it and saves the rejection letter
        show(login(dir, state, SECOND, OTHER_PASSPHRASE));
        interact(() -> view.showTab(2));
        TableView<?> queue = lookup("#etd-queue-table").queryAs(TableView.class);
        FxWait.waitFor(() -> queue.getItems().size() == 1);
        interact(() -> {
            queue.getSelectionModel().select(0);
            lookup("#etd-queue-rejectReason").queryAs(TextField.class).setText("Identity not established.");
        });
        fire("#etd-reject");
        FxWait.waitFor(() -> status().contains("rejected"));
        @SuppressWarnings("unchecked")
        ComboBox<EtdApplication> rejected = lookup("#etd-rejected").queryAs(ComboBox.class);
        FxWait.waitFor(() -> rejected.getValue() != null && rejected.getValue().id() == applied.id());
        fire("#etd-rejection-letter");
        Path letter = tmp.resolve("etd-rejection-" + applied.id() + ".pdf");
        FxWait.waitFor(() -> Files.exists(letter));
        assertThat(error()).isEmpty();

        // the head of post saves the stock reconciliation as a PDF for signature
        show(loginHead(dir, state));
        interact(() -> view.showTab(3));
        FxWait.waitFor(() -> lookup("#etd-stock-report").queryAs(Label.class).getText().contains("50"));
        fire("#etd-stock-report-pdf");
        Path report = tmp.resolve("etd-stock-reconciliation.pdf");
        FxWait.waitFor(() -> Files.exists(report));
        assertThat(error()).isEmpty();
    }
}
