package org.consulardesk.exchange.model;

import java.time.Instant;

/** One imported export in the HQ workspace, as the consolidation lists it. */
public record PostImport(long id, String registryId, String post, String country, String profile, Instant exportedAt,
                         String exportedBy, Instant importedAt, String importedBy, String fileName, long rows,
                         long persons, boolean superseded) {
}
