package org.consulardesk.bonds.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.consulardesk.bonds.model.Allocation;
import org.consulardesk.bonds.model.AllocationMethod;
import org.consulardesk.bonds.model.AllocationPreview;
import org.consulardesk.bonds.model.CostKind;
import org.consulardesk.bonds.model.EvacuationCost;
import org.consulardesk.bonds.model.LedgerLine;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.service.EvacuationCostService;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.UserError;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.security.service.Session;

/**
 * Evacuation costs: record a cost (a movement, flight, bus...) with the evacuated registrants picked
 * from the registry, and the reference later evacuation operations point at; then choose the
 * allocation (per head or proportional), preview what each bond would be charged, and post. The
 * drawdowns follow the ledger's rules: above the threshold they wait for a second officer.
 */
public final class EvacuationCostsView implements View {
    private final EvacuationCostService costs;
    private final PersonService persons;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final ScrollPane root;
    private final VBox page;
    private final ObservableList<EvacuationCost> list = FXCollections.observableArrayList();
    private final TableView<EvacuationCost> table = new TableView<>(list);
    private final Label error = Ui.errorLabel("costs-error");
    private final Label info = new Label();

    // record
    private final ComboBox<CostKind> kind = BondsUi.choice("costs-kind", "costs.kind", "costs.kind.", CostKind.values(),
            CostKind.BUS);
    private final TextField description = Ui.field("costs.description");
    private final TextField date = Ui.field("costs.date");
    private final TextField amount = Ui.field("costs.amount");
    private final TextField currency = Ui.field("costs.currency");
    private final TextField operation = Ui.field("costs.operation");
    private final TextField personSearch = Ui.field("costs.personSearch");
    private final ObservableList<Person> found = FXCollections.observableArrayList();
    private final TableView<Person> foundTable = new TableView<>(found);
    private final ObservableList<Person> evacuated = FXCollections.observableArrayList();
    private final TableView<Person> evacuatedTable = new TableView<>(evacuated);

    // allocation
    private final Label heading = new Label();
    private final Label costLine = new Label();
    private final ComboBox<AllocationMethod> method = BondsUi.choice("costs-method", "costs.method", "costs.method.",
            AllocationMethod.values(), AllocationMethod.PER_HEAD);
    private final TextField rates = Ui.field("costs.rates");
    private final ObservableList<Allocation> allocations = FXCollections.observableArrayList();
    private final TableView<Allocation> allocationTable = new TableView<>(allocations);
    private final Label previewLine = new Label();
    private final ObservableList<LedgerLine> drawdowns = FXCollections.observableArrayList();
    private final TableView<LedgerLine> drawdownTable = new TableView<>(drawdowns);
    private final TextField link = Ui.field("costs.link");
    private final Button preview;
    private final Button post;
    private final VBox detail;
    private EvacuationCost shown;
    /** The preview on screen: posting is offered only for exactly what was previewed. */
    private AllocationPreview previewed;
    private String previewedRates;

    public EvacuationCostsView(EvacuationCostService costs, PersonService persons, BackgroundTasks tasks,
                               DialogService dialogs) {
        this.costs = costs;
        this.persons = persons;
        this.tasks = tasks;
        this.dialogs = dialogs;

        table.setId("costs-table");
        table.setAccessibleText(Ui.text("costs.title"));
        table.setPlaceholder(Ui.label("costs.empty"));
        table.getColumns().add(Ui.column("costs.col.reference", EvacuationCost::reference, 120));
        table.getColumns().add(Ui.column("costs.col.date", c -> c.incurredOn().toString(), 95));
        table.getColumns().add(Ui.column("costs.col.kind", c -> Ui.text("costs.kind." + c.kind().name()), 100));
        table.getColumns().add(Ui.column("costs.col.description", EvacuationCost::description, 250));
        table.getColumns().add(Ui.column("costs.col.amount", c -> c.amount().toString(), 120));
        table.getColumns().add(Ui.column("costs.col.workers", c -> Integer.toString(c.personIds().size()), 80));
        table.getColumns().add(Ui.column("costs.col.status", c -> c.posted()
                ? Ui.text("costs.status.posted", Ui.text("costs.method." + c.method().name())) : Ui.text("costs.status.open"), 150));
        table.getColumns().add(Ui.column("costs.col.operation", c -> BondsUi.nz(c.operationRef()), 120));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(170);
        table.setMinHeight(110);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> show(b));

        Node recordCard = recordForm();

        heading.setId("costs-heading");
        heading.getStyleClass().add(Styles.SUBTITLE);
        costLine.setId("costs-line");
        costLine.setWrapText(true);
        costLine.getStyleClass().add(Styles.MUTED);
        method.setOnAction(e -> clearPreview());
        rates.setPromptText(Ui.text("costs.rates.prompt"));
        rates.textProperty().addListener((o, a, b) -> clearPreview());
        HBox.setHgrow(rates, Priority.ALWAYS);
        preview = Ui.button("costs.preview", e -> preview());
        preview.setId("costs-preview");
        post = Ui.button("costs.post", e -> post());
        post.setId("costs-post");
        post.getStyleClass().add(Styles.PRIMARY);
        post.setDisable(true);
        Label methodLabel = Ui.label("costs.method");
        methodLabel.setLabelFor(method);
        Label ratesLabel = Ui.label("costs.rates");
        ratesLabel.setLabelFor(rates);
        HBox allocate = new HBox(8, methodLabel, method, ratesLabel, rates, preview, post);
        allocate.setAlignment(Pos.CENTER_LEFT);

        allocationTable.setId("costs-allocations");
        allocationTable.setAccessibleText(Ui.text("costs.allocations"));
        allocationTable.setPlaceholder(Ui.label("costs.allocations.empty"));
        allocationTable.getColumns().add(Ui.column("costs.alloc.employer", Allocation::organisationName, 200));
        allocationTable.getColumns().add(Ui.column("costs.alloc.bond", Allocation::bondReference, 130));
        allocationTable.getColumns().add(Ui.column("costs.alloc.workers", a -> Integer.toString(a.personIds().size()), 70));
        allocationTable.getColumns().add(Ui.column("costs.alloc.share", a -> a.share().toString(), 120));
        allocationTable.getColumns().add(Ui.column("costs.alloc.rate", a -> a.rate().stripTrailingZeros().toPlainString(), 70));
        allocationTable.getColumns().add(Ui.column("costs.alloc.charge", a -> a.charge().toString(), 120));
        allocationTable.getColumns().add(Ui.column("costs.alloc.shortfall", a -> a.shortfall().isZero() ? "" : a.shortfall().toString(), 110));
        allocationTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        allocationTable.setPrefHeight(150);
        previewLine.setId("costs-preview-line");
        previewLine.setWrapText(true);

        drawdownTable.setId("costs-drawdowns");
        drawdownTable.setAccessibleText(Ui.text("costs.drawdowns"));
        drawdownTable.setPlaceholder(Ui.label("costs.drawdowns.empty"));
        drawdownTable.getColumns().add(Ui.column("bonds.ledger.col.no", l -> Long.toString(l.entry().id()), 60));
        drawdownTable.getColumns().add(Ui.column("costs.alloc.employer", LedgerLine::organisationName, 200));
        drawdownTable.getColumns().add(Ui.column("costs.alloc.bond", LedgerLine::bondReference, 130));
        drawdownTable.getColumns().add(Ui.column("bonds.ledger.col.amount", l -> l.entry().amount().toString(), 120));
        drawdownTable.getColumns().add(Ui.column("bonds.ledger.col.status", l -> Ui.text("bonds.entryStatus."
                + l.entry().status().name()), 150));
        drawdownTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        drawdownTable.setPrefHeight(110);

        Button linkButton = Ui.button("costs.link.save", e -> linkOperation());
        linkButton.setId("costs-link-save");
        link.setPromptText(Ui.text("costs.link.prompt"));
        HBox.setHgrow(link, Priority.ALWAYS);
        Label linkLabel = Ui.label("costs.link");
        linkLabel.setLabelFor(link);
        HBox linkRow = new HBox(8, linkLabel, link, linkButton);
        linkRow.setAlignment(Pos.CENTER_LEFT);

        detail = Ui.card(heading, costLine, allocate, allocationTable, previewLine,
                Ui.styled(Styles.SUBTITLE, "costs.drawdowns"), drawdownTable, linkRow);
        detail.setSpacing(8);

        info.setId("costs-info");
        info.getStyleClass().add(Styles.SUCCESS);
        info.setWrapText(true);
        page = Ui.page(Ui.styled(Styles.TITLE, "costs.title"), Ui.styled(Styles.MUTED, "costs.intro"), table, error, info,
                detail, recordCard);
        page.setSpacing(10);
        for (Label l : new Label[] {error, info}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
        }
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        show(null);
    }

    public static EvacuationCostsView of(Session session, BackgroundTasks tasks, DialogService dialogs) {
        return new EvacuationCostsView(new EvacuationCostService(session), new PersonService(session), tasks, dialogs);
    }

    private Node recordForm() {
        GridPane grid = Ui.form();
        description.setPromptText(Ui.text("costs.description.prompt"));
        date.setPromptText("YYYY-MM-DD");
        date.setPrefColumnCount(10);
        amount.setPromptText(Ui.text("costs.amount"));
        currency.setText("USD");
        currency.setPrefColumnCount(4);
        operation.setPromptText(Ui.text("costs.operation.prompt"));
        personSearch.setPromptText(Ui.text("costs.personSearch.prompt"));
        personSearch.setOnAction(e -> findPersons());
        HBox.setHgrow(personSearch, Priority.ALWAYS);
        Button find = Ui.button("costs.find", e -> findPersons());
        find.setId("costs-find");

        foundTable.setId("costs-found");
        foundTable.setAccessibleText(Ui.text("costs.found"));
        foundTable.setPlaceholder(Ui.label("costs.found.empty"));
        personColumns(foundTable);
        foundTable.setPrefHeight(120);
        foundTable.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        foundTable.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                addSelected();
            }
        });
        Button add = Ui.button("costs.addWorker", e -> addSelected());
        add.setId("costs-add-worker");
        evacuatedTable.setId("costs-evacuated");
        evacuatedTable.setAccessibleText(Ui.text("costs.evacuated"));
        evacuatedTable.setPlaceholder(Ui.label("costs.evacuated.empty"));
        personColumns(evacuatedTable);
        evacuatedTable.setPrefHeight(120);
        evacuatedTable.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DELETE) {
                removeSelected();
            }
        });
        Button remove = Ui.button("costs.removeWorker", e -> removeSelected());
        remove.setId("costs-remove-worker");
        remove.disableProperty().bind(evacuatedTable.getSelectionModel().selectedItemProperty().isNull());

        int r = 0;
        Ui.row(grid, r++, "costs.kind", kind);
        Ui.row(grid, r++, "costs.description", description);
        HBox money = new HBox(8, date, Ui.label("costs.amount"), amount, currency);
        money.setAlignment(Pos.CENTER_LEFT);
        Ui.row(grid, r++, "costs.date", money);
        Ui.row(grid, r++, "costs.operation", operation);
        Ui.row(grid, r++, "costs.personSearch", new HBox(8, personSearch, find));
        VBox pick = new VBox(6, foundTable, add);
        VBox picked = new VBox(6, evacuatedTable, remove);
        HBox lists = new HBox(12, pick, picked);
        HBox.setHgrow(pick, Priority.ALWAYS);
        HBox.setHgrow(picked, Priority.ALWAYS);
        Ui.row(grid, r++, "costs.evacuated", lists);
        Button record = Ui.button("costs.record", e -> record());
        record.setId("costs-record");
        record.getStyleClass().add(Styles.PRIMARY);
        grid.add(record, 1, r);
        return Ui.card(Ui.styled(Styles.SUBTITLE, "costs.new"), grid);
    }

    private static void personColumns(TableView<Person> t) {
        t.getColumns().add(Ui.column("bonds.workers.col.person", p -> Long.toString(p.id()), 70));
        t.getColumns().add(Ui.column("bonds.workers.col.name", p -> p.familyName() + ", " + p.givenNames(), 200));
        t.getColumns().add(Ui.column("costs.col.city", p -> BondsUi.nz(p.city()), 100));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    @Override
    public void activate() {
        load(null);
    }

    private void load(Long select) {
        tasks.run(Ui.text("costs.loading"), p -> costs.list(), loaded -> {
            list.setAll(loaded);
            Long id = select != null ? select : shown != null ? Long.valueOf(shown.id()) : null;
            loaded.stream().filter(c -> id != null && c.id() == id).findFirst()
                    .or(() -> loaded.stream().findFirst())
                    .ifPresentOrElse(c -> table.getSelectionModel().select(c), () -> show(null));
        }, f -> error.setText(Ui.describe(f)));
    }

    private void show(EvacuationCost c) {
        shown = c;
        clearPreview();
        drawdowns.clear();
        detail.setDisable(c == null);
        if (c == null) {
            heading.setText(Ui.text("costs.none"));
            costLine.setText("");
            link.setText("");
            return;
        }
        heading.setText(Ui.text("costs.heading", c.reference(), c.amount().toString()));
        costLine.setText(Ui.text("costs.line", Ui.text("costs.kind." + c.kind().name()), c.description(),
                c.incurredOn().toString(), c.personIds().size(), c.posted()
                        ? Ui.text("costs.status.posted", Ui.text("costs.method." + c.method().name()))
                        : Ui.text("costs.status.open")));
        link.setText(BondsUi.nz(c.operationRef()));
        if (c.method() != null) {
            method.setValue(c.method());
        }
        method.setDisable(c.posted());
        rates.setDisable(c.posted());
        preview.setDisable(c.posted());
        long id = c.id();
        tasks.run(Ui.text("costs.loading"), p -> costs.drawdowns(id), drawdowns::setAll, f -> error.setText(Ui.describe(f)));
    }

    private void clearPreview() {
        previewed = null;
        previewedRates = null;
        allocations.clear();
        previewLine.setText("");
        post.setDisable(true);
    }

    /** "EUR=0.92, KES 129.5": units of each bond currency per unit of the cost's currency. */
    static Map<Currency, BigDecimal> parseRates(String text) {
        Map<Currency, BigDecimal> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split("[,;]")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] kv = p.split("[=:\\s]+");
            try {
                if (kv.length != 2 || !kv[0].matches("[A-Za-z]{3}") || !kv[1].matches("\\d{1,9}(\\.\\d{1,10})?")) {
                    throw new IllegalArgumentException();
                }
                BigDecimal rate = new BigDecimal(kv[1]);
                if (rate.signum() <= 0) {
                    throw new IllegalArgumentException();
                }
                out.put(Currency.getInstance(kv[0].toUpperCase(Locale.ROOT)), rate);
            } catch (IllegalArgumentException e) {
                throw new UserError("error.costs.rates", p);
            }
        }
        return out;
    }

    private void preview() {
        error.setText("");
        info.setText("");
        if (shown == null) {
            return;
        }
        EvacuationCost c = shown;
        AllocationMethod m = method.getValue();
        String rateText = rates.getText();
        Map<Currency, BigDecimal> r;
        try {
            r = parseRates(rateText);
        } catch (UserError e) {
            error.setText(Ui.describe(e));
            return;
        }
        tasks.run(Ui.text("costs.previewing"), p -> costs.preview(c.id(), m, r), result -> {
            if (shown == null || shown.id() != c.id()) {
                return;
            }
            allocations.setAll(result.allocations());
            previewLine.setText(Ui.text("costs.preview.summary", result.allocations().size(),
                    result.cost().amount().minus(result.unrecovered()).toString(), result.unrecovered().toString(),
                    result.uncoveredPersonIds().size()));
            previewLine.getStyleClass().removeAll(Styles.ERROR);
            if (!result.unrecovered().isZero()) {
                previewLine.getStyleClass().add(Styles.ERROR);
            }
            previewed = result;
            previewedRates = rateText;
            post.setDisable(c.posted() || result.allocations().stream().allMatch(a -> a.charge().isZero()));
        }, f -> {
            clearPreview();
            error.setText(Ui.describe(f));
        });
    }

    private void post() {
        if (shown == null || previewed == null || previewed.cost().id() != shown.id()) {
            return;
        }
        AllocationPreview p = previewed;
        Map<Currency, BigDecimal> r = parseRates(previewedRates);
        if (!dialogs.confirm(Ui.text("costs.post.title"), Ui.text("costs.post.confirm", p.cost().reference(),
                p.allocations().size(), p.unrecovered().toString()))) {
            return;
        }
        tasks.run(Ui.text("bonds.saving"), x -> costs.post(p.cost().id(), p.method(), r), posted -> {
            info.setText(Ui.text("costs.posted", posted.cost().reference(), posted.allocations().size(),
                    posted.unrecovered().toString()));
            load(posted.cost().id());
        }, f -> error.setText(Ui.describe(f)));
    }

    private void linkOperation() {
        if (shown == null) {
            return;
        }
        long id = shown.id();
        String ref = link.getText();
        tasks.run(Ui.text("bonds.saving"), p -> costs.linkOperation(id, ref), c -> {
            info.setText(Ui.text("costs.linked", c.reference()));
            load(c.id());
        }, f -> error.setText(Ui.describe(f)));
    }

    private void findPersons() {
        String q = personSearch.getText();
        if (q == null || q.isBlank()) {
            return;
        }
        tasks.run(Ui.text("costs.loading"), p -> persons.search(q.strip(), 0, 50), hits -> {
            found.setAll(hits);
            if (!hits.isEmpty()) {
                foundTable.getSelectionModel().select(0);
            }
        }, f -> error.setText(Ui.describe(f)));
    }

    private void addSelected() {
        for (Person p : new ArrayList<>(foundTable.getSelectionModel().getSelectedItems())) {
            if (evacuated.stream().noneMatch(x -> x.id() == p.id())) {
                evacuated.add(p);
            }
        }
    }

    private void removeSelected() {
        Person p = evacuatedTable.getSelectionModel().getSelectedItem();
        if (p != null) {
            evacuated.remove(p);
        }
    }

    private void record() {
        error.setText("");
        info.setText("");
        CostKind k = kind.getValue();
        String text = description.getText();
        String op = operation.getText();
        List<Long> ids = evacuated.stream().map(Person::id).toList();
        LocalDate day;
        Money money;
        try {
            day = BondsUi.blank(date) ? costs.today() : BondsUi.date(date);
            Currency cur = BondsUi.currency(currency);
            BigDecimal value = BondsUi.amount(amount);
            if (!Money.fits(value, cur)) {
                throw new UserError("error.bond.amount", cur.getCurrencyCode());
            }
            money = new Money(value, cur);
        } catch (UserError e) {
            error.setText(Ui.describe(e));
            return;
        }
        tasks.run(Ui.text("bonds.saving"), p -> costs.record(k, text, day, money, ids, op), c -> {
            info.setText(Ui.text("costs.recorded", c.reference(), c.personIds().size()));
            description.clear();
            amount.clear();
            operation.clear();
            evacuated.clear();
            found.clear();
            load(c.id());
        }, f -> error.setText(Ui.describe(f)));
    }

    /** Test hook: the cost on screen. */
    EvacuationCost shown() {
        return shown;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return table;
    }
}
