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
import javafx.scene.control.TextField;
import org.consulardesk.exercise.service.TrainingRegistry;
import org.consulardesk.security.service.Vault;
import org.consulardesk.store.Database;
import org.consulardesk.store.OlderRegistries;
import org.consulardesk.store.RegistryFolder;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.model.RegistryKind;
import org.consulardesk.store.model.UpgradeStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Signing in to a registry an earlier version wrote: the screen asks, upgrades with progress and says
 * it finished (ADR 0068); so does the recovery key and the training registry (ADR 0076).
 */
class RegistryUpgradeFlowTest extends FxRobot {
    private static final String HEAD = "h.ashvale";
    private static final String NEW_PASSPHRASE = "quartz meadow lantern cobalt 8812";

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
        assertThat(text("#login-upgrade-notice")).contains("9 steps").contains("search word pairs").contains("duplicate keys")
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
        assertThat(text("#login-upgrade-status")).matches("The registry was upgraded: 9 steps in \\d+ s\\. It is ready\\.");
        assertThat(shown).containsSubsequence("Upgrading the registry: step 1 of 9 (search word pairs table)…",
                "Upgrading the registry: step 2 of 9 (search word pairs), 0 of 20,001 persons",
                "Upgrading the registry: step 2 of 9 (search word pairs), 20,000 of 20,001 persons",
                "Upgrading the registry: step 2 of 9 (search word pairs), 20,001 of 20,001 persons",
                "Upgrading the registry: step 3 of 9 (search word pairs index)…",
                "Upgrading the registry: step 4 of 9 (duplicate keys), 20,001 of 20,001 persons",
                "Upgrading the registry: step 5 of 9 (map cell points)…",
                "Upgrading the registry: step 6 of 9 (map names by cell)…",
                "Upgrading the registry: step 7 of 9 (search list tables)…",
                "Upgrading the registry: step 8 of 9 (search list rows), 20,001 of 20,001 persons",
                "Upgrading the registry: step 9 of 9 (search list index)…");
        assertThat(app.shell()).isNull();

        type(KeyCode.ENTER);
        waitFor(() -> app.shell() != null && lookup("#shell-post").tryQuery().isPresent());
    }

    @Test
    void theRecoveryKeyOnAnOlderRegistryAsksFirstAndSetsTheNewPassphraseOnlyAfterTheUpgrade() throws Exception {
        Path dir = temp.resolve("nairobi");
        Vault.NewKeys keys = OlderRegistries.registry(dir, "16", HEAD, SignIn.PASSPHRASE, 1, 2);
        byte[] keyFile = Files.readAllBytes(dir.resolve("keys.properties"));

        SignIn.showLogin(this, app, dir);
        clickOn("#login-recover");
        clickOn("#recover-key").write(keys.recoveryKey().formatted());
        clickOn("#recover-username").write(HEAD);
        clickOn("#recover-passphrase").write(NEW_PASSPHRASE);
        clickOn("#recover-confirm").write(NEW_PASSPHRASE);
        type(KeyCode.ENTER);

        waitFor(() -> lookup("#login-upgrade-confirm").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(text("#login-upgrade-notice")).contains("9 steps").contains("search word pairs");
        assertThat(lookup("#login-username").queryAs(TextField.class).getText()).isEqualTo(HEAD);
        // Asked, not yet done: the schema and the key file are as they were.
        assertThat(Files.readAllBytes(dir.resolve("keys.properties"))).isEqualTo(keyFile);
        assertThat(pending(dir, keys.dataKey())).hasSize(9);

        type(KeyCode.ENTER);
        waitFor(() -> lookup("#login-upgrade-continue").query().isVisible());
        assertThat(text("#login-upgrade-status")).matches("The registry was upgraded: 9 steps in \\d+ s\\. It is ready\\.");
        type(KeyCode.ENTER);
        waitFor(() -> app.shell() != null && lookup("#shell-post").tryQuery().isPresent());
        assertThat(app.shell().session().user().username()).isEqualTo(HEAD);
        assertThat(Files.readAllBytes(dir.resolve("keys.properties"))).isNotEqualTo(keyFile);
    }

    @Test
    void aTrainingRegistryAnEarlierVersionLeftIsNotUpgradedWithoutAsking() throws Exception {
        Path dir = temp.resolve("data").resolve("registries").resolve("training");
        Vault.NewKeys keys = OlderRegistries.registry(dir, "16", TrainingRegistry.TRAINER, TrainingRegistry.PASSPHRASE, 1, 2);
        RegistryDescriptor post = RegistryFolder.readDescriptor(dir);
        RegistryFolder.writeDescriptor(dir, new RegistryDescriptor(post.registryId(), RegistryKind.TRAINING,
                TrainingRegistry.POST_NAME, post.countryCode(), post.createdAt()));

        clickOn("#welcome-training");
        waitFor(() -> lookup("#login-upgrade-confirm").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(text("#login-upgrade-notice")).contains("9 steps");
        assertThat(lookup("#login-username").queryAs(TextField.class).getText()).isEqualTo(TrainingRegistry.TRAINER);
        assertThat(app.shell()).isNull();
        assertThat(pending(dir, keys.dataKey())).hasSize(9);

        type(KeyCode.ENTER);
        waitFor(() -> lookup("#login-upgrade-continue").query().isVisible());
        type(KeyCode.ENTER);
        waitFor(() -> app.shell() != null && lookup("#shell-post").tryQuery().isPresent());
        assertThat(app.shell().session().descriptor().kind()).isEqualTo(RegistryKind.TRAINING);
    }

    private static List<UpgradeStep> pending(Path dir, byte[] dataKey) {
        try (Database.Opening opening = Database.connect(dir, dataKey)) {
            return opening.pending();
        }
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
