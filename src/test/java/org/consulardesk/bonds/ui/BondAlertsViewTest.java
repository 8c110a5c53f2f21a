package org.consulardesk.bonds.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.service.BondAlertsService;
import org.consulardesk.bonds.service.BondFixtures;
import org.consulardesk.bonds.service.BondService;
import org.consulardesk.bonds.service.LedgerService;
import org.consulardesk.testsupport.FxScreens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The bond alerts screen, headless: the five lists, the days spinner, and marking ended bonds expired. */
class BondAlertsViewTest extends FxRobot {
    @TempDir
    Path tmp;
    BondFixtures f;
    Bond active;

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        f = new BondFixtures(tmp);
        f.threshold("1000", "USD");
        long savanna = f.employer("Savanna Builders Ltd").id();
        long nomad = f.employer("Nomad Cleaning Services").id();
        f.worker(savanna, "Okonkwo", "Amara");
        f.worker(nomad, "Haddad", "Dina");
        BondService bonds = new BondService(f.officer);
        LedgerService ledger = new LedgerService(f.officer);
        active = f.bond(savanna, "1000", "USD", true);
        ledger.post(active.id(), EntryRequest.of(EntryKind.DEPOSIT, "1000", "USD", "deposit"));
        bonds.activate(active.id(), bonds.get(active.id()).version());
        ledger.post(active.id(), EntryRequest.of(EntryKind.TOP_UP, "5000", "USD", "top-up above the threshold"));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        f.close();
    }

    private int rows(String id) {
        return lookup(id).queryAs(TableView.class).getItems().size();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsTheAlertsAndMarksEndedBondsExpired() throws Exception {
        BondAlertsView view = new BondAlertsView(new BondAlertsService(f.officer), new BondService(f.officer),
                BondsMainPathTest.SYNC);
        FxScreens.show(view, 1200, 780);
        assertThat(lookup("#alerts-summary").queryAs(Label.class).getText()).startsWith("On 2026-11-20:");
        assertThat(rows("#alerts-ending")).as("ends 2027-12-31, beyond 60 days").isZero();
        assertThat(rows("#alerts-uncovered")).isEqualTo(1);
        assertThat(rows("#alerts-approvals")).isEqualTo(1);
        assertThat(rows("#alerts-claims")).isZero();

        Spinner<Integer> days = lookup("#alerts-days").queryAs(Spinner.class);
        interact(() -> days.getValueFactory().setValue(500));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows("#alerts-ending")).isEqualTo(1);

        Button expire = lookup("#alerts-expire").queryButton();
        interact(expire::fire);
        assertThat(lookup("#alerts-summary").queryAs(Label.class).getText()).contains("0 bond(s) marked expired");
        f.clock.advance(Duration.ofDays(500));
        interact(expire::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#alerts-summary").queryAs(Label.class).getText()).contains("1 bond(s) marked expired");
        assertThat(new BondService(f.head).get(active.id()).state()).isEqualTo(BondState.EXPIRED);
        assertThat(lookup("#alerts-error").queryAs(Label.class).getText()).isEmpty();
        assertThat(rows("#alerts-ending")).isEqualTo(1);
    }

    @Test
    void openingTheScreenMarksBondsPastTheirTermExpiredAndAuditsIt() throws Exception {
        f.clock.advance(Duration.ofDays(800));
        BondAlertsView view = new BondAlertsView(new BondAlertsService(f.officer), new BondService(f.officer),
                BondsMainPathTest.SYNC);
        FxScreens.show(view, 1200, 780);
        assertThat(lookup("#alerts-summary").queryAs(Label.class).getText())
                .contains("1 bond(s) past the end of their term were marked expired");
        assertThat(new BondService(f.head).get(active.id()).state()).isEqualTo(BondState.EXPIRED);
        assertThat(f.head.audit().page(org.consulardesk.security.model.AuditFilter.ALL, 0, 200))
                .anySatisfy(a -> assertThat(a.action() + " " + a.detail()).isEqualTo("BOND_STATE_CHANGED ACTIVE -> EXPIRED"));
    }
}
