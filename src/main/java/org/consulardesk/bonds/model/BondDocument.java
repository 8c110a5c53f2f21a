package org.consulardesk.bonds.model;

import java.time.Instant;

/** A scan kept with a bond or a claim (guarantee letter, policy, receipt, evidence); content apart. */
public record BondDocument(long id, String title, String mediaType, int size, String addedBy, Instant addedAt) {
}
