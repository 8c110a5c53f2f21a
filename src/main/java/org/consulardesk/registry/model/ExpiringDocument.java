package org.consulardesk.registry.model;

import java.time.LocalDate;

/**
 * A line of the expiring documents call list: a travel document that expires soon, its holder and
 * the holder's preferred phone (null when none is recorded).
 *
 * @param daysLeft days from today to {@code expiresOn}; negative when already expired
 */
public record ExpiringDocument(long documentId, long personId, String familyName, String givenNames, DocumentType type,
                               String number, LocalDate expiresOn, long daysLeft, String phone, String city) {
}
