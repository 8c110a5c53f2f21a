package org.consulardesk.store.model;

import java.time.Instant;

/**
 * The plaintext label of a registry folder ({@code registry.properties}), readable before login so
 * the login screen can say which post it opens. It holds no personal data.
 */
public record RegistryDescriptor(String registryId, RegistryKind kind, String postName, String countryCode,
                                 Instant createdAt) {
}
