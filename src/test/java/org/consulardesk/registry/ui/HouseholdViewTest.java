package org.consulardesk.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.consulardesk.registry.model.HouseholdMember;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.service.HouseholdService;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The household screen driven headless: find by registration number, create, add a relative, open. */
class HouseholdViewTest extends FxRobot {
    @TempDir
    Path dir;
    Session session;
    final List<Long> opened = new ArrayList<>();
    long amara;

    @BeforeEach
    void show() throws Exception {
        session = TestRegistries.create(dir.resolve("registry")).session();
        Registration b = Registration.blank();
        amara = new RegistrationService(session).save(new Registration(0, 0, "Okonkwo", "Amara", null, null, List.of(), 'F',
                "1985", null, b.nationalityEvidence(), List.of(), null, b.purpose(), b.whereabouts(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null)).id();
        HouseholdView view = new HouseholdView(new HouseholdService(session), IntakeViewModelTest.SYNC);
        view.setOnOpen(opened::add);
        FxScreens.show(view, 1100, 800);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void createsAHouseholdAddsARelativeAndOpensTheRegistrant() {
        clickOn("#household-personNumber").write(Long.toString(amara)).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#household-label").write("Okonkwo family");
        clickOn("#household-create");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<HouseholdMember> table = lookup("#household-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(HouseholdMember::personId).containsExactly(amara);

        clickOn("#household-relative-family").write("Okonkwo");
        clickOn("#household-relative-given").write("Chidi");
        clickOn("#household-relative-birth").write("2016");
        clickOn("#household-relative-add");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(HouseholdMember::givenNames).containsExactly("Amara", "Chidi");
        assertThat(new HouseholdService(session).householdOf(amara)).isPresent();

        interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly(amara);
    }
}
