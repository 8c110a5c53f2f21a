package org.consulardesk.etd.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import org.consulardesk.etd.service.EtdService;
import org.consulardesk.etd.service.StockService;
import org.consulardesk.registry.model.MergePlan;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.service.MergeService;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.FxWait;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The ETD form given the number of a registration merged into another: it says so and opens the survivor (ADR 0064). */
class EtdOpenRegistrationTest extends FxRobot {
    @TempDir
    Path tmp;
    Session session;
    long survivor;
    long mergedAway;
    final List<Long> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        session = TestRegistries.create(tmp.resolve("registry")).session();
        RegistrationService registrations = new RegistrationService(session);
        Registration keep = registrations.save(person("Otieno", "Achieng"));
        Registration away = registrations.save(person("Otieno", "Akinyi"));
        survivor = keep.id();
        mergedAway = away.id();
        new MergeService(session).merge(new MergePlan(mergedAway, away.version(), registrations.get(survivor)));

        FxToolkit.registerPrimaryStage();
        EtdView view = new EtdView(new EtdService(session), new StockService(session), EtdViewTest.SYNC, new ScriptedDialogs(),
                session.can(Permission.APPROVE_ETD), session.can(Permission.MANAGE_ETD_STOCK));
        view.setOnOpenPerson(opened::add);
        FxScreens.show(view, 1200, 780);
        interact(() -> view.showTab(1));
    }

    static Registration person(String family, String given) {
        Registration b = Registration.blank();
        return new Registration(0, 0, family, given, null, null, List.of(), 'F', "1990-03-14", null, b.nationalityEvidence(),
                List.of(), null, b.purpose(), b.whereabouts(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void theNumberOfAMergedRegistrationFillsFromAndOpensTheSurvivor() {
        clickOn("#etd-form-personId").write(Long.toString(mergedAway));
        clickOn("#etd-form-fill");
        FxWait.waitFor(() -> !registrant().isEmpty());
        assertThat(registrant()).isEqualTo("Registry no. " + mergedAway + " was merged into no. " + survivor
                + ", Otieno, Achieng: that registration opens.");
        assertThat(lookup("#etd-form-given").queryTextInputControl().getText()).isEqualTo("Achieng");

        clickOn("#etd-form-open-person");
        FxWait.waitFor(() -> !opened.isEmpty());
        assertThat(opened).containsExactly(survivor);
    }

    @Test
    void theNumberOfARegistrationNotMergedOpensItself() {
        clickOn("#etd-form-personId").write(Long.toString(survivor));
        clickOn("#etd-form-open-person");
        FxWait.waitFor(() -> !opened.isEmpty());
        assertThat(opened).containsExactly(survivor);
        assertThat(registrant()).isEqualTo("Registrant: no. " + survivor + ", Otieno, Achieng");
    }

    private String registrant() {
        return lookup("#etd-form-registrant").queryAs(Label.class).getText();
    }
}
