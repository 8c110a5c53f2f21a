package org.consulardesk.security.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.consulardesk.core.UserError;
import org.consulardesk.security.model.Role;
import org.consulardesk.store.RegistryFolder;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.model.RegistryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCreatorTest {
    @TempDir
    Path tmp;

    @Test
    void createsTheRegistryFolder() throws Exception {
        Path dir = tmp.resolve("nairobi");
        RegistryCreator.Created created = create(dir);
        try (Session session = created.session()) {
            assertThat(session.user().username()).isEqualTo(HEAD);
            assertThat(session.user().displayName()).isEqualTo(HEAD_DISPLAY);
            assertThat(session.user().role()).isEqualTo(Role.HEAD_OF_POST);
            assertThat(session.user().enabled()).isTrue();
            assertThat(session.user().mustChangePassphrase()).isFalse();
            assertThat(session.descriptor().postName()).isEqualTo(POST_NAME);
            assertThat(session.descriptor().countryCode()).isEqualTo(COUNTRY);
            assertThat(session.descriptor().kind()).isEqualTo(RegistryKind.POST);
            assertThat(created.recoveryKey().formatted()).hasSize(39);
        }
        assertThat(dir.resolve("keys.properties")).isRegularFile();
        assertThat(dir.resolve("registry.properties")).isRegularFile();
        assertThat(dir.resolve("registry.mv.db")).isRegularFile();
        assertThat(RegistryFolder.isRegistry(dir)).isTrue();

        RegistryDescriptor descriptor = RegistryFolder.readDescriptor(dir);
        Properties keys = new Properties();
        try (var in = Files.newInputStream(dir.resolve("keys.properties"))) {
            keys.load(in);
        }
        assertThat(keys.getProperty("registry.id")).isEqualTo(descriptor.registryId());
        assertThat(keys.getProperty("format")).isEqualTo("1");
        assertThat(keys.getProperty("user.0.kdf")).isEqualTo(FAST.encode());
        assertThat(keys.getProperty("recovery.holder")).isEqualTo("recovery");
        assertThat(keys.getProperty("user.1.holder")).isNull();
        assertThat(Files.readString(dir.resolve("keys.properties"))).doesNotContainIgnoringCase("ashvale");

        // And it opens again.
        try (Session again = loginHead(dir, tmp.resolve("state"))) {
            assertThat(again.user().username()).isEqualTo(HEAD);
            assertThat(again.descriptor()).isEqualTo(descriptor);
        }
    }

    @Test
    void acceptsAnExistingEmptyFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        create(dir).session().close();
        assertThat(RegistryFolder.isRegistry(dir)).isTrue();
    }

    @Test
    void refusesANonEmptyFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("notes.txt"), "field notes");
        UserError e = userError(() -> create(dir));
        assertThat(e.key()).isEqualTo("error.registry.folderNotEmpty");
        assertThat(entries(dir)).containsExactly("notes.txt");
    }

    @Test
    void refusesToCreateOverAnExistingRegistry() {
        Path dir = tmp.resolve("twice");
        createClosed(dir);
        var before = sha256Tree(dir);
        assertThat(userError(() -> create(dir)).key()).isEqualTo("error.registry.folderNotEmpty");
        assertThat(sha256Tree(dir)).isEqualTo(before);
    }

    @Test
    void refusesAFileInsteadOfAFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertThat(userError(() -> create(file)).key()).isEqualTo("error.registry.notAFolder");
    }

    @Test
    void refusesWeakOrShortPassphrases() {
        Path dir = tmp.resolve("weak");
        for (String weak : new String[] {"password1234", "aaaaaaaaaaaaaaaa", "qwertyuiop123", "h.ashvale2024",
                "Hesper Ashvale 1", "hesperashvale", "Embassy of Utopia in Nairobi"}) {
            UserError e = userError(() -> creator().create(withPassphrase(dir, weak)));
            assertThat(e.key()).as(weak).isEqualTo("error.passphrase.tooWeak");
        }
        UserError shortOne = userError(() -> creator().create(withPassphrase(dir, "Zq8!vW3#")));
        assertThat(shortOne.key()).isEqualTo("error.passphrase.tooShort");
        assertThat(dir).doesNotExist();
    }

    @Test
    void refusesBadCountryCodes() {
        Path dir = tmp.resolve("country");
        for (String country : new String[] {"Kenya", "K", "KEN", "K1", "", "  "}) {
            UserError e = userError(() -> creator().create(new RegistryCreator.Request(dir, RegistryKind.POST, POST_NAME,
                    country, HEAD, HEAD_DISPLAY, PASSPHRASE.toCharArray())));
            assertThat(e.key()).as(country).isEqualTo("error.country.invalid");
        }
        UserError nullCountry = userError(() -> creator().create(new RegistryCreator.Request(dir, RegistryKind.POST,
                POST_NAME, null, HEAD, HEAD_DISPLAY, PASSPHRASE.toCharArray())));
        assertThat(nullCountry.key()).isEqualTo("error.country.invalid");
        assertThat(dir).doesNotExist();
    }

    @Test
    void normalisesTheCountryCode() {
        Path dir = tmp.resolve("lower");
        try (Session s = creator().create(new RegistryCreator.Request(dir, RegistryKind.TRAINING, POST_NAME, " ke ",
                HEAD, HEAD_DISPLAY, PASSPHRASE.toCharArray())).session()) {
            assertThat(s.descriptor().countryCode()).isEqualTo("KE");
            assertThat(s.descriptor().kind()).isEqualTo(RegistryKind.TRAINING);
        }
    }

    @Test
    void refusesMissingNamesAndBadUsernames() {
        Path dir = tmp.resolve("names");
        assertThat(userError(() -> creator().create(new RegistryCreator.Request(dir, RegistryKind.POST, " ", COUNTRY,
                HEAD, HEAD_DISPLAY, PASSPHRASE.toCharArray()))).key()).isEqualTo("error.post.nameRequired");
        assertThat(userError(() -> creator().create(new RegistryCreator.Request(dir, RegistryKind.POST, POST_NAME, COUNTRY,
                HEAD, "", PASSPHRASE.toCharArray()))).key()).isEqualTo("error.user.displayNameRequired");
        for (String bad : new String[] {"1abc", "a", "has space", "x".repeat(33), "caf\u00e9"}) {
            assertThat(userError(() -> creator().create(new RegistryCreator.Request(dir, RegistryKind.POST, POST_NAME,
                    COUNTRY, bad, HEAD_DISPLAY, PASSPHRASE.toCharArray()))).key()).as(bad).isEqualTo("error.username.invalid");
        }
        assertThat(dir).doesNotExist();
    }

    private static RegistryCreator.Request withPassphrase(Path dir, String passphrase) {
        return new RegistryCreator.Request(dir, RegistryKind.POST, POST_NAME, COUNTRY, HEAD, HEAD_DISPLAY,
                passphrase.toCharArray());
    }
}
