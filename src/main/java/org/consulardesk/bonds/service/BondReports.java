package org.consulardesk.bonds.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.Claim;
import org.consulardesk.bonds.model.ClaimItem;
import org.consulardesk.bonds.model.ClaimStatus;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.model.Statement;
import org.consulardesk.core.Messages;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/** Printable documents of the bonds feature as PDF bytes: the employer's statement and the claim decision letter. */
public final class BondReports {
    private static final float[] LEDGER_COLUMNS = {0, 40, 105, 200, 290, 370};
    private static final float[] ITEM_COLUMNS = {0, 120, 330, 410};

    private final Session session;

    public BondReports(Session session) {
        this.session = session;
    }

    /** The per-employer statement: each bond with its ledger and balance; totals per currency. */
    public byte[] statementPdf(long organisationId) {
        session.require(Permission.MANAGE_BONDS);
        Statement s = new StatementService(session).statement(organisationId);
        Employer e = s.employer();
        String post = session.descriptor().postName();
        try (PdfWriter pdf = new PdfWriter(Messages.get("bonds.pdf.statement.title", e.legalName()),
                Messages.get("bonds.pdf.footer", post, s.asOf().toString()))) {
            pdf.paragraph(post);
            pdf.title(Messages.get("bonds.pdf.statement.title", e.legalName()));
            pdf.paragraph(Messages.get("bonds.pdf.statement.employer", e.id(), Messages.get("bonds.kind." + e.kind().name()),
                    nz(e.registrationNumber()), nz(e.licenceNumber()),
                    e.licenceValidUntil() == null ? "-" : e.licenceValidUntil().toString(), nz(e.countryCode()), nz(e.address())));
            if (e.blacklisted()) {
                pdf.paragraph(Messages.get("cli.bonds.statement.blacklisted", nz(e.blacklistReason())));
            }
            pdf.paragraph(Messages.get("bonds.pdf.statement.asOf", s.asOf().toString()));
            if (s.bonds().isEmpty()) {
                pdf.paragraph(Messages.get("cli.bonds.statement.none"));
            }
            for (Statement.Line line : s.bonds()) {
                BondOverview o = line.bond();
                pdf.heading(Messages.get("cli.bonds.statement.bond", o.bond().reference(), o.bond().id(),
                        Messages.get("bonds.instrument." + o.bond().instrument().name()), o.bond().faceAmount().toString(),
                        Messages.get("bonds.state." + o.bond().state().name()), o.bond().termStart().toString(),
                        o.bond().termEnd().toString(), o.coveredWorkers()));
                pdf.row(true, LEDGER_COLUMNS, Messages.get("cli.bonds.col.entry"), Messages.get("cli.bonds.col.date"),
                        Messages.get("cli.bonds.col.kind"), Messages.get("cli.bonds.col.amount"),
                        Messages.get("cli.bonds.col.status"), Messages.get("cli.bonds.col.memo"));
                for (LedgerEntry x : line.entries()) {
                    String memo = nz(x.memo());
                    if (x.original() != null) {
                        memo = Messages.get("cli.bonds.converted", x.original().toString(), x.rate().toPlainString()) + " " + memo;
                    }
                    pdf.row(false, LEDGER_COLUMNS, Long.toString(x.id()),
                            x.enteredAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                            Messages.get("bonds.entry." + x.kind().name()), x.amount().toString(),
                            Messages.get("bonds.entryStatus." + x.status().name()), memo);
                }
                pdf.space(4);
                pdf.paragraph(Messages.get("cli.bonds.statement.balance", o.balance().toString(), o.pendingDebits().abs().toString()));
            }
            pdf.heading(Messages.get("cli.bonds.statement.totals",
                    s.totals().values().stream().map(Money::toString).collect(Collectors.joining("; "))));
            byte[] bytes = pdf.toBytes();
            session.audit().record(AuditEvent.on("BOND_STATEMENT_PRINTED", "organisation", organisationId, "statement"));
            return bytes;
        }
    }

    /** The letter to the worker (copy to the employer) with the decision on a claim and its reason. */
    public byte[] decisionLetterPdf(long claimId) {
        session.require(Permission.MANAGE_BONDS);
        Claim c = new ClaimService(session).get(claimId);
        if (c.decidedBy() == null) {
            throw new org.consulardesk.core.UserError("error.claim.notDecided");
        }
        String post = session.descriptor().postName();
        LocalDate today = LocalDate.now(session.clock());
        try (PdfWriter pdf = new PdfWriter(Messages.get("bonds.pdf.letter.title", c.id()),
                Messages.get("bonds.pdf.footer", post, today.toString()))) {
            pdf.paragraph(post);
            pdf.paragraph(today.toString());
            pdf.space(8);
            pdf.paragraph(Messages.get("bonds.pdf.letter.to", c.givenNames() + " " + c.familyName(), c.personId()));
            pdf.paragraph(Messages.get("bonds.pdf.letter.copy", c.organisationName()));
            pdf.space(8);
            pdf.title(Messages.get("bonds.pdf.letter.title", c.id()));
            pdf.paragraph(Messages.get("bonds.pdf.letter.intro", c.filedOn().toString(), c.bondReference(), c.claimed().toString()));
            pdf.heading(Messages.get("bonds.pdf.letter.items"));
            pdf.row(true, ITEM_COLUMNS, Messages.get("claims.items.col.category"), Messages.get("claims.items.col.description"),
                    Messages.get("claims.items.col.amount"), Messages.get("bonds.pdf.letter.approvedColumn"));
            for (ClaimItem i : c.items()) {
                pdf.row(false, ITEM_COLUMNS, Messages.get("bonds.claim.category." + i.category().name()), i.description(),
                        i.amount().toPlainString(), i.approved() == null ? "0" : i.approved().toPlainString());
            }
            pdf.space(6);
            pdf.heading(Messages.get(c.status() == ClaimStatus.REJECTED ? "bonds.pdf.letter.rejected" : "bonds.pdf.letter.approved",
                    c.approved().toString()));
            pdf.paragraph(Messages.get("bonds.pdf.letter.reason", nz(c.decisionReason())));
            if (c.receiptReference() != null) {
                pdf.paragraph(Messages.get("bonds.pdf.letter.paid", c.paidOn().toString(), c.receiptReference()));
            } else if (c.status() == ClaimStatus.APPROVED) {
                pdf.paragraph(Messages.get("bonds.pdf.letter.toBePaid"));
            }
            pdf.space(12);
            pdf.paragraph(Messages.get("bonds.pdf.letter.decidedBy", c.decidedBy(), c.decidedOn().toString()));
            byte[] bytes = pdf.toBytes();
            session.audit().record(AuditEvent.on("CLAIM_LETTER_PRINTED", "bond_claim", claimId, "letter"));
            return bytes;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
