package org.consulardesk.etd.model;

/**
 * A problem of the stock: {@code GAP} a blank marked issued with no document for it, or a document whose
 * number is not a blank of the stock; {@code DOUBLE_USE} one number on two documents, or on a document
 * and spoiled; {@code SKIPPED} a blank still on hand below numbers already used from the same batch.
 */
public record StockFlag(Kind kind, String serial) {
    public enum Kind {
        GAP, DOUBLE_USE, SKIPPED
    }
}
