package org.consulardesk.exchange.model;

/** How a workbook's signing key relates to the key this registry knows for the post. */
public enum KeyTrust {
    /** The key is the one registered (or given) for the post. */
    KNOWN,
    /** No key is registered for the post: the fingerprint must be compared with the post first. */
    UNKNOWN,
    /** A different key is registered for the post: refused. */
    MISMATCH
}
