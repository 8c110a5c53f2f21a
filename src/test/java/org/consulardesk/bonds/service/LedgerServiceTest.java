package org.consulardesk.bonds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.EntryStatus;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.core.UserError;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's rules against a real encrypted H2 file. */
class LedgerServiceTest {
    @TempDir
    Path tmp;
    BondFixtures f;
    BondService bonds;
    LedgerService ledger;
    long employer;
    long worker;

    @BeforeEach
    void open() {
        f = new BondFixtures(tmp);
        bonds = new BondService(f.officer);
        ledger = new LedgerService(f.officer);
        employer = f.employer("Savanna Builders Ltd").id();
        worker = f.worker(employer, "Okonkwo", "Amara");
        f.threshold("50000", "USD");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Bond active(String amount) {
        Bond b = f.bond(employer, amount, "USD", false);
        LedgerEntry deposit = ledger.post(b.id(), EntryRequest.of(EntryKind.DEPOSIT, amount, "USD", "cash deposit receipt 7781"));
        if (deposit.status() == EntryStatus.PENDING) {
            new LedgerService(f.head).approve(deposit.id());
        }
        return bonds.activate(b.id(), bonds.get(b.id()).version());
    }

    private EntryRequest drawdown(String amount) {
        return EntryRequest.of(EntryKind.DRAWDOWN, amount, "USD", "repatriation ticket").forPerson(worker);
    }

    @Test
    void depositActivatesAndADrawdownBelowZeroIsRefused() {
        Bond b = f.bond(employer, "1000", "USD", false);
        assertThat(b.state()).isEqualTo(BondState.DRAFT);
        assertThat(userError(() -> bonds.activate(b.id(), b.version())).key()).isEqualTo("error.bond.notFunded");
        assertThat(userError(() -> ledger.post(b.id(), drawdown("10"))).key()).isEqualTo("error.ledger.draftDebit");

        Bond a = active("1000");
        assertThat(a.state()).isEqualTo(BondState.ACTIVE);
        ledger.post(a.id(), drawdown("400.50"));
        BondOverview o = bonds.overview(a.id());
        assertThat(o.balance()).isEqualTo(Money.of("599.50", "USD"));
        assertThat(o.bond().state()).isEqualTo(BondState.PARTIALLY_DRAWN);

        UserError refused = userError(() -> ledger.post(a.id(), drawdown("599.51")));
        assertThat(refused.key()).isEqualTo("error.ledger.belowZero");
        assertThat(bonds.overview(a.id()).balance()).isEqualTo(Money.of("599.50", "USD"));
        ledger.post(a.id(), drawdown("599.50"));
        assertThat(bonds.overview(a.id()).balance().isZero()).isTrue();
        assertThat(userError(() -> ledger.post(a.id(), drawdown("0.01"))).key()).isEqualTo("error.ledger.belowZero");

        assertThat(ledger.entries(a.id())).extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.DEPOSIT, EntryKind.DRAWDOWN, EntryKind.DRAWDOWN);
        assertThat(ledger.entries(a.id()).stream().map(e -> e.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the balance is the sum of the entries").isEqualByComparingTo(bonds.overview(a.id()).balance().amount());
        List<AuditRecord> audit = f.head.audit().page(AuditFilter.ALL, 0, 200);
        assertThat(audit).extracting(AuditRecord::action).contains("BOND_ADDED", "LEDGER_ENTRY_POSTED", "BOND_STATE_CHANGED");
    }

    @Test
    void amountsMustBePositiveAndFitTheCurrency() {
        Bond a = active("1000");
        assertThat(userError(() -> ledger.post(a.id(), drawdown("-5"))).key()).isEqualTo("error.ledger.amountPositive");
        assertThat(userError(() -> ledger.post(a.id(), drawdown("1.005"))).key()).isEqualTo("error.bond.amount");
        assertThat(userError(() -> ledger.post(a.id(), EntryRequest.of(EntryKind.RELEASE, "5", "USD", "x"))).key())
                .isEqualTo("error.ledger.kindByWorkflow");
    }

    @Test
    void reversalIsACounterEntryAndNetsToZero() {
        Bond a = active("1000");
        LedgerEntry fee = ledger.post(a.id(), EntryRequest.of(EntryKind.FEE, "25", "USD", "bank charge"));
        assertThat(bonds.overview(a.id()).bond().state()).isEqualTo(BondState.PARTIALLY_DRAWN);
        assertThat(userError(() -> ledger.reverse(fee.id(), " ")).key()).isEqualTo("error.ledger.reversalReason");
        LedgerEntry reversal = ledger.reverse(fee.id(), "charged twice by mistake");
        assertThat(reversal.kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(reversal.amount()).isEqualTo(fee.amount().negate());
        assertThat(reversal.reversesId()).isEqualTo(fee.id());
        assertThat(bonds.overview(a.id()).balance()).isEqualTo(Money.of("1000.00", "USD"));
        assertThat(bonds.overview(a.id()).bond().state()).as("nothing drawn any more").isEqualTo(BondState.ACTIVE);
        assertThat(ledger.entries(a.id())).hasSize(3).filteredOn(e -> e.id() == fee.id())
                .singleElement().extracting(LedgerEntry::reversedBy).isEqualTo(reversal.id());
        assertThat(userError(() -> ledger.reverse(fee.id(), "again")).key()).isEqualTo("error.ledger.alreadyReversed");
        assertThat(userError(() -> ledger.reverse(reversal.id(), "undo")).key()).isEqualTo("error.ledger.notReversible");
    }

    @Test
    void reversingADepositCannotTakeTheBalanceBelowZero() {
        Bond a = active("1000");
        LedgerEntry deposit = ledger.entries(a.id()).get(0);
        ledger.post(a.id(), drawdown("100"));
        assertThat(userError(() -> ledger.reverse(deposit.id(), "cheque bounced")).key()).isEqualTo("error.ledger.belowZero");
    }

    @Test
    void entriesAboveTheThresholdWaitForASecondOfficer() {
        Bond a = active("200000");
        LedgerEntry big = ledger.post(a.id(), drawdown("60000"));
        assertThat(big.status()).isEqualTo(EntryStatus.PENDING);
        BondOverview o = bonds.overview(a.id());
        assertThat(o.balance()).as("pending entries do not count").isEqualTo(Money.of("200000", "USD"));
        assertThat(o.available()).as("but pending debits are reserved").isEqualTo(Money.of("140000", "USD"));
        assertThat(userError(() -> ledger.post(a.id(), drawdown("140000.01"))).key()).isEqualTo("error.ledger.belowZero");

        assertThat(userError(() -> ledger.approve(big.id())).key()).as("officers may not approve")
                .isEqualTo("error.permission.denied");
        LedgerEntry approved = new LedgerService(f.head).approve(big.id());
        assertThat(approved.status()).isEqualTo(EntryStatus.POSTED);
        assertThat(approved.decidedBy()).isEqualTo(org.consulardesk.testsupport.TestRegistries.HEAD);
        assertThat(bonds.overview(a.id()).balance()).isEqualTo(Money.of("140000", "USD"));
        assertThat(userError(() -> new LedgerService(f.head).approve(big.id())).key()).isEqualTo("error.ledger.notPending");

        LedgerEntry byHead = new LedgerService(f.head).post(a.id(), drawdown("60000"));
        assertThat(byHead.status()).isEqualTo(EntryStatus.PENDING);
        assertThat(userError(() -> new LedgerService(f.head).approve(byHead.id())).key())
                .as("not the one who entered it").isEqualTo("error.ledger.sameOfficer");

        LedgerEntry small = ledger.post(a.id(), drawdown("5000"));
        assertThat(userError(() -> new LedgerService(f.head).approve(small.id())).key()).isEqualTo("error.ledger.notPending");
    }

    @Test
    void aRejectedEntryNeverCounts() {
        Bond a = active("100000");
        LedgerEntry big = ledger.post(a.id(), drawdown("60000"));
        assertThat(userError(() -> new LedgerService(f.head).reject(big.id(), "")).key()).isEqualTo("error.ledger.rejectReason");
        LedgerEntry rejected = new LedgerService(f.head).reject(big.id(), "no evacuation took place");
        assertThat(rejected.status()).isEqualTo(EntryStatus.REJECTED);
        assertThat(bonds.overview(a.id()).available()).isEqualTo(Money.of("100000", "USD"));
        assertThat(ledger.pending()).isEmpty();
    }

    @Test
    void withoutAThresholdForTheCurrencyEveryEntryNeedsApproval() {
        Bond b = f.bond(employer, "500", "KES", false);
        LedgerEntry deposit = ledger.post(b.id(), EntryRequest.of(EntryKind.DEPOSIT, "500", "KES", "cash"));
        assertThat(deposit.status()).isEqualTo(EntryStatus.PENDING);
        assertThat(userError(() -> bonds.activate(b.id(), bonds.get(b.id()).version())).key()).isEqualTo("error.bond.notFunded");
        new LedgerService(f.head).approve(deposit.id());
        assertThat(bonds.activate(b.id(), bonds.get(b.id()).version()).state()).isEqualTo(BondState.ACTIVE);
    }

    @Test
    void otherCurrenciesOnlyWithARecordedRate() {
        Bond a = active("1000");
        EntryRequest euros = EntryRequest.of(EntryKind.TOP_UP, "200", "EUR", "top-up in euros");
        UserError noRate = userError(() -> ledger.post(a.id(), euros));
        assertThat(noRate.key()).isEqualTo("error.ledger.rateRequired");
        assertThat(noRate.getMessage()).contains("EUR").contains("USD");
        LedgerEntry e = ledger.post(a.id(), euros.withRate(new BigDecimal("1.0825")));
        assertThat(e.amount()).isEqualTo(Money.of("216.50", "USD"));
        assertThat(e.original()).isEqualTo(Money.of("200", "EUR"));
        assertThat(e.rate()).isEqualByComparingTo("1.0825");
        assertThat(bonds.overview(a.id()).balance()).isEqualTo(Money.of("1216.50", "USD"));
        assertThat(userError(() -> ledger.post(a.id(), EntryRequest.of(EntryKind.TOP_UP, "5", "USD", "x")
                .withRate(new BigDecimal("2")))).key()).isEqualTo("error.ledger.rateSameCurrency");
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentDrawdownsCannotBothTakeTheLastMoney() throws Exception {
        Bond a = active("100");
        LedgerService byHead = new LedgerService(f.head);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<LedgerEntry>> work = List.of(
                    () -> {
                        start.await();
                        return ledger.post(a.id(), drawdown("60"));
                    },
                    () -> {
                        start.await();
                        return byHead.post(a.id(), drawdown("60"));
                    });
            List<Future<LedgerEntry>> results = new ArrayList<>();
            for (Callable<LedgerEntry> c : work) {
                results.add(pool.submit(c));
            }
            start.countDown();
            int ok = 0;
            for (Future<LedgerEntry> r : results) {
                try {
                    r.get();
                    ok++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(RuntimeException.class);
                }
            }
            assertThat(ok).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(bonds.overview(a.id()).balance()).isEqualTo(Money.of("40", "USD"));
    }

    @Test
    void releasedBondsTakeNoMoreEntries() {
        Bond a = active("1000");
        bonds.release(a.id(), null);
        Bond released = bonds.get(a.id());
        assertThat(released.state()).isEqualTo(BondState.RELEASED);
        assertThat(bonds.overview(a.id()).balance().isZero()).isTrue();
        assertThat(ledger.entries(a.id())).extracting(LedgerEntry::kind).containsExactly(EntryKind.DEPOSIT, EntryKind.RELEASE);
        assertThat(userError(() -> ledger.post(a.id(), EntryRequest.of(EntryKind.TOP_UP, "5", "USD", "x"))).key())
                .isEqualTo("error.bond.closed");
    }

    @Test
    void forfeitureNeedsTheHeadOfPostAndAReason() {
        Bond a = active("1000");
        assertThat(userError(() -> bonds.forfeit(a.id(), "breach")).key()).isEqualTo("error.permission.denied");
        BondService headBonds = new BondService(f.head);
        assertThat(userError(() -> headBonds.forfeit(a.id(), " ")).key()).isEqualTo("error.bond.forfeitReason");
        assertThat(headBonds.forfeit(a.id(), "wages withheld; licence revoked").state()).isEqualTo(BondState.FORFEITED);
    }
}
