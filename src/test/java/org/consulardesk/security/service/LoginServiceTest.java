package org.consulardesk.security.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consulardesk.core.UserError;
import org.consulardesk.core.crypto.RecoveryKey;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.model.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginServiceTest {
    private static final String OFFICER = "m.quillane";

    @TempDir
    Path tmp;
    Path dir;
    Path state;
    RecoveryKey recoveryKey;
    final List<Long> sleeps = new ArrayList<>();
    LoginService login;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("registry");
        state = tmp.resolve("state");
        RegistryCreator.Created created = create(dir);
        recoveryKey = created.recoveryKey();
        try (Session head = created.session()) {
            new UserService(head, state, FAST).add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER,
                    OTHER_PASSPHRASE.toCharArray());
        }
        login = loginService(state, sleeps::add);
    }

    @Test
    void goodLoginOpensASession() {
        try (Session s = login.login(dir, HEAD, PASSPHRASE.toCharArray())) {
            assertThat(s.user().username()).isEqualTo(HEAD);
            assertThat(s.user().role()).isEqualTo(Role.HEAD_OF_POST);
            assertThat(s.dir()).isEqualTo(dir);
        }
        try (Session s = login.login(dir, "  M.Quillane ", OTHER_PASSPHRASE.toCharArray())) {
            assertThat(s.user().username()).isEqualTo(OFFICER);
            assertThat(s.user().mustChangePassphrase()).isTrue();
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void wrongPassphraseChangesNoRegistryFile() {
        Map<String, String> before = sha256Tree(dir);
        assertThat(before).containsKeys("keys.properties", "registry.properties", "registry.mv.db");

        UserError e = userError(() -> login.login(dir, HEAD, "amber falcon orbit velvet 1988".toCharArray()));
        assertThat(e.key()).isEqualTo("error.login.wrongPassphrase");
        assertThat(e.args()).containsExactly(LoginService.MAX_FAILURES - 1);
        UserError unknown = userError(() -> login.login(dir, "nobody", PASSPHRASE.toCharArray()));
        assertThat(unknown.key()).isEqualTo("error.login.wrongPassphrase");

        assertThat(sha256Tree(dir)).isEqualTo(before);
        assertThat(login.failures(dir, HEAD)).isEqualTo(1);
    }

    @Test
    void delayGrowsWithEachFailureAndTheFifthLocks() {
        char[] wrong = "not the right passphrase at all".toCharArray();
        for (int i = 1; i < LoginService.MAX_FAILURES; i++) {
            UserError e = userError(() -> login.login(dir, OFFICER, wrong));
            assertThat(e.key()).isEqualTo("error.login.wrongPassphrase");
            assertThat(e.args()).containsExactly(LoginService.MAX_FAILURES - i);
        }
        UserError fifth = userError(() -> login.login(dir, OFFICER, wrong));
        assertThat(fifth.key()).isEqualTo("error.login.nowLocked");

        assertThat(sleeps).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L);
        for (int i = 1; i < sleeps.size(); i++) {
            assertThat(sleeps.get(i)).isGreaterThan(sleeps.get(i - 1));
        }

        Map<String, String> before = sha256Tree(dir);
        UserError locked = userError(() -> login.login(dir, OFFICER, OTHER_PASSPHRASE.toCharArray()));
        assertThat(locked.key()).isEqualTo("error.login.locked");
        assertThat(sleeps).hasSize(5);
        assertThat(sha256Tree(dir)).isEqualTo(before);

        // Other users are not affected.
        login.login(dir, HEAD, PASSPHRASE.toCharArray()).close();
    }

    @Test
    void delayIsCapped() {
        assertThat(LoginService.delayAfterFailure(1)).isEqualTo(1000);
        assertThat(LoginService.delayAfterFailure(5)).isEqualTo(16000);
        assertThat(LoginService.delayAfterFailure(6)).isEqualTo(16000);
        assertThat(LoginService.delayAfterFailure(1000)).isEqualTo(16000);
    }

    @Test
    void successResetsTheFailureCount() {
        userError(() -> login.login(dir, OFFICER, "not the right passphrase at all".toCharArray()));
        userError(() -> login.login(dir, OFFICER, "not the right passphrase at all".toCharArray()));
        assertThat(login.failures(dir, OFFICER)).isEqualTo(2);
        login.login(dir, OFFICER, OTHER_PASSPHRASE.toCharArray()).close();
        assertThat(login.failures(dir, OFFICER)).isZero();
        UserError again = userError(() -> login.login(dir, OFFICER, "not the right passphrase at all".toCharArray()));
        assertThat(again.args()).containsExactly(LoginService.MAX_FAILURES - 1);
    }

    @Test
    void headOfPostResetsALockout() {
        lockOut(OFFICER);
        assertThat(userError(() -> login.login(dir, OFFICER, OTHER_PASSPHRASE.toCharArray())).key())
                .isEqualTo("error.login.locked");
        try (Session head = login.login(dir, HEAD, PASSPHRASE.toCharArray())) {
            UserService users = new UserService(head, state, FAST);
            assertThat(users.failedAttempts(OFFICER)).isEqualTo(LoginService.MAX_FAILURES);
            users.resetLockout(OFFICER);
            assertThat(users.failedAttempts(OFFICER)).isZero();
        }
        try (Session officer = login.login(dir, OFFICER, OTHER_PASSPHRASE.toCharArray())) {
            assertThat(officer.user().username()).isEqualTo(OFFICER);
        }
    }

    @Test
    void recoveryKeyClearsLockoutAndSetsANewPassphrase() {
        lockOut(HEAD);
        assertThat(userError(() -> login.login(dir, HEAD, PASSPHRASE.toCharArray())).key()).isEqualTo("error.login.locked");

        RecoveryKey retyped = RecoveryKey.parse(recoveryKey.formatted().toLowerCase(java.util.Locale.ROOT).replace('-', ' '));
        try (Session s = login.recover(dir, retyped, HEAD, THIRD_PASSPHRASE.toCharArray(), FAST)) {
            assertThat(s.user().username()).isEqualTo(HEAD);
        }
        assertThat(login.failures(dir, HEAD)).isZero();
        try (Session s = login.login(dir, HEAD, THIRD_PASSPHRASE.toCharArray())) {
            assertThat(s.user().role()).isEqualTo(Role.HEAD_OF_POST);
        }
        assertThat(userError(() -> login.login(dir, HEAD, PASSPHRASE.toCharArray())).key())
                .isEqualTo("error.login.wrongPassphrase");
        // The officer's passphrase still works.
        login.login(dir, OFFICER, OTHER_PASSPHRASE.toCharArray()).close();
    }

    @Test
    void recoveryRefusesAWrongKeyANonHeadOrAWeakPassphrase() {
        Map<String, String> before = sha256Tree(dir);
        assertThat(userError(() -> login.recover(dir, RecoveryKey.generate(), HEAD, THIRD_PASSPHRASE.toCharArray(), FAST))
                .key()).isEqualTo("error.recovery.wrongKey");
        assertThat(sha256Tree(dir)).isEqualTo(before);
        assertThat(userError(() -> login.recover(dir, recoveryKey, OFFICER, THIRD_PASSPHRASE.toCharArray(), FAST))
                .key()).isEqualTo("error.recovery.notHead");
        assertThat(userError(() -> login.recover(dir, recoveryKey, HEAD, "short".toCharArray(), FAST))
                .key()).isEqualTo("error.passphrase.tooShort");
        // Nothing changed: the old passphrases still work.
        login.login(dir, HEAD, PASSPHRASE.toCharArray()).close();
        login.login(dir, OFFICER, OTHER_PASSPHRASE.toCharArray()).close();
    }

    @Test
    void unlockChecksThePassphraseAndSwitchesUser() {
        try (Session s = login.login(dir, HEAD, PASSPHRASE.toCharArray())) {
            assertThat(userError(() -> login.unlock(s, HEAD, "not the right passphrase at all".toCharArray())).key())
                    .isEqualTo("error.login.wrongPassphrase");
            assertThat(login.unlock(s, HEAD, PASSPHRASE.toCharArray()).username()).isEqualTo(HEAD);
            assertThat(s.user().username()).isEqualTo(HEAD);
            login.unlock(s, OFFICER, OTHER_PASSPHRASE.toCharArray());
            assertThat(s.user().username()).isEqualTo(OFFICER);
            assertThat(s.can(Permission.MANAGE_USERS)).isFalse();
        }
    }

    @Test
    void missingFolderIsReported() {
        assertThat(userError(() -> login.login(tmp.resolve("absent"), HEAD, PASSPHRASE.toCharArray())).key())
                .isEqualTo("error.registry.notFound");
    }

    private void lockOut(String username) {
        for (int i = 0; i < LoginService.MAX_FAILURES; i++) {
            userError(() -> login.login(dir, username, "not the right passphrase at all".toCharArray()));
        }
        assertThat(login.failures(dir, username)).isEqualTo(LoginService.MAX_FAILURES);
    }
}
