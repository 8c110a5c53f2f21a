package org.consulardesk.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks for tokens (names) in files as UTF-8, UTF-16LE and UTF-16BE, ignoring ASCII case. Zip files
 * are also searched entry by entry after inflating, since deflate would hide plaintext.
 */
public final class PlaintextScanner {
    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    private final List<String> tokens;

    public PlaintextScanner(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /** Findings as "file[!entry]: token (encoding)"; empty when nothing was found. */
    public List<String> scan(List<Path> files) {
        List<String> findings = new ArrayList<>();
        for (Path file : files) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            scan(file.toString(), content, findings, 0);
        }
        return findings;
    }

    private void scan(String name, byte[] content, List<String> findings, int depth) {
        byte[] folded = foldAscii(content);
        for (String token : tokens) {
            for (Charset charset : ENCODINGS) {
                byte[] pattern = foldAscii(token.getBytes(charset));
                if (indexOf(folded, pattern) >= 0) {
                    findings.add(name + ": " + token + " (" + charset + ")");
                }
            }
        }
        if (depth < 3 && content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    scan(name + "!" + entry.getName(), zip.readAllBytes(), findings, depth + 1);
                }
            } catch (IOException e) {
                // Not a readable zip after all: the raw bytes were scanned above.
            }
        }
    }

    static byte[] foldAscii(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] = (byte) (out[i] + ('a' - 'A'));
            }
        }
        return out;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return 0;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
