package org.consulardesk.security.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.FAST;
import static org.consulardesk.testsupport.TestRegistries.entries;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consulardesk.security.service.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileStoreTest {
    @TempDir
    Path dir;

    @Test
    void writesAtomicallyAndReadsBack() {
        KeyFile keys = Vault.create("o.varenne", "amber falcon orbit velvet 1987".toCharArray(), FAST).keyFile();
        KeyFileStore.write(dir, keys);
        assertThat(entries(dir)).containsExactly(KeyFileStore.FILE_NAME);
        assertThat(KeyFileStore.exists(dir)).isTrue();
        assertThat(KeyFileStore.toBytes(KeyFileStore.read(dir))).isEqualTo(KeyFileStore.toBytes(keys));
    }

    @Test
    void unknownFormatAndDamageAreReported() throws Exception {
        KeyFile keys = Vault.create("o.varenne", "amber falcon orbit velvet 1987".toCharArray(), FAST).keyFile();
        String text = new String(KeyFileStore.toBytes(keys), StandardCharsets.ISO_8859_1);
        assertThat(userError(() -> KeyFileStore.fromBytes(text.replace("format=1", "format=2")
                .getBytes(StandardCharsets.ISO_8859_1), "k")).key()).isEqualTo("error.keyfile.format");
        assertThat(userError(() -> KeyFileStore.fromBytes(text.replaceAll("recovery\\.wrapped=.*\n", "")
                .getBytes(StandardCharsets.ISO_8859_1), "k")).key()).isEqualTo("error.keyfile.corrupt");
        assertThat(userError(() -> KeyFileStore.fromBytes(text.replaceAll("user\\.0\\.kdf=.*\n", "user.0.kdf=scrypt\n")
                .getBytes(StandardCharsets.ISO_8859_1), "k")).key()).isEqualTo("error.keyfile.corrupt");
        assertThat(userError(() -> KeyFileStore.fromBytes(text.replaceAll("holder\\.salt=.*\n", "holder.salt=***\n")
                .getBytes(StandardCharsets.ISO_8859_1), "k")).key()).isEqualTo("error.keyfile.corrupt");
        assertThat(userError(() -> KeyFileStore.read(dir.resolve("absent"))).key()).isEqualTo("error.registry.notFound");
        Files.createDirectories(dir.resolve("r"));
        Files.writeString(dir.resolve("r").resolve(KeyFileStore.FILE_NAME), "garbage without format");
        assertThat(userError(() -> KeyFileStore.read(dir.resolve("r"))).key()).isEqualTo("error.keyfile.format");
    }
}
