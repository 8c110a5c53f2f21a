package org.consulardesk.security.model;

import java.time.Instant;

/** A staff account of the post. Passphrases are never stored; only the key file knows them. */
public record UserAccount(long id, String username, String displayName, Role role, boolean enabled,
                          boolean mustChangePassphrase, Instant createdAt, int version) {
}
