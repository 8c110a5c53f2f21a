package org.consulardesk.core.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Derives a 256-bit key-encryption key from a passphrase with Argon2id (memory-hard). */
public final class Argon2Kdf {
    public static final int KEY_BYTES = 32;

    private Argon2Kdf() {
    }

    public static byte[] derive(char[] passphrase, byte[] salt, KdfParams params) {
        byte[] secret = utf8(passphrase);
        try {
            Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(salt)
                    .withMemoryAsKB(params.memoryKiB())
                    .withIterations(params.iterations())
                    .withParallelism(params.parallelism())
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] key = new byte[KEY_BYTES];
            generator.generateBytes(secret, key);
            return key;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** NFC-normalised UTF-8, so the same passphrase typed on another keyboard layout still matches. */
    private static byte[] utf8(char[] passphrase) {
        String normalised = Normalizer.normalize(CharBuffer.wrap(passphrase), Normalizer.Form.NFC);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(normalised);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
