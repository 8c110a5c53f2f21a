package org.consulardesk.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.ExpiringDocumentsService;
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
import org.testfx.util.WaitForAsyncUtils;

/** The expiring documents call list driven headless: list, open with Enter, export. */
class ExpiringDocumentsViewTest extends FxRobot {
    @TempDir
    Path dir;
    Session session;
    final List<Long> opened = new ArrayList<>();
    long soonest;


    private ScriptedDialogs saveIntoTempDir() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.fileToSave = dir::resolve;
        return dialogs;
    }

    @BeforeEach
    void show() throws Exception {
        session = TestRegistries.create(dir.resolve("registry")).session();
        RegistrationService registrations = new RegistrationService(session);
        var today = session.now().atOffset(ZoneOffset.UTC).toLocalDate();
        Registration b = Registration.blank();
        for (int days : new int[] {40, 7, 200}) {
            Registration r = registrations.save(new Registration(0, 0, "Holder" + days, "Test", null, null, List.of(), 'F',
                    "1990", null, b.nationalityEvidence(), List.of(), null, b.purpose(),
                    new Whereabouts(null, null, null, "Mombasa", "KE", null, null, null, null), List.of(), List.of(),
                    List.of(new TravelDocument(0, DocumentType.PASSPORT, "UT" + days, null, null, today.plusDays(days), false)),
                    List.of(), List.of(), List.of(), null));
            if (days == 7) {
                soonest = r.id();
            }
        }
        ExpiringDocumentsView view = new ExpiringDocumentsView(new ExpiringDocumentsService(session),
                IntakeViewModelTest.SYNC, saveIntoTempDir());
        view.setOnOpen(opened::add);
        FxScreens.show(view, 1100, 700);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void listsOpensAndExports() throws Exception {
        TableView<?> table = lookup("#expiring-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly(soonest);

        clickOn("#expiring-export");
        WaitForAsyncUtils.waitForFxEvents();
        Path file = dir.resolve("call-list-90-days.csv");
        assertThat(Files.readAllLines(file)).hasSize(3);
    }
}
