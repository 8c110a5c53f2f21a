package org.consulardesk.store.model;

import java.util.List;

/**
 * What opening a registry whose schema is behind reports while it upgrades it (ADR 0068). Called on
 * the thread that opens the database, never the UI thread; an exception thrown here stops the
 * upgrade like a failed step (what was committed stays, the next open continues).
 */
public interface UpgradeListener {
    UpgradeListener NONE = new UpgradeListener() {
    };

    /** Before the first step; {@code steps} is never empty. */
    default void started(List<UpgradeStep> steps) {
    }

    default void stepStarted(UpgradeStep step) {
    }

    /**
     * A batched step committed another batch: {@code done} of {@code total} registration numbers
     * (person ids) are through.
     */
    default void progress(UpgradeStep step, long done, long total) {
    }

    /** After the last step succeeded. */
    default void finished(List<UpgradeStep> steps) {
    }
}
