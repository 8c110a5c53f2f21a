package org.consulardesk.exchange.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Rewrites one entry of a zip (an .xlsx) as an attacker or a careless editor would. */
final class ZipEdit {
    private ZipEdit() {
    }

    static void edit(Path zip, String entry, UnaryOperator<String> change) throws IOException {
        Path out = zip.resolveSibling(zip.getFileName() + ".edited");
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            var entries = in.entries();
            boolean found = false;
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                z.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    if (e.getName().equals(entry)) {
                        found = true;
                        z.write(change.apply(new String(data.readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                    } else {
                        data.transferTo(z);
                    }
                }
                z.closeEntry();
            }
            if (!found) {
                throw new IllegalArgumentException("no entry " + entry);
            }
        }
        Files.move(out, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Replaces an entry with content written by {@code writer} (for huge streamed entries). */
    static void replace(Path zip, String entry, IoWriter writer) throws IOException {
        Path out = zip.resolveSibling(zip.getFileName() + ".edited");
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    writer.write(z);
                } else {
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(z);
                    }
                }
                z.closeEntry();
            }
        }
        Files.move(out, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    interface IoWriter {
        void write(OutputStream out) throws IOException;
    }
}
