package org.consulardesk.store.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The clear part of a backup file: what it is, which registry, and the wrapped keys needed to open
 * it. The whole header is authenticated as associated data of the encrypted payload, so changing
 * a byte of it makes the backup fail to open.
 */
public record BackupHeader(String registryId, Instant createdAt, byte[] descriptor, byte[] keyFile) {
    static final byte[] MAGIC = "CONSULARDESK-BACKUP".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT = 1;
    private static final int MAX_PART = 1 << 20;

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(registryId);
            out.writeUTF(createdAt.toString());
            out.writeInt(descriptor.length);
            out.write(descriptor);
            out.writeInt(keyFile.length);
            out.write(keyFile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    public void writeTo(OutputStream out) throws IOException {
        byte[] encoded = encode();
        new DataOutputStream(out).writeInt(encoded.length);
        out.write(encoded);
    }

    /** Reads and returns the header and its exact bytes (needed as associated data). */
    public static Read readFrom(InputStream in) throws IOException, NotABackup {
        DataInputStream data = new DataInputStream(in);
        try {
            int length = data.readInt();
            if (length <= MAGIC.length || length > 4 * MAX_PART) {
                throw new NotABackup();
            }
            byte[] encoded = data.readNBytes(length);
            if (encoded.length != length) {
                throw new NotABackup();
            }
            DataInputStream h = new DataInputStream(new java.io.ByteArrayInputStream(encoded));
            byte[] magic = h.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || h.readInt() != FORMAT) {
                throw new NotABackup();
            }
            String registryId = h.readUTF();
            Instant createdAt = Instant.parse(h.readUTF());
            byte[] descriptor = part(h);
            byte[] keyFile = part(h);
            return new Read(new BackupHeader(registryId, createdAt, descriptor, keyFile), encoded);
        } catch (EOFException | java.time.format.DateTimeParseException e) {
            throw new NotABackup();
        }
    }

    private static byte[] part(DataInputStream h) throws IOException, NotABackup {
        int n = h.readInt();
        if (n < 0 || n > MAX_PART) {
            throw new NotABackup();
        }
        byte[] bytes = h.readNBytes(n);
        if (bytes.length != n) {
            throw new NotABackup();
        }
        return bytes;
    }

    public record Read(BackupHeader header, byte[] encoded) {
    }

    /** The file does not start like a ConsularDesk backup. */
    public static final class NotABackup extends Exception {
        public NotABackup() {
            super("not a ConsularDesk backup");
        }
    }
}
