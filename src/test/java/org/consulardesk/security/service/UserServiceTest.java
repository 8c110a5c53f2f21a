package org.consulardesk.security.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.security.store.KeyFileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserServiceTest {
    private static final String OFFICER = "m.quillane";
    private static final String SURGE = "t.orvandel";

    @TempDir
    Path tmp;
    Path dir;
    Path state;
    Session head;
    UserService users;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("registry");
        state = tmp.resolve("state");
        head = create(dir).session();
        users = new UserService(head, state, FAST);
    }

    @AfterEach
    void tearDown() {
        head.close();
    }

    @Test
    void addedUserMustChangePassphraseAndCanLogIn() {
        UserAccount added = users.add(" M.Quillane ", " Mirela Quillane ", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
        assertThat(added.username()).isEqualTo(OFFICER);
        assertThat(added.displayName()).isEqualTo("Mirela Quillane");
        assertThat(added.role()).isEqualTo(Role.CONSULAR_OFFICER);
        assertThat(added.enabled()).isTrue();
        assertThat(added.mustChangePassphrase()).isTrue();
        assertThat(users.list()).extracting(UserAccount::username).containsExactly(HEAD, OFFICER);
        try (Session officer = login(dir, state, OFFICER, OTHER_PASSPHRASE)) {
            assertThat(officer.user().mustChangePassphrase()).isTrue();
            new UserService(officer, state, FAST).changeOwnPassphrase(OTHER_PASSPHRASE.toCharArray(),
                    THIRD_PASSPHRASE.toCharArray());
            assertThat(officer.user().mustChangePassphrase()).isFalse();
        }
        try (Session officer = login(dir, state, OFFICER, THIRD_PASSPHRASE)) {
            assertThat(officer.user().mustChangePassphrase()).isFalse();
        }
    }

    @Test
    void addRefusesDuplicatesWeakPassphrasesAndBadNames() {
        users.add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
        assertThat(userError(() -> users.add(OFFICER, "Other Quillane", Role.SURGE_STAFF, THIRD_PASSPHRASE.toCharArray()))
                .key()).isEqualTo("error.user.exists");
        assertThat(userError(() -> users.add("new.one", "New One", Role.SURGE_STAFF, "new.one12345".toCharArray()))
                .key()).isEqualTo("error.passphrase.tooWeak");
        assertThat(userError(() -> users.add("new.one", "New One", Role.SURGE_STAFF, "short".toCharArray()))
                .key()).isEqualTo("error.passphrase.tooShort");
        assertThat(userError(() -> users.add("9lives", "New One", Role.SURGE_STAFF, THIRD_PASSPHRASE.toCharArray()))
                .key()).isEqualTo("error.username.invalid");
        assertThat(userError(() -> users.add("new.one", " ", Role.SURGE_STAFF, THIRD_PASSPHRASE.toCharArray()))
                .key()).isEqualTo("error.user.displayNameRequired");
        assertThat(users.list()).hasSize(2);
        // The first officer's passphrase was not replaced by the refused duplicate.
        login(dir, state, OFFICER, OTHER_PASSPHRASE).close();
    }

    @Test
    void disabledUserCannotLogInUntilEnabled() {
        users.add(SURGE, "Tobiah Orvandel", Role.SURGE_STAFF, OTHER_PASSPHRASE.toCharArray());
        UserAccount disabled = users.disable(SURGE);
        assertThat(disabled.enabled()).isFalse();
        assertThat(users.list()).filteredOn(u -> u.username().equals(SURGE)).singleElement()
                .extracting(UserAccount::enabled).isEqualTo(false);
        head.close();

        assertThat(userError(() -> login(dir, state, SURGE, OTHER_PASSPHRASE)).key()).isEqualTo("error.login.disabled");
        // A correct passphrase for a disabled account is not a failed attempt.
        assertThat(loginService(state).failures(dir, SURGE)).isZero();

        head = loginHead(dir, state);
        users = new UserService(head, state, FAST);
        UserAccount enabled = users.enable(SURGE, THIRD_PASSPHRASE.toCharArray());
        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.mustChangePassphrase()).isTrue();
        head.close();
        // Disabling destroyed the old key: only the new initial passphrase opens the registry.
        assertThat(userError(() -> login(dir, state, SURGE, OTHER_PASSPHRASE)).key()).isEqualTo("error.login.wrongPassphrase");
        try (Session surge = login(dir, state, SURGE, THIRD_PASSPHRASE)) {
            assertThat(surge.user().username()).isEqualTo(SURGE);
            assertThat(surge.user().enabled()).isTrue();
        }
    }

    @Test
    void cannotDisableSelf() {
        assertThat(userError(() -> users.disable(HEAD)).key()).isEqualTo("error.user.disableSelf");
        assertThat(users.list().get(0).enabled()).isTrue();
    }

    @Test
    void unknownUserIsReported() {
        assertThat(userError(() -> users.disable("nobody")).key()).isEqualTo("error.user.unknown");
        assertThat(userError(() -> users.enable(null, THIRD_PASSPHRASE.toCharArray())).key()).isEqualTo("error.user.unknown");
    }

    @Test
    void lastEnabledHeadOfPostIsProtected() {
        String second = "v.dromant";
        users.add(second, "Vesna Dromant", Role.HEAD_OF_POST, OTHER_PASSPHRASE.toCharArray());
        // Two heads: the second logs in (same database, shared by both sessions) and disables the first.
        try (Session secondSession = login(dir, state, second, OTHER_PASSPHRASE)) {
            UserService secondUsers = new UserService(secondSession, state, FAST);
            assertThat(secondUsers.disable(HEAD).enabled()).isFalse();
            // The first head's still open session must not be able to disable the last enabled head.
            assertThat(userError(() -> users.disable(second)).key()).isEqualTo("error.user.lastHead");
            assertThat(secondUsers.list()).filteredOn(u -> u.username().equals(second))
                    .singleElement().extracting(UserAccount::enabled).isEqualTo(true);
            secondUsers.enable(HEAD, THIRD_PASSPHRASE.toCharArray());
        }
    }

    @Test
    void changeOwnPassphraseRewrapsOnlyThatUser() throws IOException {
        users.add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
        users.add(SURGE, "Tobiah Orvandel", Role.SURGE_STAFF, OTHER_PASSPHRASE.toCharArray());
        String holder = Vault.holderId(KeyFileStore.read(dir), OFFICER);
        Properties before = keyProperties();
        List<String> linesBefore = Files.readAllLines(dir.resolve("keys.properties"));
        String prefix = holderPrefix(before, holder);

        try (Session officer = login(dir, state, OFFICER, OTHER_PASSPHRASE)) {
            UserService own = new UserService(officer, state, FAST);
            assertThat(userError(() -> own.changeOwnPassphrase("wrong current passphrase here".toCharArray(),
                    THIRD_PASSPHRASE.toCharArray())).key()).isEqualTo("error.passphrase.currentWrong");
            assertThat(userError(() -> own.changeOwnPassphrase(OTHER_PASSPHRASE.toCharArray(),
                    OTHER_PASSPHRASE.toCharArray())).key()).isEqualTo("error.passphrase.unchanged");
            assertThat(userError(() -> own.changeOwnPassphrase(OTHER_PASSPHRASE.toCharArray(),
                    "mirela quillane".toCharArray())).key()).isEqualTo("error.passphrase.tooWeak");
            assertThat(keyProperties()).isEqualTo(before);
            own.changeOwnPassphrase(OTHER_PASSPHRASE.toCharArray(), THIRD_PASSPHRASE.toCharArray());
        }

        Properties after = keyProperties();
        assertThat(holderPrefix(after, holder)).isEqualTo(prefix);
        assertThat(withoutPrefix(after, prefix)).isEqualTo(withoutPrefix(before, prefix));
        assertThat(after.getProperty(prefix + "wrapped")).isNotEqualTo(before.getProperty(prefix + "wrapped"));
        assertThat(after.getProperty(prefix + "salt")).isNotEqualTo(before.getProperty(prefix + "salt"));
        // Byte-identical lines for every other holder and the recovery entry.
        List<String> linesAfter = Files.readAllLines(dir.resolve("keys.properties"));
        assertThat(linesAfter.stream().filter(l -> !l.startsWith(prefix)).toList())
                .isEqualTo(linesBefore.stream().filter(l -> !l.startsWith(prefix)).toList());

        assertThat(userError(() -> login(dir, state, OFFICER, OTHER_PASSPHRASE)).key())
                .isEqualTo("error.login.wrongPassphrase");
        login(dir, state, OFFICER, THIRD_PASSPHRASE).close();
        login(dir, state, SURGE, OTHER_PASSPHRASE).close();
        login(dir, state, HEAD, PASSPHRASE).close();
    }

    @Test
    void headCanChangeOwnPassphraseToo() {
        users.changeOwnPassphrase(PASSPHRASE.toCharArray(), THIRD_PASSPHRASE.toCharArray());
        assertThat(userError(() -> login(dir, state, HEAD, PASSPHRASE)).key()).isEqualTo("error.login.wrongPassphrase");
        login(dir, state, HEAD, THIRD_PASSPHRASE).close();
    }

    private Properties keyProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("keys.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static String holderPrefix(Properties p, String holder) {
        Set<String> prefixes = p.stringPropertyNames().stream()
                .filter(k -> k.endsWith(".holder") && holder.equals(p.getProperty(k)))
                .map(k -> k.substring(0, k.length() - "holder".length()))
                .collect(Collectors.toSet());
        assertThat(prefixes).hasSize(1);
        return prefixes.iterator().next();
    }

    private static Map<String, String> withoutPrefix(Properties p, String prefix) {
        Map<String, String> out = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (!k.startsWith(prefix)) {
                out.put(k, p.getProperty(k));
            }
        }
        assertThat(out).containsKeys("recovery.wrapped", "registry.id", "holder.salt");
        return out;
    }
}
