package org.consulardesk.exchange.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.consulardesk.exchange.model.PostKey;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.store.model.RegistryKind;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.MutableClock;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The post keys screen headless, main path: the post rotates its key and saves the public key to a
 * file; HQ registers the rotated key from that file and retires it, each after a confirmation;
 * a reviewer sees the keys but cannot change them.
 */
class PostKeysViewTest extends FxRobot {
    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));
    Session post;
    Session hq;
    ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        post = create(dir.resolve("post"), clock).session();
        hq = creator().create(new RegistryCreator.Request(dir.resolve("hq"), RegistryKind.HQ, "Utopia consular HQ", "UT",
                "a.marchetti", "Alma Marchetti", OTHER_PASSPHRASE.toCharArray())).session();
        PostKey first = new PostKeyService(post).ownKey();
        new PostKeyService(hq).register(post.descriptor().registryId(), POST_NAME, "KE", first.publicKey());
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        post.close();
        hq.close();
    }

    @SuppressWarnings("unchecked")
    TableView<PostKey> table() {
        return lookup("#exchange-keys-table").queryAs(TableView.class);
    }

    void selectPost() {
        interact(() -> table().getItems().stream().filter(k -> k.postName().equals(POST_NAME) && !k.retired()).findFirst()
                .ifPresent(k -> table().getSelectionModel().select(k)));
    }

    @Test
    void postRotatesItsKeyAndHqRegistersThenRetiresIt() throws Exception {
        String before = new PostKeyService(post).ownKey().fingerprint();

        // At the post: its fingerprint, rotate (confirmed), save the new public key for HQ.
        FxScreens.show(new PostKeysView(new PostKeyService(post), true, false, new SyncTasks(), dialogs), 1000, 700);
        assertThat(lookup("#exchange-keys-own-fingerprint").queryLabeled().getText()).isEqualTo("Fingerprint: " + before);
        assertThat(lookup("#exchange-keys-table").tryQuery()).as("a post lists no other posts").isEmpty();
        dialogs.confirmAnswer = false;
        clickOn("#exchange-keys-rotate-own");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new PostKeyService(post).ownKey().fingerprint()).as("declined").isEqualTo(before);
        dialogs.confirmAnswer = true;
        clickOn("#exchange-keys-rotate-own");
        WaitForAsyncUtils.waitForFxEvents();
        PostKey rotated = new PostKeyService(post).ownKey();
        assertThat(rotated.fingerprint()).isNotEqualTo(before);
        assertThat(lookup("#exchange-keys-own-fingerprint").queryLabeled().getText()).isEqualTo("Fingerprint: " + rotated.fingerprint());
        assertThat(lookup("#exchange-keys-status").queryLabeled().getText()).contains(rotated.fingerprint());
        assertThat(lookup("#exchange-keys-own-public").queryAs(TextArea.class).getText()).isNotBlank();
        Path keyFile = dir.resolve("nairobi-key.txt");
        dialogs.fileToSave = name -> keyFile;
        clickOn("#exchange-keys-save-own");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(keyFile)).contains(rotated.fingerprint()).doesNotContain("PRIVATE");
        assertThat(post.audit().page(AuditFilter.ALL, 0, 50)).anySatisfy(e ->
                assertThat(e.action()).isEqualTo(PostKeyService.AUDIT_KEY_RETIRED));
        FxToolkit.cleanupStages();

        // At HQ: the registered keys; register the rotated key from the file (confirmed), then retire it.
        FxToolkit.registerPrimaryStage();
        FxScreens.show(new PostKeysView(new PostKeyService(hq), true, true, new SyncTasks(), dialogs), 1200, 800);
        assertThat(table().getItems()).extracting(PostKey::fingerprint).contains(before);
        assertThat(lookup("#exchange-keys-retire").queryButton().isDisabled()).as("nothing selected").isTrue();
        selectPost();
        assertThat(lookup("#exchange-keys-retire").queryButton().isDisabled()).isFalse();
        dialogs.fileToOpen = keyFile;
        int confirms = dialogs.confirms.get();
        clickOn("#exchange-keys-rotate");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.confirms.get()).isEqualTo(confirms + 1);
        List<PostKey> history = new PostKeyService(hq).history(post.descriptor().registryId());
        assertThat(history).extracting(PostKey::fingerprint).containsExactly(rotated.fingerprint(), before);
        assertThat(history.get(1).retired()).isTrue();
        assertThat(table().getItems()).filteredOn(k -> k.postName().equals(POST_NAME)).hasSize(2);
        assertThat(lookup("#exchange-keys-status").queryLabeled().getText()).contains(rotated.fingerprint());
        assertThat(hq.audit().page(AuditFilter.ALL, 0, 50)).anySatisfy(e ->
                assertThat(e.action()).isEqualTo(PostKeyService.AUDIT_KEY_ROTATED));

        selectPost();
        clickOn("#exchange-keys-retire");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new PostKeyService(hq).find(post.descriptor().registryId())).isEmpty();
        assertThat(table().getItems()).filteredOn(k -> k.postName().equals(POST_NAME)).allSatisfy(k -> assertThat(k.retired()).isTrue());
        assertThat(lookup("#exchange-keys-retire").queryButton().isDisabled()).as("a retired key").isTrue();

        // A file that holds no key is refused with a message naming it.
        Path junk = dir.resolve("junk.txt");
        Files.writeString(junk, "not a key\n");
        dialogs.fileToOpen = junk;
        interact(() -> table().getSelectionModel().select(0));
        interact(() -> table().getItems().stream().filter(k -> !k.own()).findFirst().ifPresent(k -> table().getSelectionModel().select(k)));
        clickOn("#exchange-keys-rotate");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#exchange-keys-error").queryLabeled().getText()).contains("junk.txt");
    }

    @Test
    void reviewerSeesKeysButCannotChangeThem() throws Exception {
        new UserService(hq, dir.resolve("state"), FAST).add("r.hallowmere", "Rasmus Hallowmere", Role.HQ_REVIEWER,
                THIRD_PASSPHRASE.toCharArray());
        try (Session reviewer = login(dir.resolve("hq"), dir.resolve("state"), "r.hallowmere", THIRD_PASSPHRASE)) {
            FxScreens.show(new PostKeysView(new PostKeyService(reviewer), false, true, new SyncTasks(), dialogs), 1200, 800);
            selectPost();
            assertThat(table().getSelectionModel().getSelectedItem()).isNotNull();
            assertThat(lookup("#exchange-keys-retire").queryButton().isDisabled()).isTrue();
            assertThat(lookup("#exchange-keys-rotate").queryButton().isDisabled()).isTrue();
            assertThat(lookup("#exchange-keys-rotate-own").queryButton().isDisabled()).isTrue();
            assertThat(lookup("#exchange-keys-own-fingerprint").queryLabeled().getText()).startsWith("Fingerprint: ");
        }
    }
}
