package org.consulardesk.registry.model;

/** Why two registrations may be the same person (shown as "same document number", ...). */
public enum DuplicateReason {
    SAME_DOCUMENT,
    SAME_PHONE,
    SAME_BIRTH_DATE,
    SAME_NAME,
    SIMILAR_NAME;

    public String messageKey() {
        return "duplicates.reason." + name();
    }
}
