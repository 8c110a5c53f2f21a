package org.consulardesk.bonds.ui;

import java.time.LocalDate;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.consulardesk.bonds.model.BondAlerts;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.Claim;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.service.BondAlertsService;
import org.consulardesk.bonds.service.BondService;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;

/** Bonds ending, workers without a bond, under-funded pooled bonds, claims and approvals waiting. */
public final class BondAlertsView implements View {
    private final BondAlertsService alerts;
    private final BondService bonds;
    private final BackgroundTasks tasks;
    private final ScrollPane root;
    private final VBox page;
    private final Spinner<Integer> days = new Spinner<>();
    private final Label summary = new Label();
    private final Label error = Ui.errorLabel("alerts-error");
    private final TableView<BondOverview> ending = new TableView<>();
    private final TableView<BondAlerts.UncoveredWorker> uncovered = new TableView<>();
    private final TableView<BondAlerts.UnderFunded> under = new TableView<>();
    private final TableView<Claim> claims = new TableView<>();
    private final TableView<LedgerEntry> approvals = new TableView<>();
    private final Label endingTitle = new Label();
    private final Label uncoveredTitle = new Label();
    private final Label underTitle = new Label();
    private final Label claimsTitle = new Label();
    private final Label approvalsTitle = new Label();
    /** What the last expiry did, shown after the summary until the next one. */
    private String note = "";

    /** The date the alerts were computed for (the session clock); the overdue marks use it. */
    private LocalDate today = LocalDate.MIN;

    public BondAlertsView(BondAlertsService alerts, BondService bonds, BackgroundTasks tasks) {
        this.alerts = alerts;
        this.bonds = bonds;
        this.tasks = tasks;
        days.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 3650, 60, 30));
        days.setEditable(true);
        days.setId("alerts-days");
        days.setAccessibleText(Ui.text("alerts.days"));
        days.setPrefWidth(110);
        days.valueProperty().addListener((o, a, b) -> load());
        Label daysLabel = Ui.label("alerts.days");
        daysLabel.setLabelFor(days);
        Button expire = Ui.button("alerts.expire", e -> expire());
        expire.setId("alerts-expire");
        HBox top = new HBox(8, daysLabel, days, expire);
        top.setAlignment(Pos.CENTER_LEFT);
        summary.setId("alerts-summary");

        ending.setId("alerts-ending");
        ending.setPlaceholder(Ui.label("alerts.none"));
        ending.getColumns().add(Ui.column("bonds.col.reference", o -> o.bond().reference(), 130));
        ending.getColumns().add(Ui.column("bonds.col.employer", o -> o.bond().organisationName(), 220));
        ending.getColumns().add(Ui.column("bonds.col.ends", o -> o.bond().termEnd().toString(), 100));
        ending.getColumns().add(Ui.column("bonds.col.state", o -> Ui.text("bonds.state." + o.bond().state().name()), 120));
        ending.getColumns().add(Ui.column("bonds.col.balance", o -> o.balance().toString(), 130));
        uncovered.setId("alerts-uncovered");
        uncovered.setPlaceholder(Ui.label("alerts.none"));
        uncovered.getColumns().add(Ui.column("bonds.workers.col.person", w -> Long.toString(w.personId()), 80));
        uncovered.getColumns().add(Ui.column("bonds.workers.col.name", w -> w.familyName() + ", " + w.givenNames(), 220));
        uncovered.getColumns().add(Ui.column("bonds.col.employer", BondAlerts.UncoveredWorker::organisationName, 260));
        under.setId("alerts-under");
        under.setPlaceholder(Ui.label("alerts.none"));
        under.getColumns().add(Ui.column("bonds.col.reference", u -> u.bond().bond().reference(), 130));
        under.getColumns().add(Ui.column("bonds.col.employer", u -> u.bond().bond().organisationName(), 220));
        under.getColumns().add(Ui.column("alerts.col.workers", u -> Integer.toString(u.bond().coveredWorkers()), 80));
        under.getColumns().add(Ui.column("bonds.col.balance", u -> u.bond().balance().toString(), 130));
        under.getColumns().add(Ui.column("alerts.col.required", u -> u.required().toString(), 130));
        claims.setId("alerts-claims");
        claims.setPlaceholder(Ui.label("alerts.none"));
        claims.getColumns().add(Ui.column("claims.col.no", c -> Long.toString(c.id()), 60));
        claims.getColumns().add(Ui.column("claims.col.worker", c -> c.familyName() + ", " + c.givenNames(), 200));
        claims.getColumns().add(Ui.column("claims.col.employer", Claim::organisationName, 200));
        claims.getColumns().add(Ui.column("claims.col.status", c -> Ui.text("bonds.claim.status." + c.status().name()), 150));
        claims.getColumns().add(Ui.column("claims.col.due", c -> c.decisionDue().toString()
                + (c.overdue(today) ? " " + Ui.text("claims.overdue") : ""), 150));
        approvals.setId("alerts-approvals");
        approvals.setPlaceholder(Ui.label("alerts.none"));
        approvals.getColumns().add(Ui.column("bonds.ledger.col.no", e -> Long.toString(e.id()), 60));
        approvals.getColumns().add(Ui.column("alerts.col.bond", e -> Long.toString(e.bondId()), 70));
        approvals.getColumns().add(Ui.column("bonds.ledger.col.kind", e -> Ui.text("bonds.entry." + e.kind().name()), 150));
        approvals.getColumns().add(Ui.column("bonds.ledger.col.amount", e -> e.amount().toString(), 130));
        approvals.getColumns().add(Ui.column("bonds.ledger.col.by", LedgerEntry::enteredBy, 120));
        for (TableView<?> t : new TableView<?>[] {ending, uncovered, under, claims, approvals}) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            t.setPrefHeight(140);
        }
        for (Label l : new Label[] {endingTitle, uncoveredTitle, underTitle, claimsTitle, approvalsTitle}) {
            l.getStyleClass().add(Styles.SUBTITLE);
        }
        page = Ui.page(Ui.styled(Styles.TITLE, "alerts.title"), Ui.styled(Styles.MUTED, "alerts.intro"), top, summary, error,
                endingTitle, ending, uncoveredTitle, uncovered, underTitle, under, claimsTitle, claims, approvalsTitle,
                approvals);
        page.setSpacing(8);
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.setId("alerts-scroll");
    }

    @Override
    public void activate() {
        refresh(true);
    }

    private void load() {
        refresh(false);
    }

    private record Loaded(int expired, BondAlerts alerts) {
    }

    /** On opening, bonds in force whose term has passed are marked expired first (audited, like the button). */
    private void refresh(boolean expireFirst) {
        int n = days.getValue() == null ? 60 : days.getValue();
        tasks.run(Ui.text("alerts.loading"), p -> new Loaded(expireFirst ? bonds.expireDue() : 0, alerts.alerts(n)), l -> {
            if (l.expired() > 0) {
                note = Ui.text("alerts.autoExpired", l.expired());
            }
            show(l.alerts());
        }, f -> error.setText(Ui.describe(f)));
    }

    private void show(BondAlerts a) {
        error.setText("");
        today = a.today(); // the session's date (a trainer's exercise may set it), not the workstation's
        summary.setText(Ui.text("alerts.summary", a.today().toString(), a.total()) + (note.isEmpty() ? "" : " " + note));
        endingTitle.setText(Ui.text("alerts.ending", a.withinDays(), a.endingSoon().size()));
        uncoveredTitle.setText(Ui.text("alerts.uncovered", a.uncoveredWorkers().size()));
        underTitle.setText(Ui.text("alerts.under", a.underFunded().size()));
        claimsTitle.setText(Ui.text("alerts.claims", a.claimsWaiting().size()));
        approvalsTitle.setText(Ui.text("alerts.approvals", a.approvalsWaiting().size()));
        ending.setItems(FXCollections.observableArrayList(a.endingSoon()));
        uncovered.setItems(FXCollections.observableArrayList(a.uncoveredWorkers()));
        under.setItems(FXCollections.observableArrayList(a.underFunded()));
        claims.setItems(FXCollections.observableArrayList(a.claimsWaiting()));
        approvals.setItems(FXCollections.observableArrayList(a.approvalsWaiting()));
    }

    private void expire() {
        tasks.run(Ui.text("bonds.saving"), p -> bonds.expireDue(), n -> {
            note = Ui.text("alerts.expired", n);
            load();
        }, f -> error.setText(Ui.describe(f)));
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return days;
    }

    Node page() {
        return page;
    }
}
