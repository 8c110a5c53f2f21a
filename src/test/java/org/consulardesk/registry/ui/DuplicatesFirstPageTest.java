package org.consulardesk.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.DuplicateCandidate;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Whereabouts;
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
 * The duplicates screen shows its first page once a stretch found {@link DuplicatesView#FIRST_PAGE}
 * pairs, and reads the rest of the first {@link DuplicatesView#LIMIT} behind it, adding them below.
 */
class DuplicatesFirstPageTest extends FxRobot {
    private static final int PAIRS = 60;

    @TempDir
    Path dir;
    Session session;
    final QueuedTasks tasks = new QueuedTasks();

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        session = TestRegistries.create(dir.resolve("registry")).session();
        RegistrationService registrations = new RegistrationService(session);
        String[] syllables = {"ka", "lo", "mi", "nu", "pe", "ra", "si", "tu", "wa", "ze"};
        for (int i = 0; i < PAIRS; i++) {
            // Each pair shares a passport and its own birth date; no two pairs look alike.
            String family = cap(syllables[i / 10] + syllables[i % 10] + "nde");
            String birth = LocalDate.of(1980, 1, 1).plusDays(i * 40L).toString();
            String passport = "UT" + (4_000_000 + i);
            registrations.save(person(family, "Grace", birth, passport, "+2547120" + (10_000 + 2 * i)));
            registrations.save(person(family, "Grace", birth, passport, "+2547120" + (10_001 + 2 * i)));
        }
        DuplicatesView view = WaitForAsyncUtils.asyncFx(() -> new DuplicatesView(DuplicateServices.stepsOf(session, 20),
                new MergeService(session), registrations, tasks, new ScriptedDialogs(), true)).get();
        FxScreens.show(view, 1150, 760);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    @Test
    void theFirstPageComesAfterFiftyPairsAndTheRestIsAddedBelowIt() {
        TableView<DuplicateCandidate> table = lookup("#duplicates-table").queryAs(TableView.class);
        Button further = lookup("#duplicates-further").queryButton();

        tasks.runNext();
        int first = table.getItems().size();
        assertThat(first).isBetween(DuplicatesView.FIRST_PAGE, PAIRS - 1);
        assertThat(status()).isEqualTo(first + " pairs so far: looking further…");
        assertThat(further.isDisabled()).isTrue();
        assertThat(tasks.queue).hasSize(1);
        List<DuplicateCandidate> shown = List.copyOf(table.getItems());

        tasks.runNext();
        assertThat(table.getItems()).hasSize(PAIRS);
        assertThat(table.getItems().subList(0, first)).containsExactlyElementsOf(shown);
        assertThat(status()).isEqualTo(PAIRS + " pairs: the whole registry was read, there are no more to find.");
        assertThat(further.isDisabled()).isTrue();
        assertThat(tasks.queue).isEmpty();
    }

    private String status() {
        return lookup("#duplicates-status").queryAs(Label.class).getText();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static Registration person(String family, String given, String birth, String passport, String phone) {
        Registration b = Registration.blank();
        return new Registration(0, 0, family, given, null, null, List.of(), 'F', birth, null, b.nationalityEvidence(),
                List.of(), null, b.purpose(), new Whereabouts(null, null, null, "Nairobi", "KE", null, null, null, null),
                List.of(new ContactMethod(ContactKind.PHONE, phone, null, true)), List.of(),
                List.of(new TravelDocument(0, DocumentType.PASSPORT, passport, null, null, LocalDate.of(2031, 1, 1), false)),
                List.of(), List.of(), List.of(), null);
    }

    /** Runs each background task when the test says, on the FX thread, so what the screen shows in between can be seen. */
    final class QueuedTasks implements BackgroundTasks {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            queue.add(() -> {
                T result;
                try {
                    result = work.run(ProgressSink.NONE);
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            });
        }

        void runNext() {
            Runnable next = queue.poll();
            assertThat(next).isNotNull();
            interact(next);
        }
    }
}
