package org.consulardesk.bonds.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.Claim;
import org.consulardesk.bonds.model.ClaimStatus;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.service.BondFixtures;
import org.consulardesk.bonds.service.BondService;
import org.consulardesk.bonds.service.ClaimService;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main path on the bond screens, headless: create a bond, cover a worker, deposit, activate, a
 * drawdown refused below zero, one posted, the export buttons, then a claim filed, decided and paid from the bond.
 */
class BondsMainPathTest extends BondScreenRobot {
    static final BackgroundTasks SYNC = new BackgroundTasks() {
        @Override
        public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.run(ProgressSink.NONE);
            } catch (Exception | Error e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    };

    @TempDir
    Path tmp;
    BondFixtures f;
    long employer;
    long worker;

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        f = new BondFixtures(tmp);
        employer = f.employer("Savanna Builders Ltd").id();
        worker = f.worker(employer, "Okonkwo", "Amara");
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        f.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void createDepositRefuseBelowZeroClaimDecideAndPay() throws Exception {
        BondsView bonds = BondsView.of(f.head, SYNC, new ScriptedDialogs());
        FxScreens.show(bonds, 1200, 780);
        java.util.List<String> exports = new java.util.ArrayList<>();
        bonds.exportWith((from, profile, filters) -> exports.add(profile + " " + filters));
        assertThat(text("#bonds-thresholds")).contains("every entry needs a second officer");
        write("#bonds-threshold-currency", "usd");
        write("#bonds-threshold-amount", "100000");
        press("#bonds-threshold-set");
        assertThat(text("#bonds-thresholds")).contains("100000.00 USD");

        clickOn("#bonds-new");
        clickOn("#bonds-new-employer").write(Long.toString(employer));
        clickOn("#bonds-new-reference").write("DEP-2026-001");
        clickOn("#bonds-new-amount").write("1500");
        write("#bonds-new-start", "2026-01-01");
        write("#bonds-new-end", "2027-12-31");
        write("#bonds-new-issuer", "Bank of Utopia, Nairobi branch");
        press("#bonds-new-create");
        assertThat(text("#bonds-error")).isEmpty();
        BondOverview created = bonds.shown();
        assertThat(created).isNotNull();
        assertThat(created.bond().state()).isEqualTo(BondState.DRAFT);
        assertThat(lookup("#bonds-table").queryAs(TableView.class).getItems()).hasSize(1);

        clickOn("Covered workers");
        write("#bonds-worker-person", Long.toString(worker));
        write("#bonds-worker-title", "Mason");
        press("#bonds-worker-add");
        assertThat(lookup("#bonds-workers").queryAs(TableView.class).getItems()).hasSize(1);

        clickOn("Ledger");
        clickOn("#bonds-entry-amount").write("1500");
        clickOn("#bonds-entry-memo").write("Cash deposit, receipt 7781").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#bonds-info")).contains("posted");
        press("#bonds-activate");
        assertThat(bonds.shown().bond().state()).isEqualTo(BondState.ACTIVE);
        assertThat(bonds.shown().balance()).isEqualTo(Money.of("1500", "USD"));

        ComboBox<EntryKind> kind = lookup("#bonds-entry-kind").queryAs(ComboBox.class);
        interact(() -> kind.setValue(EntryKind.DRAWDOWN));
        write("#bonds-entry-amount", "1600");
        write("#bonds-entry-person", Long.toString(worker));
        write("#bonds-entry-memo", "Flight home");
        press("#bonds-entry-post");
        assertThat(text("#bonds-error")).contains("cannot go below zero");
        assertThat(new BondService(f.head).overview(created.bond().id()).balance()).isEqualTo(Money.of("1500", "USD"));
        assertThat(lookup("#bonds-ledger").queryAs(TableView.class).getItems()).hasSize(1);
        write("#bonds-entry-amount", "200");
        press("#bonds-entry-post");
        assertThat(text("#bonds-error")).isEmpty();
        assertThat(lookup("#bonds-ledger").queryAs(TableView.class).getItems()).hasSize(2);
        assertThat(bonds.shown().balance()).isEqualTo(Money.of("1300", "USD"));
        assertThat(bonds.shown().bond().state()).isEqualTo(BondState.PARTIALLY_DRAWN);
        press("#bonds-export-ledger");
        press("#bonds-export-register");
        assertThat(exports).containsExactly("bond-ledger {bond=" + created.bond().id() + "}", "bond-register {}");

        ClaimsView claims = ClaimsView.of(f.head, SYNC, new ScriptedDialogs());
        FxScreens.show(claims, 1200, 780);
        clickOn("#claims-new");
        write("#claims-file-bond", Long.toString(created.bond().id()));
        write("#claims-file-person", Long.toString(worker));
        write("#claims-file-statement", "Wages unpaid since the site closed");
        write("#claims-item-description", "Wages for October");
        write("#claims-item-amount", "300");
        press("#claims-item-add");
        press("#claims-file-submit");
        assertThat(text("#claims-error")).isEmpty();
        Claim filed = claims.shown();
        assertThat(filed.status()).isEqualTo(ClaimStatus.FILED);

        write("#claims-notice-how", "E-mail to the employer's HR office");
        press("#claims-notice-record");
        write("#claims-assessment", "Payslips and contract seen; October unpaid");
        press("#claims-assessment-record");
        write("#claims-decision-reason", "October wages proven by payslips");
        press("#claims-decision-record");
        assertThat(claims.shown().status()).isEqualTo(ClaimStatus.APPROVED);
        write("#claims-pay-receipt", "Receipt R-114 signed by the worker");
        press("#claims-pay-record");
        assertThat(text("#claims-error")).isEmpty();
        assertThat(new ClaimService(f.head).get(filed.id()).status()).isEqualTo(ClaimStatus.PAID);
        assertThat(new BondService(f.head).overview(created.bond().id()).balance()).isEqualTo(Money.of("1000", "USD"));
        assertThat(new BondService(f.head).get(created.bond().id()).state()).isEqualTo(BondState.PARTIALLY_DRAWN);
    }
}
