package org.consulardesk.bonds.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.consulardesk.bonds.model.AllocationMethod;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.EntryStatus;
import org.consulardesk.bonds.model.EvacuationCost;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.service.BondFixtures;
import org.consulardesk.bonds.service.BondService;
import org.consulardesk.bonds.service.EvacuationCostService;
import org.consulardesk.bonds.service.LedgerService;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The evacuation cost screen, headless: record a bus with workers from the registry, preview per head, post. */
class EvacuationCostsViewTest extends BondScreenRobot {
    @TempDir
    Path tmp;
    BondFixtures f;
    Bond pooledUsd;
    Bond singleEur;

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        f = new BondFixtures(tmp);
        f.threshold("400", "USD");
        f.threshold("100000", "EUR");
        long savanna = f.employer("Savanna Builders Ltd").id();
        long rift = f.employer("Rift Valley Farms").id();
        long amara = f.worker(savanna, "Okonkwo", "Amara");
        long chen = f.worker(rift, "Chenwick", "Wei");
        f.worker(rift, "Okonkwo", "Bisi");
        BondService bonds = new BondService(f.officer);
        LedgerService ledger = new LedgerService(f.officer);
        pooledUsd = f.bond(savanna, "3000", "USD", true);
        LedgerService headLedger = new LedgerService(f.head);
        var deposit = ledger.post(pooledUsd.id(), EntryRequest.of(EntryKind.DEPOSIT, "3000", "USD", "deposit"));
        headLedger.approve(deposit.id());
        bonds.activate(pooledUsd.id(), bonds.get(pooledUsd.id()).version());
        bonds.addWorker(pooledUsd.id(), new CoveredWorker(amara, null, null, null, null, null, null));
        singleEur = f.bond(rift, "2000", "EUR", false);
        ledger.post(singleEur.id(), EntryRequest.of(EntryKind.DEPOSIT, "2000", "EUR", "deposit"));
        bonds.activate(singleEur.id(), bonds.get(singleEur.id()).version());
        bonds.addWorker(singleEur.id(), new CoveredWorker(chen, null, null, null, null, null, null));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        f.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordPreviewAndPostABus() throws Exception {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        EvacuationCostsView view = EvacuationCostsView.of(f.officer, BondsMainPathTest.SYNC, dialogs);
        FxScreens.show(view, 1200, 780);
        TableView<EvacuationCost> table = lookup("#costs-table").queryAs(TableView.class);
        assertThat(table.getItems()).isEmpty();
        assertThat(lookup("#costs-preview").queryButton().getParent().getParent().isDisabled()).isTrue();

        write("#costs-description", "Bus Mombasa to Nairobi");
        write("#costs-date", "2026-11-18");
        write("#costs-amount", "1200");
        write("#costs-personSearch", "Okonkwo");
        press("#costs-find");
        TableView<Object> found = lookup("#costs-found").queryAs(TableView.class);
        assertThat(found.getItems()).hasSize(2);
        interact(() -> found.getSelectionModel().selectAll());
        press("#costs-add-worker");
        write("#costs-personSearch", "Chenwick");
        press("#costs-find");
        press("#costs-add-worker");
        press("#costs-add-worker");
        assertThat(lookup("#costs-evacuated").queryAs(TableView.class).getItems()).hasSize(3);
        press("#costs-record");
        assertThat(text("#costs-error")).isEmpty();
        assertThat(text("#costs-info")).contains("EVC-2026-").contains("3 evacuated");
        assertThat(table.getItems()).hasSize(1);
        EvacuationCost cost = view.shown();
        assertThat(cost).isNotNull();
        assertThat(text("#costs-heading")).contains(cost.reference()).contains("1200.00 USD");

        press("#costs-preview");
        assertThat(text("#costs-error")).contains("EUR");
        assertThat(lookup("#costs-post").queryButton().isDisabled()).isTrue();
        write("#costs-rates", "EUR=0.92");
        ComboBox<AllocationMethod> method = lookup("#costs-method").queryAs(ComboBox.class);
        interact(() -> method.setValue(AllocationMethod.PER_HEAD));
        press("#costs-preview");
        assertThat(text("#costs-error")).isEmpty();
        assertThat(lookup("#costs-allocations").queryAs(TableView.class).getItems()).hasSize(2);
        // 400 USD per head; Bisi Okonkwo's employer has no bond in force
        assertThat(text("#costs-preview-line")).contains("800.00 USD").contains("bears 400.00 USD").contains("1 evacuated");
        write("#costs-rates", "EUR=0.93");
        assertThat(lookup("#costs-post").queryButton().isDisabled()).as("changed rates need a new preview").isTrue();
        write("#costs-rates", "EUR=0.92");
        press("#costs-preview");
        press("#costs-post");
        assertThat(dialogs.confirms.get()).isEqualTo(1);
        assertThat(text("#costs-error")).isEmpty();
        assertThat(text("#costs-info")).contains("Allocated " + cost.reference());
        assertThat(view.shown().posted()).isTrue();
        assertThat(new EvacuationCostService(f.head).get(cost.id()).method()).isEqualTo(AllocationMethod.PER_HEAD);
        assertThat(lookup("#costs-drawdowns").queryAs(TableView.class).getItems()).hasSize(2);
        var lines = new EvacuationCostService(f.head).drawdowns(cost.id());
        assertThat(lines).extracting(l -> l.entry().amount().toString() + " " + l.entry().status())
                .containsExactlyInAnyOrder("-400.00 USD " + EntryStatus.POSTED, "-368.00 EUR " + EntryStatus.POSTED);
        assertThat(new BondService(f.head).overview(singleEur.id()).balance()).isEqualTo(Money.of("1632", "EUR"));
        assertThat(lookup("#costs-preview").queryButton().isDisabled()).isTrue();
    }
}
