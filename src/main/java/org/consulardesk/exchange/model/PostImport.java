package org.consulardesk.exchange.model;

import java.time.Instant;

/**
 * One imported export in the HQ workspace, as the consolidation lists it.
 *
 * @param schemaVersion the workbook's exchange schema version (1 for imports recorded before it was kept)
 */
public record PostImport(long id, String registryId, String post, String country, String profile, Instant exportedAt,
                         String exportedBy, Instant importedAt, String importedBy, String fileName, long rows,
                         long persons, boolean superseded, int schemaVersion) {
}
