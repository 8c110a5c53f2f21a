package org.consulardesk.bonds.model;

import java.time.LocalDate;

/** A worker a bond covers, with the employment terms it secures ({@code monthlyWage} may be null). */
public record CoveredWorker(long personId, String familyName, String givenNames, String positionTitle,
                            LocalDate contractStart, LocalDate contractEnd, Money monthlyWage) {

    /** The same worker shown as the registration that stands for them now (after a merge, ADR 0064). */
    public CoveredWorker withPerson(long id, String family, String given) {
        return new CoveredWorker(id, family, given, positionTitle, contractStart, contractEnd, monthlyWage);
    }
}
