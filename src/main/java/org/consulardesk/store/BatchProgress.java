package org.consulardesk.store;

/** How far a batched backfill got: {@code done} of {@code total} person ids, after each committed batch. */
@FunctionalInterface
interface BatchProgress {
    void batch(long done, long total);
}
