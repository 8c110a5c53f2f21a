package org.consulardesk.core.crypto;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;

/**
 * Streams large payloads (backups) through AES-256-GCM in 1 MiB segments, so neither side holds the
 * whole file in memory. Each segment's nonce is a random prefix plus its index, and its associated
 * data says whether it is the last one: reordering, dropping or truncating segments fails
 * authentication (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár).
 */
public final class SegmentedAead {
    public static final int SEGMENT_BYTES = 1 << 20;
    private static final int PREFIX_BYTES = 7;
    private static final int TAG_BYTES = 16;

    private SegmentedAead() {
    }

    /** Encrypts {@code in} to {@code out}: writes the nonce prefix, then the segments. */
    public static void encrypt(byte[] key, byte[] header, InputStream in, OutputStream out) throws IOException {
        byte[] prefix = Randoms.bytes(PREFIX_BYTES);
        out.write(prefix);
        byte[] current = in.readNBytes(SEGMENT_BYTES);
        long index = 0;
        while (true) {
            byte[] next = current.length < SEGMENT_BYTES ? new byte[0] : in.readNBytes(SEGMENT_BYTES);
            boolean last = next.length == 0;
            out.write(seal(key, prefix, index, last, header, current));
            if (last) {
                return;
            }
            current = next;
            index++;
        }
    }

    /**
     * Decrypts to {@code out}. Output written before a failure must be discarded by the caller;
     * restore writes into a fresh folder and deletes it on failure.
     *
     * @throws Aead.AuthenticationFailed if the key is wrong or the stream was altered or truncated
     */
    public static void decrypt(byte[] key, byte[] header, InputStream in, OutputStream out) throws IOException {
        byte[] prefix = in.readNBytes(PREFIX_BYTES);
        if (prefix.length != PREFIX_BYTES) {
            throw new Aead.AuthenticationFailed();
        }
        int sealedSize = SEGMENT_BYTES + TAG_BYTES;
        byte[] current = in.readNBytes(sealedSize);
        long index = 0;
        while (true) {
            if (current.length < TAG_BYTES) {
                throw new Aead.AuthenticationFailed();
            }
            byte[] next = current.length < sealedSize ? new byte[0] : in.readNBytes(sealedSize);
            boolean last = next.length == 0;
            out.write(open(key, prefix, index, last, header, current));
            if (last) {
                return;
            }
            current = next;
            index++;
        }
    }

    private static byte[] seal(byte[] key, byte[] prefix, long index, boolean last, byte[] header, byte[] plain) {
        try {
            Cipher cipher = Aead.cipher(Cipher.ENCRYPT_MODE, key, nonce(prefix, index, last));
            cipher.updateAAD(header);
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] open(byte[] key, byte[] prefix, long index, boolean last, byte[] header, byte[] sealed) {
        try {
            Cipher cipher = Aead.cipher(Cipher.DECRYPT_MODE, key, nonce(prefix, index, last));
            cipher.updateAAD(header);
            return cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new Aead.AuthenticationFailed();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] nonce(byte[] prefix, long index, boolean last) {
        if (index > Integer.MAX_VALUE) {
            throw new IllegalStateException("payload too large for one stream");
        }
        ByteBuffer nonce = ByteBuffer.allocate(Aead.NONCE_BYTES);
        nonce.put(prefix);
        nonce.putInt((int) index);
        nonce.put((byte) (last ? 1 : 0));
        return nonce.array();
    }

    /** Convenience for tests and small payloads. */
    public static byte[] decryptAll(byte[] key, byte[] header, byte[] sealed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new java.io.ByteArrayInputStream(sealed)) {
            decrypt(key, header, in, out);
        } catch (EOFException e) {
            throw new Aead.AuthenticationFailed();
        }
        return out.toByteArray();
    }
}
