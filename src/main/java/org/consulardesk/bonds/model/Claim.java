package org.consulardesk.bonds.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A worker's claim on a bond (filed through an officer): items, evidence, the employer's notice and
 * answer, the assessment, the decision with its reason, and the payout with its receipt.
 */
public record Claim(long id, int version, long bondId, String bondReference, long organisationId,
                    String organisationName, long personId, String familyName, String givenNames,
                    java.util.Currency currency, LocalDate filedOn, LocalDate decisionDue, ClaimStatus status,
                    String statement, LocalDate employerNotifiedOn, String employerNotifiedHow, String employerResponse,
                    String assessment, String assessedBy, String decidedBy, LocalDate decidedOn, String decisionReason,
                    String receiptReference, LocalDate paidOn, String filedBy, List<ClaimItem> items,
                    List<BondDocument> evidence) {
    public Claim {
        items = List.copyOf(items);
        evidence = List.copyOf(evidence);
    }

    /** The same claim shown with the registration that stands for the worker now (after a merge, ADR 0064). */
    public Claim withPerson(long id, String family, String given) {
        return new Claim(this.id, version, bondId, bondReference, organisationId, organisationName, id, family, given,
                currency, filedOn, decisionDue, status, statement, employerNotifiedOn, employerNotifiedHow, employerResponse,
                assessment, assessedBy, decidedBy, decidedOn, decisionReason, receiptReference, paidOn, filedBy, items,
                evidence);
    }

    public Money claimed() {
        return new Money(items.stream().map(ClaimItem::amount).reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add), currency);
    }

    public Money approved() {
        return new Money(items.stream().map(i -> i.approved() == null ? java.math.BigDecimal.ZERO : i.approved())
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add), currency);
    }

    /** Undecided after its decision date. */
    public boolean overdue(LocalDate today) {
        return status.awaitingDecision() && today.isAfter(decisionDue);
    }
}
