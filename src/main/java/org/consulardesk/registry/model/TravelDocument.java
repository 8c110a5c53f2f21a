package org.consulardesk.registry.model;

import java.time.LocalDate;

/**
 * An identity or travel document. The scan itself (the electronic backup the seeds recommend) is
 * loaded separately; {@code hasScan} says whether there is one.
 *
 * @param id 0 for a document not saved yet
 */
public record TravelDocument(long id, DocumentType type, String number, String issuingAuthority, LocalDate issuedOn,
                             LocalDate expiresOn, boolean hasScan) {
}
