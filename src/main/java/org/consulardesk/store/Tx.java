package org.consulardesk.store;

import org.jooq.DSLContext;

/**
 * One database transaction, handed from a service to the stores it calls so that a change and its
 * audit entry commit together. Services pass it on; only store code looks inside.
 */
public final class Tx {
    private final DSLContext dsl;

    Tx(DSLContext dsl) {
        this.dsl = dsl;
    }

    public DSLContext dsl() {
        return dsl;
    }
}
