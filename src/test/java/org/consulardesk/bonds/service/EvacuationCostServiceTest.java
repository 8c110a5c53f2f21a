package org.consulardesk.bonds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.consulardesk.bonds.model.Allocation;
import org.consulardesk.bonds.model.AllocationMethod;
import org.consulardesk.bonds.model.AllocationPreview;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondAlerts;
import org.consulardesk.bonds.model.CostKind;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.EvacuationCost;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evacuation costs allocated to bonds, release blocked by open costs, and the alerts. */
class EvacuationCostServiceTest {
    @TempDir
    Path tmp;
    BondFixtures f;
    BondService bonds;
    LedgerService ledger;
    EvacuationCostService costs;
    long savanna;
    long rift;
    long nomad;
    long amara;
    long bao;
    long chen;
    long dina;
    Bond pooledUsd;
    Bond singleEur;

    @BeforeEach
    void open() {
        f = new BondFixtures(tmp);
        bonds = new BondService(f.officer);
        ledger = new LedgerService(f.officer);
        costs = new EvacuationCostService(f.officer);
        f.threshold("100000", "USD");
        f.threshold("100000", "EUR");
        savanna = f.employer("Savanna Builders Ltd").id();
        rift = f.employer("Rift Valley Farms").id();
        nomad = f.employer("Nomad Cleaning Services").id();
        amara = f.worker(savanna, "Okonkwo", "Amara");
        bao = f.worker(savanna, "Tran", "Bao");
        chen = f.worker(rift, "Chen", "Wei");
        dina = f.worker(nomad, "Haddad", "Dina");
        pooledUsd = active(f.bond(savanna, "3000", "USD", true), "3000", "USD");
        bonds.addWorker(pooledUsd.id(), new CoveredWorker(amara, null, null, null, null, null, null));
        bonds.addWorker(pooledUsd.id(), new CoveredWorker(bao, null, null, null, null, null, null));
        singleEur = active(f.bond(rift, "200", "EUR", false), "200", "EUR");
        bonds.addWorker(singleEur.id(), new CoveredWorker(chen, null, null, null, null, null, null));
    }

    private Bond active(Bond b, String amount, String currency) {
        ledger.post(b.id(), EntryRequest.of(EntryKind.DEPOSIT, amount, currency, "deposit"));
        return bonds.activate(b.id(), bonds.get(b.id()).version());
    }

    @AfterEach
    void close() {
        f.close();
    }

    private EvacuationCost bus() {
        return costs.record(CostKind.BUS, "Bus Nairobi to Namanga border", LocalDate.of(2026, 3, 2), Money.of("1000", "USD"),
                List.of(amara, bao, chen, dina), null);
    }

    @Test
    void perHeadChargesEachWorkersBondAndCapsAtTheBalance() {
        EvacuationCost cost = bus();
        assertThat(cost.reference()).isEqualTo("EVC-2026-" + String.format("%04d", cost.id()));
        assertThat(costs.byReference(cost.reference())).map(EvacuationCost::id).contains(cost.id());
        assertThat(userError(() -> costs.preview(cost.id(), AllocationMethod.PER_HEAD, Map.of())).key())
                .isEqualTo("error.ledger.rateRequired");

        Map<Currency, BigDecimal> rates = Map.of(Currency.getInstance("EUR"), new BigDecimal("0.92"));
        AllocationPreview p = costs.preview(cost.id(), AllocationMethod.PER_HEAD, rates);
        assertThat(p.uncoveredPersonIds()).containsExactly(dina);
        Allocation rv = p.allocations().stream().filter(a -> a.bondId() == singleEur.id()).findFirst().orElseThrow();
        Allocation sv = p.allocations().stream().filter(a -> a.bondId() == pooledUsd.id()).findFirst().orElseThrow();
        assertThat(sv.share()).isEqualTo(Money.of("500", "USD"));
        assertThat(sv.charge()).isEqualTo(Money.of("500", "USD"));
        assertThat(rv.share()).isEqualTo(Money.of("250", "USD"));
        assertThat(rv.charge()).as("230 EUR is more than the 200 EUR there").isEqualTo(Money.of("200", "EUR"));
        assertThat(rv.shortfall()).isEqualTo(Money.of("32.61", "USD"));
        assertThat(p.unrecovered()).isEqualTo(Money.of("282.61", "USD"));
        assertThat(ledger.entries(pooledUsd.id())).hasSize(1).as("a preview posts nothing");

        AllocationPreview posted = costs.post(cost.id(), AllocationMethod.PER_HEAD, rates);
        assertThat(posted.allocations()).hasSize(2);
        assertThat(bonds.overview(pooledUsd.id()).balance()).isEqualTo(Money.of("2500", "USD"));
        assertThat(bonds.overview(singleEur.id()).balance().isZero()).isTrue();
        LedgerEntry e = ledger.entries(singleEur.id()).get(1);
        assertThat(e.costId()).isEqualTo(cost.id());
        assertThat(e.original()).isEqualTo(Money.of("217.39", "USD"));
        assertThat(e.rate()).isEqualByComparingTo("0.92");
        assertThat(costs.get(cost.id()).posted()).isTrue();
        assertThat(userError(() -> costs.post(cost.id(), AllocationMethod.PER_HEAD, rates)).key()).isEqualTo("error.cost.posted");
    }

    @Test
    void proportionalSharesTheCoveredPartByAvailableBalance() {
        EvacuationCost cost = costs.record(CostKind.FLIGHT, "Charter flight", LocalDate.of(2026, 3, 3),
                Money.of("400", "USD"), List.of(amara, chen), "OP-EXAMPLE-1");
        Map<Currency, BigDecimal> rates = Map.of(Currency.getInstance("EUR"), new BigDecimal("1"));
        AllocationPreview p = costs.preview(cost.id(), AllocationMethod.PROPORTIONAL, rates);
        // Balances 3000 USD and 200 EUR (at 1 EUR per USD): 15/16 and 1/16 of 400.
        assertThat(p.allocations()).extracting(a -> a.share().amount().toPlainString()).containsExactlyInAnyOrder("375.00", "25.00");
        assertThat(p.unrecovered().isZero()).isTrue();
        assertThat(costs.linkOperation(cost.id(), "OP-EXAMPLE-2").operationRef()).isEqualTo("OP-EXAMPLE-2");
    }

    @Test
    void releaseWaitsForOpenEvacuationCostsOfItsWorkers() {
        EvacuationCost cost = bus();
        assertThat(bonds.releaseCheck(pooledUsd.id()).openCostReferences()).containsExactly(cost.reference());
        assertThat(userError(() -> bonds.release(pooledUsd.id(), null)).key()).isEqualTo("error.bond.releaseBlocked");
        costs.post(cost.id(), AllocationMethod.PER_HEAD, Map.of(Currency.getInstance("EUR"), new BigDecimal("0.92")));
        assertThat(bonds.releaseCheck(pooledUsd.id()).clear()).isTrue();
    }

    @Test
    void alertsListUncoveredWorkersUnderFundedPoolsAndBondsEnding() {
        bonds.updateDraft(f.bond(nomad, "100", "USD", false).id(), 1, BondFixtures.draft(nomad, "100", "USD", false, null));
        BondAlerts a = new BondAlertsService(f.officer).alerts(30);
        assertThat(a.uncoveredWorkers()).extracting(BondAlerts.UncoveredWorker::personId).containsExactly(dina);
        assertThat(a.underFunded()).isEmpty();
        ledger.post(pooledUsd.id(), EntryRequest.of(EntryKind.DRAWDOWN, "1500", "USD", "ticket").forPerson(amara));
        BondAlerts after = new BondAlertsService(f.officer).alerts(30);
        assertThat(after.underFunded()).singleElement().satisfies(u -> {
            assertThat(u.bond().bond().id()).isEqualTo(pooledUsd.id());
            assertThat(u.required()).isEqualTo(Money.of("2000", "USD"));
        });
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(f.clock), BondFixtures.END) + 1;
        assertThat(new BondAlertsService(f.officer).alerts(days).endingSoon()).hasSize(2);
        assertThat(new BondAlertsService(f.officer).alerts(0).endingSoon()).isEmpty();
    }
}
