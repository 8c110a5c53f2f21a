package org.consulardesk.bonds.model;

import java.time.LocalDate;

/** A worker a bond covers, with the employment terms it secures ({@code monthlyWage} may be null). */
public record CoveredWorker(long personId, String familyName, String givenNames, String positionTitle,
                            LocalDate contractStart, LocalDate contractEnd, Money monthlyWage) {
}
