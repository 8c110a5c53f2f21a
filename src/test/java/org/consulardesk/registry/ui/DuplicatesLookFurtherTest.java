package org.consulardesk.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.DuplicateCandidate;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.DuplicateService;
import org.consulardesk.registry.service.DuplicateServices;
import org.consulardesk.registry.service.MergeService;
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

/**
 * "Look further" on the duplicates screen (ADR 0065): each press continues the walk of the key
 * indexes where the last stretch stopped and adds the pairs it finds below those listed, until the
 * whole registry was read, which the screen then says.
 */
class DuplicatesLookFurtherTest extends FxRobot {
    @TempDir
    Path dir;
    Session session;
    final List<Set<Long>> expected = new ArrayList<>();

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        session = TestRegistries.create(dir.resolve("registry")).session();
        RegistrationService registrations = new RegistrationService(session);
        // Three pairs, each found through another key: the passport, the phone, the birth date with a sound-alike name.
        pair(registrations.save(person("Otieno", "Achieng", "UT1000001", "+254712000101")),
                registrations.save(person("Otieno", "Akinyi Achieng", "UT1000001", "+254712000102")));
        pair(registrations.save(person("Wanjiru", "Grace", "UT2000001", "+254733000201")),
                registrations.save(person("Wanjiro", "Grace", "UT2000002", "+254733000201")));
        pair(registrations.save(person("Kamau", "Peter", "UT3000001", "+254722000301")),
                registrations.save(person("Kamau", "Petre", "UT3000002", "+254722000302")));
        DuplicateService steps = DuplicateServices.oneStepAStretch(session, 2);
        DuplicatesView view = WaitForAsyncUtils.asyncFx(() -> new DuplicatesView(steps, new MergeService(session), registrations,
                IntakeViewModelTest.SYNC, new ScriptedDialogs(), true)).get();
        FxScreens.show(view, 1150, 760);
    }

    private void pair(Registration a, Registration b) {
        expected.add(new TreeSet<>(List.of(a.id(), b.id())));
    }

    static Registration person(String family, String given, String passport, String phone) {
        Registration b = Registration.blank();
        return new Registration(0, 0, family, given, null, null, List.of(), 'F', "1990-03-14", null, b.nationalityEvidence(),
                List.of(), null, b.purpose(), new Whereabouts(null, null, null, "Nairobi", "KE", null, null, null, null),
                List.of(new ContactMethod(ContactKind.PHONE, phone, null, true)), List.of(),
                List.of(new TravelDocument(0, DocumentType.PASSPORT, passport, null, null, LocalDate.of(2031, 1, 1), false)),
                List.of(), List.of(), List.of(), null);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void eachPressReadsOnAndAddsPairsUntilTheWholeRegistryWasRead() {
        TableView<DuplicateCandidate> table = lookup("#duplicates-table").queryAs(TableView.class);
        Button further = lookup("#duplicates-further").queryButton();
        // The first stretch read two index entries: the screen says it read only part of the registry.
        assertThat(further.isDisabled()).isFalse();
        assertThat(status()).contains("part of the registry was read; Look further reads on");
        int before = table.getItems().size();
        assertThat(before).isLessThan(3);

        int presses = 0;
        List<Integer> sizes = new ArrayList<>();
        while (!further.isDisabled() && presses < 60) {
            List<DuplicateCandidate> listed = List.copyOf(table.getItems());
            clickOn(further);
            WaitForAsyncUtils.waitForFxEvents();
            presses++;
            // Pairs already listed stay where they were; new ones come below them.
            assertThat(table.getItems().subList(0, listed.size())).containsExactlyElementsOf(listed);
            sizes.add(table.getItems().size());
        }
        assertThat(presses).isGreaterThan(2).isLessThan(60);
        assertThat(sizes).isSorted();
        assertThat(table.getItems()).extracting(c -> (Set<Long>) new TreeSet<>(List.of(c.left().id(), c.right().id())))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(status()).isEqualTo("3 pairs: the whole registry was read, there are no more to find.");
        assertThat(further.isDisabled()).isTrue();
    }

    private String status() {
        return lookup("#duplicates-status").queryAs(Label.class).getText();
    }
}
