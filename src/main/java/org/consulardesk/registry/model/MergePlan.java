package org.consulardesk.registry.model;

/**
 * What the merge screen decided: {@code result} is the surviving registration as it will be saved
 * (id and version of the survivor; documents and consents keep their ids, from either side).
 *
 * @param mergedVersion the version of the other record as read, so a change made meanwhile is refused
 */
public record MergePlan(long mergedId, int mergedVersion, Registration result) {
}
