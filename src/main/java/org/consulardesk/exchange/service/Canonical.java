package org.consulardesk.exchange.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.consulardesk.core.crypto.Hashes;

/**
 * The canonical content of a data sheet that the integrity block hashes: every row (header row, HXL
 * row, data rows) as its cells' canonical texts joined by U+001F and ended by U+001E, in UTF-8.
 * Writer and reader compute it from typed values, so a workbook re-saved without changes still
 * verifies, and any changed value does not.
 */
final class Canonical {
    static final char UNIT = '\u001f';
    static final char RECORD = '\u001e';

    private final MessageDigest digest = Hashes.sha256();
    private final StringBuilder row = new StringBuilder(256);
    private boolean first = true;

    void cell(String canonical) {
        if (!first) {
            row.append(UNIT);
        }
        row.append(canonical == null ? "" : canonical);
        first = false;
    }

    void endRow() {
        row.append(RECORD);
        digest.update(row.toString().getBytes(StandardCharsets.UTF_8));
        row.setLength(0);
        first = true;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The canonical text of a number as a spreadsheet stores it (a double). */
    static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number");
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
