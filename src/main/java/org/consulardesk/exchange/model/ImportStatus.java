package org.consulardesk.exchange.model;

/** What happened to one workbook given to the HQ import. */
public enum ImportStatus {
    /** Checked and stored; older exports of the same post and profile are superseded. */
    IMPORTED,
    /** This very export was imported before: nothing changed. */
    ALREADY_IMPORTED,
    /** A newer export of the same post and profile is already imported: nothing changed. */
    OLDER_THAN_IMPORTED,
    /** Intact, but the post's key is not registered: compare the fingerprint, register, import again. */
    UNKNOWN_KEY,
    /** Refused (see the issues): nothing of the file was stored. */
    REFUSED
}
