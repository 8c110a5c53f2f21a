package org.consulardesk.bonds.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.Claim;
import org.consulardesk.bonds.model.ClaimCategory;
import org.consulardesk.bonds.model.ClaimItem;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.model.NewClaim;
import org.consulardesk.bonds.service.BondFixtures;
import org.consulardesk.bonds.service.BondService;
import org.consulardesk.bonds.service.ClaimService;
import org.consulardesk.bonds.service.LedgerService;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The claims screen dates by the session's clock, as a trainer's exercise sets it, not by the
 * workstation's: a claim past its decision date in the exercise shows overdue, and the employer
 * notice date defaults to the exercise's day. Also opens the worker's registration.
 */
class ClaimsViewClockTest extends FxRobot {
    @TempDir
    Path tmp;
    BondFixtures f;
    Claim claim;
    long worker;

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        f = new BondFixtures(tmp);
        f.threshold("1000", "USD");
        long employer = f.employer("Savanna Builders Ltd").id();
        worker = f.worker(employer, "Okonkwo", "Amara");
        BondService bonds = new BondService(f.officer);
        LedgerService ledger = new LedgerService(f.officer);
        Bond b = f.bond(employer, "2000", "USD", false);
        bonds.addWorker(b.id(), new CoveredWorker(worker, null, null, "Mason", null, null, Money.of("450", "USD")));
        LedgerEntry d = ledger.post(b.id(), EntryRequest.of(EntryKind.DEPOSIT, "2000", "USD", "cash"));
        new LedgerService(f.head).approve(d.id());
        Bond active = bonds.activate(b.id(), bonds.get(b.id()).version());
        claim = new ClaimService(f.officer).file(new NewClaim(active.id(), worker, Currency.getInstance("USD"), "Left the site",
                List.of(ClaimItem.of(ClaimCategory.OUTSTANDING_WAGES, "Wages for October", "300"))));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        f.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void overdueMarkAndNoticeDateFollowTheSessionClock() throws Exception {
        // The exercise runs half a year after the claim was filed (2026-11-20, decision due 30 days later).
        f.clock.advance(Duration.ofDays(193));
        AtomicLong opened = new AtomicLong();
        ClaimsView view = ClaimsView.of(f.officer, BondsMainPathTest.SYNC, new ScriptedDialogs()).setOnOpenPerson(opened::set);
        FxScreens.show(view, 1200, 800);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<Claim> table = lookup("#claims-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(Claim::id).containsExactly(claim.id());
        TableColumn<Claim, ?> due = table.getColumns().stream()
                .filter(c -> c.getText().equals(Ui.text("claims.col.due"))).findFirst().orElseThrow();
        assertThat(String.valueOf(due.getCellData(0))).isEqualTo("2026-12-20 " + Ui.text("claims.overdue"));
        assertThat(lookup("#claims-notice-date").queryAs(TextField.class).getText()).isEqualTo("2027-06-01");

        clickOn("#claims-open-person");
        assertThat(opened.get()).isEqualTo(worker);
    }
}
