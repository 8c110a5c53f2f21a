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
    MANAGE_BONDS,
    APPROVE_LEDGER,
    DECIDE_CLAIMS
}
