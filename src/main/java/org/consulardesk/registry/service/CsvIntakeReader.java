package org.consulardesk.registry.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;

/**
 * CSV in UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark; the
 * delimiter (comma, semicolon or tab) is taken from the header line. Bytes that are not valid in
 * the encoding stop the reading with the line number: nothing is guessed or replaced.
 */
final class CsvIntakeReader {
    private CsvIntakeReader() {
    }

    static void read(Path file, IntakeFiles.Limits limits, ProgressSink progress, IntakeFiles.RowHandler handler) {
        String name = file.getFileName().toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Charset charset = skipBom(raw);
            char delimiter = delimiter(file, charset);
            LineCountingReader reader = new LineCountingReader(raw, charset, name);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                int number = 0;
                for (CSVRecord record : parser) {
                    number++;
                    IntakeFiles.checkRows(number, limits, name);
                    if (number % 1000 == 0) {
                        progress.checkCancelled();
                    }
                    List<String> cells = new ArrayList<>(record.size());
                    record.forEach(cells::add);
                    if (!handler.row((int) record.getRecordNumber(), cells)) {
                        return;
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw damaged(e, name, reader);
            }
        } catch (IOException e) {
            throw new UserError("error.intake.damagedAt", name, "?");
        }
    }

    private static UserError damaged(RuntimeException e, String name, LineCountingReader reader) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserError u) {
                return u;
            }
        }
        return new UserError("error.intake.damagedAt", name, reader.line());
    }

    /** Reads a byte order mark if there is one; without one the file must be UTF-8. */
    private static Charset skipBom(InputStream in) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(3);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16BE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            in.skipNBytes(2);
            return StandardCharsets.UTF_16LE;
        }
        return StandardCharsets.UTF_8;
    }

    /** The most frequent of comma, semicolon and tab outside quotes on the first line. */
    private static char delimiter(Path file, Charset charset) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            skipBom(in);
            byte[] head = in.readNBytes(64 * 1024);
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(head)).toString();
            int comma = 0;
            int semicolon = 0;
            int tab = 0;
            boolean quoted = false;
            for (char c : text.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted) {
                    comma += c == ',' ? 1 : 0;
                    semicolon += c == ';' ? 1 : 0;
                    tab += c == '\t' ? 1 : 0;
                }
            }
            return semicolon > comma && semicolon >= tab ? ';' : tab > comma ? '\t' : ',';
        }
    }

    /**
     * Decodes strictly ({@link CodingErrorAction#REPORT}) and counts lines, so an invalid byte is
     * reported with the line it is on.
     */
    static final class LineCountingReader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private final String name;
        private final ByteBuffer bytes = ByteBuffer.allocate(8192);
        private boolean eof;
        private long line = 1;

        LineCountingReader(InputStream in, Charset charset, String name) {
            this.in = in;
            this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            this.name = name;
            bytes.flip();
        }

        long line() {
            return line;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(buffer, offset, length);
            while (out.position() == offset) {
                CoderResult result = decoder.decode(bytes, out, eof);
                if (result.isError()) {
                    count(buffer, offset, out.position());
                    throw new UserError("error.intake.encoding", name, line);
                }
                if (result.isOverflow()) {
                    break;
                }
                if (eof) {
                    decoder.flush(out);
                    if (out.position() == offset) {
                        return -1;
                    }
                    break;
                }
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            count(buffer, offset, out.position());
            return out.position() - offset;
        }

        /** Counts lines; a NUL character means UTF-16 without a byte order mark, or a binary file. */
        private void count(char[] buffer, int from, int to) {
            for (int i = from; i < to; i++) {
                if (buffer[i] == '\n') {
                    line++;
                } else if (buffer[i] == '\0') {
                    throw new UserError("error.intake.encoding", name, line);
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
