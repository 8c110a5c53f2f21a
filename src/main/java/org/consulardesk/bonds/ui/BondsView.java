package org.consulardesk.bonds.ui;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondDocument;
import org.consulardesk.bonds.model.BondDraft;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.Coverage;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.EntryStatus;
import org.consulardesk.bonds.model.Instrument;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.model.ReleaseCheck;
import org.consulardesk.bonds.service.BondService;
import org.consulardesk.bonds.service.LedgerService;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * The bond register and the detail of one bond: its terms, its ledger (post deposits, top-ups,
 * drawdowns and fees; reverse; approve or refuse as a second officer), the workers it covers and its
 * document scans; activation, end-of-term release and forfeiture.
 */
public final class BondsView implements View {
    private final BondService bonds;
    private final LedgerService ledger;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final boolean approver;
    private final VBox root;
    private final javafx.scene.control.ScrollPane scroll;

    private final TextField search = Ui.field("bonds.search");
    private final ComboBox<BondState> stateFilter = BondsUi.choice("bonds-state-filter", "bonds.stateFilter", "bonds.state.",
            BondState.values(), null);
    private final ObservableList<BondOverview> register = FXCollections.observableArrayList();
    private final TableView<BondOverview> table = new TableView<>(register);
    private final Label error = Ui.errorLabel("bonds-error");
    private final Label info = new Label();
    private final TextField thresholdCurrency = Ui.field("bonds.threshold.currency");
    private final TextField thresholdAmount = Ui.field("bonds.threshold.amount");
    private final Label thresholds = new Label();

    // new bond
    private final VBox createCard;
    private final TextField newEmployer = Ui.field("bonds.new.employer");
    private final ComboBox<Instrument> newInstrument = BondsUi.choice("bonds-new-instrument", "bonds.new.instrument",
            "bonds.instrument.", Instrument.values(), Instrument.CASH_DEPOSIT);
    private final TextField newIssuer = Ui.field("bonds.new.issuer");
    private final TextField newReference = Ui.field("bonds.new.reference");
    private final TextField newAmount = Ui.field("bonds.new.amount");
    private final TextField newCurrency = Ui.field("bonds.new.currency");
    private final Map<Coverage, CheckBox> newCoverage = new EnumMap<>(Coverage.class);
    private final CheckBox newPooled = new CheckBox(Ui.text("bonds.new.pooled"));
    private final TextField newCover = Ui.field("bonds.new.cover");
    private final TextField newStart = Ui.field("bonds.new.start");
    private final TextField newEnd = Ui.field("bonds.new.end");
    private final TextField newAccess = Ui.field("bonds.new.access");
    private final CheckBox newStateDraws = new CheckBox(Ui.text("bonds.new.stateDraws"));
    private final CheckBox newWorkerDraws = new CheckBox(Ui.text("bonds.new.workerDraws"));

    // detail
    private final VBox detail;
    private final Label heading = new Label();
    private final Label figures = new Label();
    private final Label terms = new Label();
    private final ObservableList<LedgerEntry> entries = FXCollections.observableArrayList();
    private final TableView<LedgerEntry> ledgerTable = new TableView<>(entries);
    private final ComboBox<EntryKind> entryKind = BondsUi.choice("bonds-entry-kind", "bonds.entry.kind", "bonds.entry.",
            new EntryKind[] {EntryKind.DEPOSIT, EntryKind.TOP_UP, EntryKind.DRAWDOWN, EntryKind.FEE}, EntryKind.DEPOSIT);
    private final TextField entryAmount = Ui.field("bonds.entry.amount");
    private final TextField entryCurrency = Ui.field("bonds.entry.currency");
    private final TextField entryRate = Ui.field("bonds.entry.rate");
    private final TextField entryPerson = Ui.field("bonds.entry.person");
    private final TextField entryMemo = Ui.field("bonds.entry.memo");
    private final ObservableList<CoveredWorker> workers = FXCollections.observableArrayList();
    private final TableView<CoveredWorker> workerTable = new TableView<>(workers);
    private final TextField workerPerson = Ui.field("bonds.worker.person");
    private final TextField workerTitle = Ui.field("bonds.worker.title");
    private final TextField workerStart = Ui.field("bonds.worker.start");
    private final TextField workerEnd = Ui.field("bonds.worker.end");
    private final TextField workerWage = Ui.field("bonds.worker.wage");
    private final ObservableList<BondDocument> documents = FXCollections.observableArrayList();
    private final TableView<BondDocument> documentTable = new TableView<>(documents);
    private final TextField documentTitle = Ui.field("bonds.document.title");
    private final Button activate;
    private final Button release;
    private final Button forfeit;
    private BondOverview shown;
    private BondExportWindow.Opener exporter = BondExportWindow.Opener.NONE;

    private java.util.function.LongConsumer onOpenPerson = id -> { };

    public BondsView(BondService bonds, LedgerService ledger, BackgroundTasks tasks, DialogService dialogs, boolean approver) {
        this.bonds = bonds;
        this.ledger = ledger;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.approver = approver;

        search.setPromptText(Ui.text("bonds.search.prompt"));
        search.setOnAction(e -> load(null));
        HBox.setHgrow(search, Priority.ALWAYS);
        Button find = Ui.button("bonds.find", e -> load(null));
        find.setId("bonds-find");
        stateFilter.getItems().add(0, null);
        stateFilter.setValue(null);
        stateFilter.valueProperty().addListener((o, a, b) -> load(null));
        Button newBond = Ui.button("bonds.new", e -> toggleCreate());
        newBond.setId("bonds-new");
        Button exportRegister = Ui.button("bonds.exportRegister", e -> exporter.open(table,
                org.consulardesk.bonds.service.BondRegisterProfile.NAME, stateFilter.getValue() == null ? Map.of()
                        : Map.of("state", stateFilter.getValue().name())));
        exportRegister.setId("bonds-export-register");
        HBox searchRow = new HBox(8, search, stateFilter, find, newBond, exportRegister);
        searchRow.setAlignment(Pos.CENTER_LEFT);
        thresholdCurrency.setPrefColumnCount(4);
        thresholdCurrency.setPromptText("USD");
        thresholdAmount.setPrefColumnCount(9);
        thresholdAmount.setPromptText(Ui.text("bonds.threshold.amount"));
        Button setThreshold = Ui.button("bonds.threshold.set", e -> setThreshold());
        setThreshold.setId("bonds-threshold-set");
        thresholds.setId("bonds-thresholds");
        thresholds.getStyleClass().add(Styles.MUTED);
        Label thresholdLabel = Ui.label("bonds.threshold");
        thresholdLabel.setLabelFor(thresholdCurrency);
        // The fields keep their size; the current thresholds take what is left and wrap under the row.
        for (Region r : new Region[] {thresholdLabel, thresholdCurrency, thresholdAmount,
                setThreshold}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        thresholds.setWrapText(true);
        HBox.setHgrow(thresholds, Priority.ALWAYS);
        HBox thresholdRow = new HBox(8, thresholdLabel, thresholdCurrency, thresholdAmount, setThreshold, thresholds);
        thresholdRow.setAlignment(Pos.CENTER_LEFT);
        thresholdRow.setVisible(approver);
        thresholdRow.setManaged(approver);

        table.setId("bonds-table");
        table.setAccessibleText(Ui.text("bonds.title"));
        table.setPlaceholder(Ui.label("bonds.empty"));
        table.getColumns().add(Ui.column("bonds.col.reference", o -> o.bond().reference(), 160));
        table.getColumns().add(Ui.column("bonds.col.employer", o -> o.bond().organisationName(), 200));
        table.getColumns().add(Ui.column("bonds.col.instrument", o -> Ui.text("bonds.instrument." + o.bond().instrument().name()), 130));
        table.getColumns().add(Ui.column("bonds.col.scope", o -> Ui.text(o.bond().pooled() ? "bonds.pooled" : "bonds.perWorker"), 90));
        table.getColumns().add(Ui.column("bonds.col.face", o -> o.bond().faceAmount().toString(), 120));
        table.getColumns().add(Ui.column("bonds.col.balance", o -> o.balance().toString(), 120));
        table.getColumns().add(Ui.column("bonds.col.state", o -> Ui.text("bonds.state." + o.bond().state().name()), 110));
        table.getColumns().add(Ui.column("bonds.col.ends", o -> o.bond().termEnd().toString(), 100));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(190);
        table.setMinHeight(120);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                open(b.bond().id());
            }
        });

        createCard = createForm();
        createCard.setVisible(false);
        createCard.setManaged(false);

        heading.setId("bonds-heading");
        heading.getStyleClass().add(Styles.SUBTITLE);
        figures.setId("bonds-figures");
        terms.setId("bonds-terms");
        terms.setWrapText(true);
        terms.getStyleClass().add(Styles.MUTED);
        activate = Ui.button("bonds.activate", e -> activateBond());
        activate.setId("bonds-activate");
        release = Ui.button("bonds.release", e -> release());
        release.setId("bonds-release");
        forfeit = Ui.button("bonds.forfeit", e -> forfeit());
        forfeit.setId("bonds-forfeit");
        forfeit.getStyleClass().add(Styles.DANGER);
        forfeit.setVisible(approver);
        forfeit.setManaged(approver);
        Button exportLedger = Ui.button("bonds.exportLedger", e -> {
            if (shown != null) {
                exporter.open(ledgerTable, org.consulardesk.bonds.service.BondLedgerProfile.NAME,
                        Map.of("bond", Long.toString(shown.bond().id())));
            }
        });
        exportLedger.setId("bonds-export-ledger");
        HBox actions = new HBox(8, activate, release, forfeit, exportLedger);
        TabPane tabs = new TabPane(new Tab(Ui.text("bonds.tab.ledger"), ledgerPane()),
                new Tab(Ui.text("bonds.tab.workers"), workersPane()), new Tab(Ui.text("bonds.tab.documents"), documentsPane()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("bonds-tabs");
        detail = Ui.card(heading, figures, terms, actions, tabs);
        detail.setSpacing(8);
        VBox.setVgrow(detail, Priority.ALWAYS);
        show(null);

        info.setId("bonds-info");
        info.getStyleClass().add(Styles.SUCCESS);
        root = Ui.page(Ui.styled(Styles.TITLE, "bonds.title"), Ui.styled(Styles.MUTED, "bonds.intro"), searchRow, thresholdRow, table,
                createCard, error, info, detail);
        root.setSpacing(10);
        for (Label l : new Label[] {error, info}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
        }
        scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
    }

    /** What "Open registration" on a worker calls with the person's id (the shell opens the person form). */
    public BondsView setOnOpenPerson(java.util.function.LongConsumer onOpenPerson) {
        this.onOpenPerson = onOpenPerson;
        return this;
    }

    public static BondsView of(Session session, BackgroundTasks tasks, DialogService dialogs) {
        BondsView view = new BondsView(new BondService(session), new LedgerService(session), tasks, dialogs,
                session.can(Permission.APPROVE_LEDGER));
        view.exportWith(BondExportWindow.opener(session, tasks, dialogs));
        return view;
    }

    /** How the export buttons open the exchange's export (tests pass their own). */
    public void exportWith(BondExportWindow.Opener opener) {
        this.exporter = opener;
    }

    private VBox createForm() {
        GridPane grid = Ui.form();
        newEmployer.setPromptText(Ui.text("bonds.new.employer.prompt"));
        newCurrency.setText("USD");
        newCurrency.setPrefColumnCount(4);
        newStart.setPromptText("YYYY-MM-DD");
        newEnd.setPromptText("YYYY-MM-DD");
        newCover.setPromptText(Ui.text("bonds.new.cover.prompt"));
        newStateDraws.setSelected(true);
        newWorkerDraws.setSelected(true);
        newStateDraws.setId("bonds-new-stateDraws");
        newWorkerDraws.setId("bonds-new-workerDraws");
        newPooled.setId("bonds-new-pooled");
        FlowPane coverage = new FlowPane(12, 6);
        for (Coverage c : Coverage.values()) {
            CheckBox box = new CheckBox(Ui.text("bonds.coverage." + c.name()));
            box.setId("bonds-new-coverage-" + c.name());
            box.setSelected(c == Coverage.EVACUATION || c == Coverage.OUTSTANDING_WAGES);
            newCoverage.put(c, box);
            coverage.getChildren().add(box);
        }
        newCover.disableProperty().bind(newPooled.selectedProperty().not());
        int r = 0;
        Ui.row(grid, r++, "bonds.new.employer", newEmployer);
        Ui.row(grid, r++, "bonds.new.instrument", newInstrument);
        Ui.row(grid, r++, "bonds.new.issuer", newIssuer);
        Ui.row(grid, r++, "bonds.new.reference", newReference);
        HBox money = new HBox(8, newAmount, newCurrency);
        HBox.setHgrow(newAmount, Priority.ALWAYS);
        Ui.row(grid, r++, "bonds.new.amount", money);
        Ui.row(grid, r++, "bonds.new.coverage", coverage);
        HBox pooled = new HBox(12, newPooled, newCover);
        pooled.setAlignment(Pos.CENTER_LEFT);
        Ui.row(grid, r++, "bonds.new.scope", pooled);
        HBox term = new HBox(8, newStart, Ui.label("bonds.to"), newEnd);
        term.setAlignment(Pos.CENTER_LEFT);
        Ui.row(grid, r++, "bonds.new.term", term);
        Ui.row(grid, r++, "bonds.new.access", newAccess);
        Ui.row(grid, r++, "bonds.new.drawers", new HBox(12, newStateDraws, newWorkerDraws));
        Button create = Ui.button("bonds.new.create", e -> create());
        create.setId("bonds-new-create");
        create.getStyleClass().add(Styles.PRIMARY);
        Button cancel = Ui.button("bonds.new.cancel", e -> toggleCreate());
        grid.add(new HBox(8, create, cancel), 1, r);
        return Ui.card(Ui.styled(Styles.SUBTITLE, "bonds.new.heading"), grid);
    }

    private Node ledgerPane() {
        ledgerTable.setId("bonds-ledger");
        ledgerTable.setAccessibleText(Ui.text("bonds.tab.ledger"));
        ledgerTable.setPlaceholder(Ui.label("bonds.ledger.empty"));
        ledgerTable.getColumns().add(Ui.column("bonds.ledger.col.no", e -> Long.toString(e.id()), 60));
        ledgerTable.getColumns().add(Ui.column("bonds.ledger.col.date", e -> e.enteredAt().toString().substring(0, 10), 95));
        ledgerTable.getColumns().add(Ui.column("bonds.ledger.col.kind", e -> Ui.text("bonds.entry." + e.kind().name())
                + (e.reversedBy() != null ? " " + Ui.text("bonds.ledger.reversed") : ""), 150));
        ledgerTable.getColumns().add(Ui.column("bonds.ledger.col.amount", e -> e.amount().toString(), 120));
        ledgerTable.getColumns().add(Ui.column("bonds.ledger.col.converted", e -> e.original() == null ? ""
                : Ui.text("bonds.ledger.converted", e.original().toString(), e.rate().toPlainString()), 150));
        ledgerTable.getColumns().add(Ui.column("bonds.ledger.col.status", e -> Ui.text("bonds.entryStatus." + e.status().name())
                + (e.decidedBy() == null ? "" : " (" + e.decidedBy() + ")"), 150));
        ledgerTable.getColumns().add(Ui.column("bonds.ledger.col.by", LedgerEntry::enteredBy, 90));
        ledgerTable.getColumns().add(Ui.column("bonds.ledger.col.memo", e -> BondsUi.nz(e.memo()), 200));
        ledgerTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ledgerTable.setPrefHeight(170);

        entryAmount.setPrefColumnCount(9);
        entryAmount.setPromptText(Ui.text("bonds.entry.amount"));
        entryCurrency.setPrefColumnCount(4);
        entryRate.setPrefColumnCount(7);
        entryRate.setPromptText(Ui.text("bonds.entry.rate"));
        entryPerson.setPrefColumnCount(7);
        entryPerson.setPromptText(Ui.text("bonds.entry.person"));
        entryMemo.setPromptText(Ui.text("bonds.entry.memo"));
        HBox.setHgrow(entryMemo, Priority.ALWAYS);
        Button post = Ui.button("bonds.entry.post", e -> post());
        post.setId("bonds-entry-post");
        post.getStyleClass().add(Styles.PRIMARY);
        entryMemo.setOnAction(e -> post());
        HBox form = new HBox(8, entryKind, entryAmount, entryCurrency, entryRate, entryPerson, entryMemo, post);
        form.setAlignment(Pos.CENTER_LEFT);

        Button reverse = Ui.button("bonds.entry.reverse", e -> reverse());
        reverse.setId("bonds-entry-reverse");
        Button approve = Ui.button("bonds.entry.approve", e -> decide(true));
        approve.setId("bonds-entry-approve");
        Button reject = Ui.button("bonds.entry.reject", e -> decide(false));
        reject.setId("bonds-entry-reject");
        reverse.disableProperty().bind(ledgerTable.getSelectionModel().selectedItemProperty().isNull());
        approve.disableProperty().bind(ledgerTable.getSelectionModel().selectedItemProperty().isNull());
        reject.disableProperty().bind(ledgerTable.getSelectionModel().selectedItemProperty().isNull());
        HBox selected = new HBox(8, reverse, approve, reject, Ui.styled(Styles.MUTED, "bonds.entry.reasonHint"));
        selected.setAlignment(Pos.CENTER_LEFT);
        approve.setVisible(approver);
        approve.setManaged(approver);
        reject.setVisible(approver);
        reject.setManaged(approver);
        VBox pane = new VBox(8, ledgerTable, form, selected);
        pane.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        return pane;
    }

    private Node workersPane() {
        workerTable.setId("bonds-workers");
        workerTable.setAccessibleText(Ui.text("bonds.tab.workers"));
        workerTable.setPlaceholder(Ui.label("bonds.workers.empty"));
        workerTable.getColumns().add(Ui.column("bonds.workers.col.person", w -> Long.toString(w.personId()), 80));
        workerTable.getColumns().add(Ui.column("bonds.workers.col.name", w -> w.familyName() + ", " + w.givenNames(), 200));
        workerTable.getColumns().add(Ui.column("bonds.workers.col.title", w -> BondsUi.nz(w.positionTitle()), 140));
        workerTable.getColumns().add(Ui.column("bonds.workers.col.contract", w -> (w.contractStart() == null ? "" : w.contractStart().toString())
                + " \u2013 " + (w.contractEnd() == null ? "" : w.contractEnd().toString()), 190));
        workerTable.getColumns().add(Ui.column("bonds.workers.col.wage", w -> w.monthlyWage() == null ? "" : w.monthlyWage().toString(), 120));
        workerTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        workerTable.setPrefHeight(150);
        workerPerson.setPromptText(Ui.text("bonds.worker.person"));
        workerPerson.setPrefColumnCount(7);
        workerTitle.setPromptText(Ui.text("bonds.worker.title"));
        workerStart.setPromptText(Ui.text("bonds.worker.start"));
        workerStart.setPrefColumnCount(9);
        workerEnd.setPromptText(Ui.text("bonds.worker.end"));
        workerEnd.setPrefColumnCount(9);
        workerWage.setPromptText(Ui.text("bonds.worker.wage"));
        workerWage.setPrefColumnCount(8);
        Button add = Ui.button("bonds.worker.add", e -> addWorker());
        add.setId("bonds-worker-add");
        Button remove = Ui.button("bonds.worker.remove", e -> removeWorker());
        remove.setId("bonds-worker-remove");
        remove.disableProperty().bind(workerTable.getSelectionModel().selectedItemProperty().isNull());
        // The worker as listed: after a merge, the registration that stands for them now (ADR 0064).
        Button open = Ui.button("bonds.worker.open", e -> {
            CoveredWorker w = workerTable.getSelectionModel().getSelectedItem();
            if (w != null) {
                onOpenPerson.accept(w.personId());
            }
        });
        open.setId("bonds-worker-open");
        open.disableProperty().bind(workerTable.getSelectionModel().selectedItemProperty().isNull());
        HBox form = new HBox(8, workerPerson, workerTitle, workerStart, workerEnd, workerWage, add, remove, open);
        form.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(8, workerTable, form);
        pane.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        return pane;
    }

    private Node documentsPane() {
        documentTable.setId("bonds-documents");
        documentTable.setAccessibleText(Ui.text("bonds.tab.documents"));
        documentTable.setPlaceholder(Ui.label("bonds.documents.empty"));
        documentTable.getColumns().add(Ui.column("bonds.documents.col.title", BondDocument::title, 220));
        documentTable.getColumns().add(Ui.column("bonds.documents.col.type", BondDocument::mediaType, 140));
        documentTable.getColumns().add(Ui.column("bonds.documents.col.size", d -> Ui.text("bonds.documents.kb",
                Math.max(1, d.size() / 1024)), 90));
        documentTable.getColumns().add(Ui.column("bonds.documents.col.added", d -> d.addedBy() + ", "
                + d.addedAt().toString().substring(0, 10), 180));
        documentTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        documentTable.setPrefHeight(150);
        documentTitle.setPromptText(Ui.text("bonds.document.title"));
        HBox.setHgrow(documentTitle, Priority.ALWAYS);
        Button add = Ui.button("bonds.document.add", e -> addDocument());
        add.setId("bonds-document-add");
        Button save = Ui.button("bonds.document.save", e -> saveDocument());
        save.setId("bonds-document-save");
        save.disableProperty().bind(documentTable.getSelectionModel().selectedItemProperty().isNull());
        HBox form = new HBox(8, documentTitle, add, save);
        form.setAlignment(Pos.CENTER_LEFT);
        VBox pane = new VBox(8, documentTable, form);
        pane.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
        return pane;
    }

    @Override
    public void activate() {
        load(shown == null ? null : shown.bond().id());
    }

    private void load(Long reopen) {
        String text = search.getText();
        BondState state = stateFilter.getValue();
        tasks.run(Ui.text("bonds.loading"), p -> ledger.thresholds(), list -> thresholds.setText(list.isEmpty()
                ? Ui.text("bonds.threshold.none") : Ui.text("bonds.threshold.current",
                String.join(", ", list.stream().map(Money::toString).toList()))), f -> { });
        tasks.run(Ui.text("bonds.loading"), p -> {
            bonds.expireDue(); // bonds whose term has passed become expired when the register is opened (audited)
            return bonds.register(text, state, 1000);
        }, list -> {
            register.setAll(list);
            if (reopen != null) {
                open(reopen);
            } else if (shown == null && !list.isEmpty()) {
                table.getSelectionModel().selectFirst(); // the bond ending soonest: the detail is never empty
            }
        }, f -> error.setText(Ui.describe(f)));
    }

    private record Detail(BondOverview overview, List<LedgerEntry> entries, List<CoveredWorker> workers,
                          List<BondDocument> documents) {
    }

    private void open(long id) {
        tasks.run(Ui.text("bonds.loading"), p -> new Detail(bonds.overview(id), ledger.entries(id), bonds.workers(id),
                bonds.documents(id)), d -> {
                    show(d.overview());
                    entries.setAll(d.entries());
                    workers.setAll(d.workers());
                    documents.setAll(d.documents());
                    for (int i = 0; i < register.size(); i++) {
                        if (register.get(i).bond().id() == id) {
                            register.set(i, d.overview());
                        }
                    }
                }, f -> error.setText(Ui.describe(f)));
    }

    private void show(BondOverview o) {
        shown = o;
        detail.setVisible(o != null);
        detail.setManaged(o != null);
        if (o == null) {
            return;
        }
        Bond b = o.bond();
        heading.setText(Ui.text("bonds.detail.heading", b.reference(), b.organisationName(),
                Ui.text("bonds.state." + b.state().name())));
        figures.setText(Ui.text("bonds.detail.figures", b.faceAmount().toString(), o.balance().toString(),
                o.pendingDebits().abs().toString(), o.available().toString(), o.coveredWorkers()));
        StringBuilder covers = new StringBuilder();
        for (Coverage c : Coverage.values()) {
            if (b.coverage().contains(c)) {
                covers.append(covers.length() == 0 ? "" : ", ").append(Ui.text("bonds.coverage." + c.name()));
            }
        }
        String drawers = b.stateMayDraw() && b.workerMayDraw() ? Ui.text("bonds.drawers.both")
                : b.stateMayDraw() ? Ui.text("bonds.drawers.state") : Ui.text("bonds.drawers.worker");
        terms.setText(Ui.text("bonds.detail.terms", Ui.text("bonds.instrument." + b.instrument().name()),
                BondsUi.nz(b.issuer()), b.termStart().toString(), b.termEnd().toString(), covers.toString(),
                Ui.text(b.pooled() ? "bonds.pooled" : "bonds.perWorker")
                        + (b.coverPerWorker() == null ? "" : " " + Ui.text("bonds.detail.cover", new Money(b.coverPerWorker(),
                        b.faceAmount().currency()).toString())),
                drawers, BondsUi.nz(b.accessConditions())));
        activate.setDisable(b.state() != BondState.DRAFT);
        release.setDisable(!b.state().drawable());
        forfeit.setDisable(!b.state().drawable());
        entryCurrency.setText(b.faceAmount().code());
    }

    private void setThreshold() {
        Money amount;
        try {
            java.util.Currency c = BondsUi.currency(thresholdCurrency);
            BigDecimal a = BondsUi.amount(thresholdAmount);
            if (!Money.fits(a, c)) {
                throw new org.consulardesk.core.UserError("error.bond.amount", c.getCurrencyCode());
            }
            amount = new Money(a.setScale(Money.digits(c)), c);
        } catch (RuntimeException e) {
            error.setText(Ui.describe(e));
            return;
        }
        change(() -> {
            ledger.setThreshold(amount);
            return Ui.text("bonds.threshold.saved", amount.toString());
        }, () -> {
            thresholdAmount.clear();
            thresholdCurrency.clear();
        });
    }

    private void toggleCreate() {
        boolean show = !createCard.isVisible();
        createCard.setVisible(show);
        createCard.setManaged(show);
        if (show) {
            newEmployer.requestFocus();
        }
    }

    private void create() {
        error.setText("");
        info.setText("");
        BondDraft draft;
        try {
            Set<Coverage> coverage = EnumSet.noneOf(Coverage.class);
            newCoverage.forEach((c, box) -> {
                if (box.isSelected()) {
                    coverage.add(c);
                }
            });
            draft = new BondDraft(BondsUi.number(newEmployer), newInstrument.getValue(), newIssuer.getText(),
                    newReference.getText(), BondsUi.amount(newAmount), BondsUi.currency(newCurrency), coverage,
                    newPooled.isSelected(), newPooled.isSelected() ? BondsUi.optionalAmount(newCover).orElse(null) : null,
                    BondsUi.date(newStart), BondsUi.date(newEnd), newAccess.getText(), newStateDraws.isSelected(),
                    newWorkerDraws.isSelected());
        } catch (RuntimeException e) {
            error.setText(Ui.describe(e));
            return;
        }
        tasks.run(Ui.text("bonds.saving"), p -> bonds.create(draft), b -> {
            info.setText(Ui.text("bonds.created", b.reference()));
            toggleCreate();
            newReference.clear();
            newAmount.clear();
            search.setText(b.reference());
            load(b.id());
        }, f -> error.setText(Ui.describe(f)));
    }

    private void post() {
        if (shown == null) {
            return;
        }
        long id = shown.bond().id();
        EntryRequest request;
        try {
            request = new EntryRequest(entryKind.getValue(), BondsUi.amount(entryAmount), BondsUi.currency(entryCurrency),
                    BondsUi.optionalAmount(entryRate).orElse(null), BondsUi.optionalNumber(entryPerson).orElse(null),
                    entryMemo.getText());
        } catch (RuntimeException e) {
            error.setText(Ui.describe(e));
            return;
        }
        change(() -> {
            LedgerEntry e = ledger.post(id, request);
            return Ui.text(e.status() == EntryStatus.PENDING ? "bonds.entry.pending" : "bonds.entry.posted", e.id());
        }, () -> {
            entryAmount.clear();
            entryRate.clear();
            entryMemo.clear();
        });
    }

    private void reverse() {
        LedgerEntry e = ledgerTable.getSelectionModel().getSelectedItem();
        if (e == null) {
            return;
        }
        String reason = entryMemo.getText();
        change(() -> Ui.text("bonds.entry.posted", ledger.reverse(e.id(), reason).id()), entryMemo::clear);
    }

    private void decide(boolean approve) {
        LedgerEntry e = ledgerTable.getSelectionModel().getSelectedItem();
        if (e == null) {
            return;
        }
        String reason = entryMemo.getText();
        change(() -> {
            LedgerEntry d = approve ? ledger.approve(e.id()) : ledger.reject(e.id(), reason);
            return Ui.text(approve ? "bonds.entry.approved" : "bonds.entry.rejected", d.id());
        }, entryMemo::clear);
    }

    private void activateBond() {
        if (shown == null) {
            return;
        }
        Bond b = shown.bond();
        change(() -> Ui.text("bonds.activated", bonds.activate(b.id(), b.version()).reference()), () -> { });
    }

    private void release() {
        if (shown == null) {
            return;
        }
        long id = shown.bond().id();
        tasks.run(Ui.text("bonds.loading"), p -> bonds.releaseCheck(id), check -> {
            if (!check.clear()) {
                error.setText(Ui.text("error.bond.releaseBlocked", check.openClaimIds().size(), check.pendingEntryIds().size(),
                        String.join(", ", check.openCostReferences())));
                return;
            }
            if (dialogs.confirm(Ui.text("bonds.release.title"), Ui.text("bonds.release.confirm", check.balance().toString()))) {
                change(() -> {
                    ReleaseCheck after = bonds.release(id, entryMemo.getText());
                    return Ui.text("bonds.released", after.balance().toString());
                }, () -> { });
            }
        }, f -> error.setText(Ui.describe(f)));
    }

    private void forfeit() {
        if (shown == null) {
            return;
        }
        long id = shown.bond().id();
        String reason = entryMemo.getText();
        if (dialogs.confirm(Ui.text("bonds.forfeit.title"), Ui.text("bonds.forfeit.confirm", shown.balance().toString()))) {
            change(() -> Ui.text("bonds.forfeited", bonds.forfeit(id, reason).reference()), entryMemo::clear);
        }
    }

    private void addWorker() {
        if (shown == null) {
            return;
        }
        long id = shown.bond().id();
        CoveredWorker w;
        try {
            BigDecimal wage = BondsUi.optionalAmount(workerWage).orElse(null);
            w = new CoveredWorker(BondsUi.number(workerPerson), null, null, workerTitle.getText(),
                    BondsUi.optionalDate(workerStart).orElse(null), BondsUi.optionalDate(workerEnd).orElse(null),
                    wage == null ? null : new Money(wage.setScale(Money.digits(shown.bond().faceAmount().currency())),
                            shown.bond().faceAmount().currency()));
        } catch (RuntimeException e) {
            error.setText(Ui.describe(e));
            return;
        }
        change(() -> {
            bonds.addWorker(id, w);
            return Ui.text("bonds.worker.added");
        }, () -> {
            workerPerson.clear();
            workerTitle.clear();
            workerWage.clear();
        });
    }

    private void removeWorker() {
        CoveredWorker w = workerTable.getSelectionModel().getSelectedItem();
        if (shown == null || w == null) {
            return;
        }
        long id = shown.bond().id();
        change(() -> {
            bonds.removeWorker(id, w.personId());
            return Ui.text("bonds.worker.removed");
        }, () -> { });
    }

    private void addDocument() {
        if (shown == null) {
            return;
        }
        long id = shown.bond().id();
        String title = documentTitle.getText();
        dialogs.chooseFileToOpen(Ui.text("bonds.document.choose")).ifPresent(path -> change(() -> {
            byte[] content = Files.readAllBytes(path);
            String type = Files.probeContentType(path);
            bonds.addDocument(id, title == null || title.isBlank() ? path.getFileName().toString() : title, type, content);
            return Ui.text("bonds.document.added");
        }, documentTitle::clear));
    }

    private void saveDocument() {
        BondDocument d = documentTable.getSelectionModel().getSelectedItem();
        if (shown == null || d == null) {
            return;
        }
        long id = shown.bond().id();
        dialogs.chooseFileToSave(Ui.text("bonds.document.saveTitle"), d.title()).ifPresent(path -> tasks.run(
                Ui.text("bonds.saving"), p -> {
                    org.consulardesk.core.AtomicFiles.write(path, bonds.documentContent(id, d.id()));
                    return path;
                }, (Path saved) -> info.setText(Ui.text("bonds.document.saved", saved.toString())),
                f -> error.setText(Ui.describe(f))));
    }

    @FunctionalInterface
    private interface Work {
        String run() throws Exception;
    }

    /** Runs a change, shows its outcome and reloads the bond (also after a failure, which may be stale data). */
    private void change(Work work, Runnable after) {
        error.setText("");
        info.setText("");
        long id = shown == null ? 0 : shown.bond().id();
        tasks.run(Ui.text("bonds.saving"), p -> work.run(), message -> {
            info.setText(message);
            after.run();
            load(id == 0 ? null : id);
        }, f -> {
            error.setText(Ui.describe(f));
            if (id != 0) {
                open(id);
            }
        });
    }

    /** The bond shown in the detail (tests). */
    BondOverview shown() {
        return shown;
    }

    @Override
    public Node root() {
        return scroll;
    }

    @Override
    public Node initialFocus() {
        return search;
    }
}
