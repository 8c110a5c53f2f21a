package org.consulardesk.registry.model;

import java.time.Instant;

/**
 * One merge of two registrations, for the list of merges (undo).
 *
 * @param undoneAt null while the merge stands
 */
public record MergeEntry(long id, long survivorId, String survivorName, long mergedId, String mergedName,
                         Instant mergedAt, String mergedBy, Instant undoneAt) {
}
