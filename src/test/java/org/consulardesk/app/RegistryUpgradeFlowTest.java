package org.consulardesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.FxWait.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.consulardesk.store.OlderRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Signing in to a registry an earlier version wrote: the screen asks, upgrades with progress and says it finished (ADR 0068). */
class RegistryUpgradeFlowTest extends FxRobot {
    private static final String HEAD = "h.ashvale";

    @TempDir
    Path temp;
    private ConsularDeskApp app;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        AppConfig config = new AppConfig(SignIn.FAST, temp.resolve("data"), temp.resolve("state"));
        app = (ConsularDeskApp) FxToolkit.setupApplication(() -> new ConsularDeskApp(config));
    }

    @AfterEach
    void stop() throws Exception {
        if (app.shell() != null) {
            app.shell().session().close();
        }
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aRegistryAtV16IsUpgradedOnTheSignInScreenAfterItSaidSo() throws Exception {
        Path dir = temp.resolve("nairobi");
        OlderRegistries.registry(dir, "16", HEAD, SignIn.PASSPHRASE, 1, 2, 20_001);

        signIn(dir);
        waitFor(() -> lookup("#login-upgrade-confirm").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(text("#login-upgrade-notice")).contains("6 steps").contains("search word pairs").contains("duplicate keys")
                .contains("may take minutes");
        assertThat(text("#login-upgrade-backup")).startsWith("There is no backup in the registry's backups folder")
                .contains("A backup is advised");

        // Cancel leaves the registry as it was; signing in again asks again, now seeing a 30-day-old rotating backup.
        clickOn("#login-upgrade-cancel");
        waitFor(() -> !lookup("#login-upgrade-confirm").query().isVisible());
        Files.createDirectories(dir.resolve("backups"));
        Files.write(dir.resolve("backups").resolve("backup-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
                .withZone(ZoneOffset.UTC).format(Instant.now().minus(Duration.ofDays(30))) + ".cdbackup"), new byte[] {1});
        signIn(dir);
        waitFor(() -> lookup("#login-upgrade-confirm").query().isVisible());
        assertThat(text("#login-upgrade-backup")).startsWith("The newest backup in the registry's backups folder is from ")
                .contains(", 30 days ago").contains("A newer backup is advised");

        List<String> shown = new CopyOnWriteArrayList<>();
        interact(() -> lookup("#login-upgrade-status").queryAs(Label.class).textProperty()
                .addListener((o, was, now) -> shown.add(now)));
        type(KeyCode.ENTER); // the upgrade button is the default now
        waitFor(() -> lookup("#login-upgrade-continue").query().isVisible());
        assertThat(text("#login-upgrade-status")).matches("The registry was upgraded: 6 steps in \\d+ s\\. It is ready\\.");
        assertThat(shown).containsSubsequence("Upgrading the registry: step 1 of 6 (search word pairs)…",
                "Upgrading the registry: step 2 of 6 (search word pairs), 0 of 20,001 persons",
                "Upgrading the registry: step 2 of 6 (search word pairs), 20,000 of 20,001 persons",
                "Upgrading the registry: step 2 of 6 (search word pairs), 20,001 of 20,001 persons",
                "Upgrading the registry: step 3 of 6 (search word pairs index)…",
                "Upgrading the registry: step 4 of 6 (duplicate keys), 20,001 of 20,001 persons",
                "Upgrading the registry: step 5 of 6 (map cell points)…",
                "Upgrading the registry: step 6 of 6 (map names by cell)…");
        assertThat(app.shell()).isNull();

        type(KeyCode.ENTER);
        waitFor(() -> app.shell() != null && lookup("#shell-post").tryQuery().isPresent());
    }

    private void signIn(Path dir) {
        SignIn.showLogin(this, app, dir);
        clickOn("#login-username").write(HEAD);
        clickOn("#login-passphrase").write(SignIn.PASSPHRASE);
        type(KeyCode.ENTER);
    }

    private String text(String query) {
        return lookup(query).queryAs(Label.class).getText();
    }
}
