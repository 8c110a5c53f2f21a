package org.consulardesk.bonds.model;

import java.time.LocalDate;

/** A registrant employed or recruited by an organisation (from the registry's employment records). */
public record EmployerWorker(long personId, String familyName, String givenNames, boolean recruitedOnly, String sector,
                             LocalDate contractStart, LocalDate contractEnd) {
}
