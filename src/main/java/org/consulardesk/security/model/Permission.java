package org.consulardesk.security.model;

/** Things a user may be allowed to do; services check them before acting. */
public enum Permission {
    MANAGE_USERS,
    VIEW_AUDIT,
    BACKUP,
    CHANGE_SETTINGS,
    VIEW_REGISTRY,
    EDIT_REGISTRY,
    REVEAL_SENSITIVE,
    ISSUE_ETD,
    APPROVE_ETD,
    MANAGE_ETD_STOCK,
    EXPORT_PERSONAL_DATA,
    EXPORT_AGGREGATE,
    IMPORT_EXCHANGE,
    MANAGE_POST_KEYS,
    EDIT_HOTSPOTS,
    MANAGE_BONDS,
    APPROVE_LEDGER,
    DECIDE_CLAIMS,
    /** Undo a merge of duplicate registrations: head of post only (granted through {@code allOf}). */
    UNDO_MERGE
}
