package org.consulardesk.security.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginAttemptStoreTest {
    @TempDir
    Path state;

    @Test
    void countsPerHolderAndRegistry() {
        LoginAttemptStore a = new LoginAttemptStore(state, "11111111-2222-3333-4444-555555555555");
        LoginAttemptStore b = new LoginAttemptStore(state, "99999999-2222-3333-4444-555555555555");
        assertThat(a.failures("h1")).isZero();
        assertThat(a.recordFailure("h1")).isEqualTo(1);
        assertThat(a.recordFailure("h1")).isEqualTo(2);
        assertThat(a.recordFailure("h2")).isEqualTo(1);
        assertThat(b.failures("h1")).isZero();
        // A new instance reads the same file.
        assertThat(new LoginAttemptStore(state, "11111111-2222-3333-4444-555555555555").failures("h1")).isEqualTo(2);
        a.clear("h1");
        assertThat(a.failures("h1")).isZero();
        assertThat(a.failures("h2")).isEqualTo(1);
    }

    @Test
    void registryIdCannotEscapeTheStateFolder() {
        LoginAttemptStore evil = new LoginAttemptStore(state, "../../outside");
        evil.recordFailure("h1");
        assertThat(state.resolve("login-attempts/outside.properties")).isRegularFile();
        assertThat(state.getParent().resolve("outside.properties")).doesNotExist();
    }

    @Test
    void damagedCounterFileCountsAsEmpty() throws Exception {
        LoginAttemptStore store = new LoginAttemptStore(state, "r1");
        store.recordFailure("h1");
        Files.writeString(state.resolve("login-attempts/r1.properties"), "h1=\\u00zz\n");
        assertThat(store.failures("h1")).isZero();
    }
}
