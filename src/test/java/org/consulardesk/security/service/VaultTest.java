package org.consulardesk.security.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consulardesk.testsupport.TestRegistries.FAST;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.consulardesk.core.crypto.RecoveryKey;
import org.consulardesk.security.store.KeyFile;
import org.consulardesk.security.store.KeyFileStore;
import org.consulardesk.security.store.WrappedKey;
import org.junit.jupiter.api.Test;

class VaultTest {
    private static final char[] ALICE_PASS = "amber falcon orbit velvet 1987".toCharArray();
    private static final char[] BOB_PASS = "copper lantern meadow quartz 2042".toCharArray();

    @Test
    void wrapsAndUnwrapsForTheFirstUser() {
        Vault.NewKeys created = Vault.create("o.varenne", ALICE_PASS, FAST);
        byte[] dataKey = created.dataKey().clone();
        assertThat(dataKey).hasSize(Vault.DATA_KEY_BYTES);
        assertThat(Vault.unwrapForUser(created.keyFile(), "o.varenne", ALICE_PASS)).isEqualTo(dataKey);
        // User names are normalised (case, surrounding blanks).
        assertThat(Vault.unwrapForUser(created.keyFile(), "  O.Varenne ", ALICE_PASS)).isEqualTo(dataKey);
    }

    @Test
    void wrongPassphraseOrUnknownUserIsWrongSecret() {
        KeyFile keys = Vault.create("o.varenne", ALICE_PASS, FAST).keyFile();
        assertThatThrownBy(() -> Vault.unwrapForUser(keys, "o.varenne", BOB_PASS)).isInstanceOf(Vault.WrongSecret.class);
        assertThatThrownBy(() -> Vault.unwrapForUser(keys, "o.varenne", new char[0])).isInstanceOf(Vault.WrongSecret.class);
        assertThatThrownBy(() -> Vault.unwrapForUser(keys, "nobody", ALICE_PASS)).isInstanceOf(Vault.WrongSecret.class);
    }

    @Test
    void addedUserOpensTheSameDataKey() {
        Vault.NewKeys created = Vault.create("o.varenne", ALICE_PASS, FAST);
        byte[] dataKey = created.dataKey().clone();
        KeyFile keys = Vault.withUser(created.keyFile(), dataKey, "b.tamsin", BOB_PASS, FAST);
        assertThat(keys.users()).hasSize(2);
        assertThat(Vault.unwrapForUser(keys, "b.tamsin", BOB_PASS)).isEqualTo(dataKey);
        assertThat(Vault.unwrapForUser(keys, "o.varenne", ALICE_PASS)).isEqualTo(dataKey);
        assertThatThrownBy(() -> Vault.unwrapForUser(keys, "b.tamsin", ALICE_PASS)).isInstanceOf(Vault.WrongSecret.class);
    }

    @Test
    void holderIdDoesNotRevealTheUsername() {
        Vault.NewKeys created = Vault.create("o.varenne", ALICE_PASS, FAST);
        KeyFile keys = created.keyFile();
        String holder = Vault.holderId(keys, "o.varenne");
        assertThat(holder).matches("[0-9a-f]{32}").doesNotContainIgnoringCase("varenne");
        assertThat(keys.users()).containsOnlyKeys(holder);
        String file = new String(KeyFileStore.toBytes(keys), StandardCharsets.ISO_8859_1);
        assertThat(file).doesNotContainIgnoringCase("varenne").contains(holder);
        // Keyed by the per-registry salt: the same user in another registry gets another holder id.
        KeyFile other = Vault.create("o.varenne", ALICE_PASS, FAST).keyFile();
        assertThat(Vault.holderId(other, "o.varenne")).isNotEqualTo(holder);
        assertThat(Vault.holderId(keys, "O.VARENNE ")).isEqualTo(holder);
    }

    @Test
    void swappedEntriesBetweenHoldersDoNotOpen() {
        Vault.NewKeys created = Vault.create("o.varenne", ALICE_PASS, FAST);
        KeyFile keys = Vault.withUser(created.keyFile(), created.dataKey(), "b.tamsin", BOB_PASS, FAST);
        String aliceId = Vault.holderId(keys, "o.varenne");
        String bobId = Vault.holderId(keys, "b.tamsin");
        WrappedKey bob = keys.user(bobId).orElseThrow();
        // Bob's ciphertext (opened by Bob's passphrase) placed under Alice's holder id.
        KeyFile swapped = keys.withUser(new WrappedKey(aliceId, bob.kdf(), bob.salt(), bob.nonce(), bob.ciphertext()));
        assertThatThrownBy(() -> Vault.unwrapForUser(swapped, "o.varenne", BOB_PASS)).isInstanceOf(Vault.WrongSecret.class);
        assertThatThrownBy(() -> Vault.unwrapForUser(swapped, "o.varenne", ALICE_PASS)).isInstanceOf(Vault.WrongSecret.class);
        // Bob's own entry is untouched and still opens.
        assertThat(Vault.unwrapForUser(swapped, "b.tamsin", BOB_PASS)).isEqualTo(created.dataKey());
    }

    @Test
    void entryMovedToAnotherRegistryDoesNotOpen() {
        Vault.NewKeys created = Vault.create("o.varenne", ALICE_PASS, FAST);
        KeyFile keys = created.keyFile();
        KeyFile moved = new KeyFile(UUID.randomUUID().toString(), keys.holderSalt(), keys.users(), keys.recovery(),
                keys.revoked());
        assertThatThrownBy(() -> Vault.unwrapForUser(moved, "o.varenne", ALICE_PASS)).isInstanceOf(Vault.WrongSecret.class);
        assertThatThrownBy(() -> Vault.unwrapWithRecovery(moved, created.recoveryKey())).isInstanceOf(Vault.WrongSecret.class);
    }

    @Test
    void recoveryKeyOpensTheDataKey() {
        Vault.NewKeys created = Vault.create("o.varenne", ALICE_PASS, FAST);
        byte[] dataKey = created.dataKey().clone();
        assertThat(Vault.unwrapWithRecovery(created.keyFile(), created.recoveryKey())).isEqualTo(dataKey);
        RecoveryKey retyped = RecoveryKey.parse(created.recoveryKey().formatted().toLowerCase(java.util.Locale.ROOT));
        assertThat(Vault.unwrapWithRecovery(created.keyFile(), retyped)).isEqualTo(dataKey);
        assertThatThrownBy(() -> Vault.unwrapWithRecovery(created.keyFile(), RecoveryKey.generate()))
                .isInstanceOf(Vault.WrongSecret.class);
    }

    @Test
    void keyFileSurvivesSerialisation() {
        Vault.NewKeys created = Vault.create("o.varenne", ALICE_PASS, FAST);
        KeyFile keys = Vault.withUser(created.keyFile(), created.dataKey(), "b.tamsin", BOB_PASS, FAST);
        byte[] bytes = KeyFileStore.toBytes(keys);
        KeyFile read = KeyFileStore.fromBytes(bytes, "test");
        assertThat(KeyFileStore.toBytes(read)).isEqualTo(bytes);
        assertThat(Vault.unwrapForUser(read, "b.tamsin", BOB_PASS)).isEqualTo(created.dataKey());
        assertThat(Vault.unwrapWithRecovery(read, created.recoveryKey())).isEqualTo(created.dataKey());
    }

    @Test
    void subKeysDependOnPurposeAndRegistry() {
        byte[] dataKey = Vault.create("o.varenne", ALICE_PASS, FAST).dataKey();
        byte[] backup = Vault.subKey(dataKey, "r1", "consulardesk backup v1");
        assertThat(backup).hasSize(32).isNotEqualTo(dataKey);
        assertThat(Vault.subKey(dataKey, "r1", "consulardesk backup v1")).isEqualTo(backup);
        assertThat(Vault.subKey(dataKey, "r1", "other purpose")).isNotEqualTo(backup);
        assertThat(Vault.subKey(dataKey, "r2", "consulardesk backup v1")).isNotEqualTo(backup);
    }
}
