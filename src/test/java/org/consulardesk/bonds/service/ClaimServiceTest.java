package org.consulardesk.bonds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.Claim;
import org.consulardesk.bonds.model.ClaimCategory;
import org.consulardesk.bonds.model.ClaimItem;
import org.consulardesk.bonds.model.ClaimStatus;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.model.NewClaim;
import org.consulardesk.bonds.model.ReleaseCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker's claim from filing to payout, and the release it holds up, on a real encrypted H2 file. */
class ClaimServiceTest {
    @TempDir
    Path tmp;
    BondFixtures f;
    ClaimService claims;
    LedgerService ledger;
    BondService bonds;
    long employer;
    long worker;
    Bond bond;

    @BeforeEach
    void open() {
        f = new BondFixtures(tmp);
        claims = new ClaimService(f.officer);
        ledger = new LedgerService(f.officer);
        bonds = new BondService(f.officer);
        employer = f.employer("Savanna Builders Ltd").id();
        worker = f.worker(employer, "Okonkwo", "Amara");
        f.threshold("1000", "USD");
        Bond b = f.bond(employer, "2000", "USD", false);
        bonds.addWorker(b.id(), new CoveredWorker(worker, null, null, "Mason", null, null, Money.of("450", "USD")));
        LedgerEntry d = ledger.post(b.id(), EntryRequest.of(EntryKind.DEPOSIT, "2000", "USD", "cash"));
        new LedgerService(f.head).approve(d.id());
        bond = bonds.activate(b.id(), bonds.get(b.id()).version());
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Claim file() {
        return claims.file(new NewClaim(bond.id(), worker, Currency.getInstance("USD"), "Left the site when the fighting began",
                List.of(ClaimItem.of(ClaimCategory.OUTSTANDING_WAGES, "Wages for October and November", "900"),
                        ClaimItem.of(ClaimCategory.LOST_PROPERTY, "Phone and tools left in the dormitory", "350.00"))));
    }

    @Test
    void fromFilingToPayoutWithReceipt() {
        Claim c = file();
        assertThat(c.status()).isEqualTo(ClaimStatus.FILED);
        assertThat(c.claimed()).isEqualTo(Money.of("1250", "USD"));
        assertThat(c.decisionDue()).isEqualTo(c.filedOn().plusDays(ClaimService.DECISION_DAYS));
        assertThat(c.overdue(c.filedOn())).isFalse();
        assertThat(c.overdue(c.decisionDue().plusDays(1))).isTrue();
        claims.addEvidence(c.id(), "Payslip September", "image/png", "png".getBytes(StandardCharsets.US_ASCII));

        assertThat(userError(() -> claims.assess(c.id(), 1, "eligible")).key()).isEqualTo("error.claim.notifyFirst");
        Claim n = claims.notifyEmployer(c.id(), get(c).version(), c.filedOn(), "e-mail to HR", "Disputes November wages");
        assertThat(n.status()).isEqualTo(ClaimStatus.EMPLOYER_NOTIFIED);
        Claim a = claims.assess(c.id(), n.version(), "October wages shown by payslips; November disputed; phone receipt seen");
        assertThat(a.status()).isEqualTo(ClaimStatus.ASSESSED);

        Map<Long, BigDecimal> amounts = Map.of(a.items().get(0).id(), new BigDecimal("450"), a.items().get(1).id(),
                new BigDecimal("350"));
        assertThat(userError(() -> claims.decide(c.id(), a.version(), amounts, "ok")).key())
                .as("officers do not decide").isEqualTo("error.permission.denied");
        ClaimService headClaims = new ClaimService(f.head);
        assertThat(userError(() -> headClaims.decide(c.id(), a.version(), amounts, " ")).key()).isEqualTo("error.claim.reason");
        assertThat(userError(() -> headClaims.decide(c.id(), a.version(), Map.of(a.items().get(0).id(), new BigDecimal("901")),
                "too much")).key()).isEqualTo("error.claim.approvedAmount");
        Claim d = headClaims.decide(c.id(), a.version(), amounts, "October wages and lost property proven; November not");
        assertThat(d.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(d.approved()).isEqualTo(Money.of("800", "USD"));
        assertThat(d.decidedBy()).isEqualTo(org.consulardesk.testsupport.TestRegistries.HEAD);

        Claim paid = claims.pay(c.id(), d.version(), "Receipt R-2026-114 signed by the worker", null);
        assertThat(paid.status()).isEqualTo(ClaimStatus.PAID);
        assertThat(paid.receiptReference()).startsWith("Receipt R-2026-114");
        assertThat(bonds.overview(bond.id()).balance()).isEqualTo(Money.of("1200", "USD"));
        assertThat(ledger.entries(bond.id())).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.CLAIM_PAYOUT);
            assertThat(e.claimId()).isEqualTo(c.id());
            assertThat(e.personId()).isEqualTo(worker);
        });
        assertThat(claims.queue()).isEmpty();
    }

    @Test
    void aPayoutAboveTheThresholdWaitsForTheSecondOfficer() {
        Claim c = file();
        Claim n = claims.notifyEmployer(c.id(), c.version(), c.filedOn(), "letter", null);
        Claim a = claims.assess(c.id(), n.version(), "all proven");
        Claim d = new ClaimService(f.head).decide(c.id(), a.version(), Map.of(a.items().get(0).id(), new BigDecimal("900"),
                a.items().get(1).id(), new BigDecimal("350")), "proven");
        Claim pending = claims.pay(c.id(), d.version(), "transfer 55-1932", null);
        assertThat(pending.status()).isEqualTo(ClaimStatus.PAYOUT_PENDING);
        assertThat(bonds.overview(bond.id()).balance()).isEqualTo(Money.of("2000", "USD"));
        new LedgerService(f.head).approve(ledger.pending().get(0).id());
        assertThat(claims.get(c.id()).status()).isEqualTo(ClaimStatus.PAID);
        assertThat(bonds.overview(bond.id()).balance()).isEqualTo(Money.of("750", "USD"));
        assertThat(bonds.get(bond.id()).state()).isEqualTo(BondState.PARTIALLY_DRAWN);
    }

    @Test
    void nothingApprovedIsARejectionAndRejectedClaimsCannotBePaid() {
        Claim c = file();
        Claim n = claims.notifyEmployer(c.id(), c.version(), c.filedOn(), "phone call", null);
        Claim a = claims.assess(c.id(), n.version(), "no evidence of wages owed");
        Claim d = new ClaimService(f.head).decide(c.id(), a.version(), Map.of(), "No evidence");
        assertThat(d.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(userError(() -> claims.pay(c.id(), d.version(), "x", null)).key()).isEqualTo("error.claim.wrongStatus");
    }

    @Test
    void claimsOnlyForCoveredWorkersAndCoveredKinds() {
        long other = f.worker(employer, "Tran", "Bao");
        assertThat(userError(() -> claims.file(new NewClaim(bond.id(), other, Currency.getInstance("USD"), null,
                List.of(ClaimItem.of(ClaimCategory.OUTSTANDING_WAGES, "wages", "10"))))).key()).isEqualTo("error.claim.notCovered");
        assertThat(userError(() -> claims.file(new NewClaim(bond.id(), worker, Currency.getInstance("USD"), null,
                List.of(ClaimItem.of(ClaimCategory.COSTS, "taxi", "10"))))).key()).isEqualTo("error.claim.categoryNotCovered");
        assertThat(userError(() -> claims.file(new NewClaim(bond.id(), worker, Currency.getInstance("USD"), null, List.of())))
                .key()).isEqualTo("error.claim.noItems");
    }

    @Test
    void releaseWaitsForOpenClaims() {
        Claim c = file();
        ReleaseCheck check = bonds.releaseCheck(bond.id());
        assertThat(check.clear()).isFalse();
        assertThat(check.openClaimIds()).containsExactly(c.id());
        assertThat(userError(() -> bonds.release(bond.id(), null)).key()).isEqualTo("error.bond.releaseBlocked");
        Claim n = claims.notifyEmployer(c.id(), c.version(), c.filedOn(), "letter", null);
        Claim a = claims.assess(c.id(), n.version(), "not eligible");
        new ClaimService(f.head).decide(c.id(), a.version(), Map.of(), "not eligible");
        ReleaseCheck done = bonds.release(bond.id(), "End of contract");
        assertThat(done.balance().isZero())
                .as("the release of 2000 USD is above the threshold and waits").isFalse();
        assertThat(bonds.get(bond.id()).state()).isEqualTo(BondState.ACTIVE);
        new LedgerService(f.head).approve(ledger.pending().get(0).id());
        assertThat(bonds.get(bond.id()).state()).isEqualTo(BondState.RELEASED);
        assertThat(bonds.overview(bond.id()).balance().isZero()).isTrue();
    }

    private Claim get(Claim c) {
        return claims.get(c.id());
    }

    @Test
    void theHeadOfPostSetsTheDecisionPeriod() {
        assertThat(new ClaimService(f.officer).decisionDays()).isEqualTo(ClaimService.DECISION_DAYS);
        assertThat(userError(() -> new ClaimService(f.officer).setDecisionDays(14)).key()).isEqualTo("error.permission.denied");
        assertThat(userError(() -> new ClaimService(f.head).setDecisionDays(0)).key()).isEqualTo("error.claim.decisionDays");
        new ClaimService(f.head).setDecisionDays(14);
        assertThat(new ClaimService(f.officer).decisionDays()).isEqualTo(14);
        Claim c = file();
        assertThat(c.decisionDue()).isEqualTo(c.filedOn().plusDays(14));
        assertThat(f.head.audit().page(org.consulardesk.security.model.AuditFilter.ALL, 0, 200))
                .anySatisfy(a -> assertThat(a.action()).isEqualTo("CLAIM_DECISION_DAYS_SET"));
    }
}
