package org.consulardesk.registry.model;

/**
 * A registration another record points at ({@code id}, as stored in that record) and the
 * registration that stands for it now ({@code currentId}): the same one, or the one it was merged
 * into, followed through later merges (ADR 0064). The names are those of the current registration.
 */
public record PersonRef(long id, long currentId, String familyName, String givenNames) {

    /** True when the stored id was merged into another registration. */
    public boolean merged() {
        return id != currentId;
    }
}
