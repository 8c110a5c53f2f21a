package org.consulardesk.app;

import static org.consulardesk.testsupport.FxWait.waitFor;

import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.input.KeyCode;
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.store.RegistryFolder;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.model.RegistryKind;
import org.testfx.api.FxRobot;

/** The synthetic post the application flow tests sign in to, and the way they sign in. */
final class SignIn {
    static final KdfParams FAST = new KdfParams(1024, 1, 1);
    static final String USER = "h.mensah";
    static final String PASSPHRASE = "amber falcon orbit velvet 1987";

    private SignIn() {
    }

    /** A closed registry of the Embassy of Utopia in Accra with head of post {@link #USER}. */
    static Path createRegistry(Path parent) {
        Path dir = parent.resolve("post");
        new RegistryCreator(FAST, Clock.systemUTC()).create(new RegistryCreator.Request(dir, RegistryKind.POST,
                "Embassy of Utopia in Accra", "GH", USER, "Hana Mensah", PASSPHRASE.toCharArray())).session().close();
        return dir;
    }

    static void showLogin(FxRobot robot, ConsularDeskApp app, Path dir) {
        RegistryDescriptor descriptor = RegistryFolder.readDescriptor(dir);
        robot.interact(() -> app.showLogin(dir, descriptor, ""));
        waitFor(() -> robot.lookup("#login-username").tryQuery().isPresent());
    }

    /** Types the head of post's name and passphrase, as a user would, and waits for the main window. */
    static void asHead(FxRobot robot, ConsularDeskApp app, Path dir) {
        showLogin(robot, app, dir);
        robot.clickOn("#login-username").write(USER);
        robot.clickOn("#login-passphrase").write(PASSPHRASE);
        robot.type(KeyCode.ENTER);
        waitFor(() -> app.shell() != null && robot.lookup("#shell-post").tryQuery().isPresent());
    }
}
