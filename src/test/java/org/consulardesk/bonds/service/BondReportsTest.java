package org.consulardesk.bonds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.Claim;
import org.consulardesk.bonds.model.ClaimCategory;
import org.consulardesk.bonds.model.ClaimItem;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.NewClaim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statement and the decision letter as PDF, read back with PDFBox. */
class BondReportsTest {
    @TempDir
    Path tmp;
    BondFixtures f;
    long employer;
    long worker;
    Bond bond;

    @BeforeEach
    void open() {
        f = new BondFixtures(tmp);
        employer = f.employer("Savanna Builders Ltd").id();
        worker = f.worker(employer, "Łukasiewicz", "Zoë");
        f.threshold("100000", "USD");
        BondService bonds = new BondService(f.officer);
        Bond b = f.bond(employer, "2000", "USD", false);
        bonds.addWorker(b.id(), new CoveredWorker(worker, null, null, null, null, null, null));
        LedgerService ledger = new LedgerService(f.officer);
        ledger.post(b.id(), EntryRequest.of(EntryKind.DEPOSIT, "2000", "USD", "cash receipt 7781"));
        bond = bonds.activate(b.id(), bonds.get(b.id()).version());
        ledger.post(b.id(), EntryRequest.of(EntryKind.TOP_UP, "100", "EUR", "euro top-up").withRate(new BigDecimal("1.08")));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void statementShowsTheLedgerAndTheBalance() throws Exception {
        String t = text(new BondReports(f.officer).statementPdf(employer));
        assertThat(t).contains("Bond statement: Savanna Builders Ltd").contains("2000.00 USD").contains("cash receipt 7781")
                .contains("from 100.00 EUR at 1.08").contains("Balance 2108.00 USD").contains("Balances per currency: 2108.00 USD");
    }

    @Test
    void decisionLetterGivesTheReasonAndKeepsTheNameReadable() throws Exception {
        ClaimService claims = new ClaimService(f.officer);
        Claim c = claims.file(new NewClaim(bond.id(), worker, Currency.getInstance("USD"), "unpaid",
                List.of(ClaimItem.of(ClaimCategory.OUTSTANDING_WAGES, "Wages for October", "600"))));
        assertThat(userError(() -> new BondReports(f.officer).decisionLetterPdf(c.id())).key()).isEqualTo("error.claim.notDecided");
        Claim n = claims.notifyEmployer(c.id(), c.version(), c.filedOn(), "letter", null);
        Claim a = claims.assess(c.id(), n.version(), "payslips seen");
        new ClaimService(f.head).decide(c.id(), a.version(), Map.of(a.items().get(0).id(), new BigDecimal("450")),
                "Two weeks of October proven by payslips");
        String t = text(new BondReports(f.officer).decisionLetterPdf(c.id()));
        assertThat(t).contains("Decision on claim " + c.id()).contains("Zoë Lukasiewicz")
                .contains("Decision: 450.00 USD approved.").contains("Reason: Two weeks of October proven by payslips")
                .contains("Savanna Builders Ltd");
    }
}
