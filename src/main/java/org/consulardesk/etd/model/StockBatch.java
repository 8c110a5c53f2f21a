package org.consulardesk.etd.model;

import java.time.Instant;

/** A range of numbered blanks received together: prefix + number padded to {@code digits}. */
public record StockBatch(long id, String prefix, long first, long last, int digits, String reference,
        String receivedBy, Instant receivedAt) {
    public int size() {
        return (int) (last - first + 1);
    }

    public String serial(long number) {
        return prefix + String.format("%0" + digits + "d", number);
    }
}
