package org.consulardesk.exchange.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.exchange.model.ConsolidatedTotal;
import org.consulardesk.exchange.model.CrisisTotal;
import org.consulardesk.exchange.model.ExchangeIssue;
import org.consulardesk.exchange.model.ImportReport;
import org.consulardesk.exchange.model.ImportStatus;
import org.consulardesk.exchange.model.ImportedRows;
import org.consulardesk.exchange.model.PostImport;
import org.consulardesk.exchange.service.ConsolidationProfile;
import org.consulardesk.exchange.service.ConsolidationService;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.exchange.service.ImportService;
import org.consulardesk.exchange.service.PostKeyService;

/**
 * Headquarters: import posts' workbooks (a report line per problem, naming file, sheet, row and
 * column; an unknown post key can be registered after comparing its fingerprint), and the
 * consolidation of all posts (totals by dimension, the current import per post, drill-down to its
 * rows, re-export as a signed workbook).
 */
public final class HqExchangeView implements View {
    static final int DRILL_ROWS = 200;

    /** One line of the import report. */
    public record ReportLine(ImportReport report, String where, String problem) {
    }

    private final ImportService imports;
    private final ConsolidationService consolidation;
    private final PostKeyService keys;
    private final ExportService exports;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final boolean mayRegisterKeys;
    private final TabPane root = new TabPane();
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ListView<Path> fileList = new ListView<>(files);
    private final PasswordField password = Ui.secret("exchange.hq.password");
    private final ObservableList<ReportLine> report = FXCollections.observableArrayList();
    private final TableView<ReportLine> reportTable = new TableView<>(report);
    private final Button importButton;
    private TextField typedPath;
    private final Button registerKey;
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label importError = Ui.errorLabel("exchange-hq-import-error");
    private final ComboBox<String> dimension = new ComboBox<>();
    private final ObservableList<ConsolidatedTotal> totals = FXCollections.observableArrayList();
    private final ObservableList<PostImport> posts = FXCollections.observableArrayList();
    private final TableView<PostImport> postTable = new TableView<>(posts);
    private final TableView<String[]> drill = new TableView<>();
    private final Label drillTitle = new Label();
    private PostImport drillPost;
    private int drillOffset;
    private int drillPageSize = DRILL_ROWS;
    private final Button drillPrevious = Ui.button("exchange.hq.drillPrevious", e -> drillPage(drillOffset - drillPageSize));
    private final Button drillNext = Ui.button("exchange.hq.drillNext", e -> drillPage(drillOffset + drillPageSize));
    private final Label consolidationError = Ui.errorLabel("exchange-hq-consolidation-error");
    private final Map<String, CrisisTotal> crisisByName = new java.util.HashMap<>();
    private final ObservableList<ConsolidatedTotal> crisisRows = FXCollections.observableArrayList();
    private final TableView<ConsolidatedTotal> crisisTable = new TableView<>(crisisRows);
    private final Label crisisTitle = new Label();
    private final Label crisisNote = new Label();
    private final VBox crisisBox = new VBox(6);
    private final ComboBox<String> drillSheet = new ComboBox<>();
    private boolean loadingSheets;

    public HqExchangeView(ImportService imports, ConsolidationService consolidation, PostKeyService keys,
                          ExportService exports, boolean mayRegisterKeys, boolean isHq, BackgroundTasks tasks,
                          DialogService dialogs) {
        this.imports = imports;
        this.consolidation = consolidation;
        this.keys = keys;
        this.exports = exports;
        this.mayRegisterKeys = mayRegisterKeys;
        this.tasks = tasks;
        this.dialogs = dialogs;

        // ---- import tab
        fileList.setId("exchange-hq-files");
        fileList.setAccessibleText(Ui.text("exchange.hq.files"));
        fileList.setPrefHeight(110);
        fileList.setPlaceholder(Ui.label("exchange.hq.noFiles"));
        Button add = Ui.button("exchange.hq.add", e -> dialogs.chooseFileToOpen(Ui.text("exchange.hq.addTitle"))
                .ifPresent(p -> {
                    if (!files.contains(p)) {
                        files.add(p);
                    }
                }));
        add.setId("exchange-hq-add");
        TextField typedPath = Ui.field("exchange.hq.typedPath");
        typedPath.setPromptText(Ui.text("exchange.hq.typedPathPrompt"));
        typedPath.setPrefColumnCount(26);
        typedPath.setOnAction(e -> {
            e.consume();
            if (!typedPath.getText().isBlank()) {
                addFiles(List.of(Path.of(typedPath.getText().strip())));
                typedPath.clear();
            }
        });
        Button remove = Ui.button("exchange.hq.remove", e -> files.removeAll(fileList.getSelectionModel().getSelectedItems()));
        remove.setId("exchange-hq-remove");
        importButton = Ui.primary("exchange.hq.import", e -> runImport(List.copyOf(files)));
        importButton.setId("exchange-hq-import");
        registerKey = Ui.button("exchange.hq.registerKey", e -> registerKey());
        registerKey.setId("exchange-hq-register-key");
        registerKey.setDisable(true);
        busy.setVisible(false);
        busy.setPrefSize(22, 22);
        password.setPromptText(Ui.text("exchange.hq.passwordPrompt"));
        password.setPrefColumnCount(22);
        add.setMinWidth(Region.USE_PREF_SIZE);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(typedPath, Priority.ALWAYS);
        HBox fileActions = new HBox(8, add, typedPath, remove);
        fileActions.setAlignment(Pos.CENTER_LEFT);
        Label passwordLabel = Ui.label("exchange.hq.password");
        passwordLabel.setLabelFor(password);
        passwordLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox passwordRow = new HBox(8, passwordLabel, password);
        passwordRow.setAlignment(Pos.CENTER_LEFT);
        this.typedPath = typedPath;
        HBox actions = new HBox(8, importButton, registerKey, busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        reportTable.setId("exchange-hq-report");
        reportTable.setAccessibleText(Ui.text("exchange.hq.report"));
        reportTable.setPlaceholder(Ui.label("exchange.hq.noReport"));
        reportTable.getColumns().add(Ui.column("exchange.hq.col.file", l -> l.report().file(), 180));
        reportTable.getColumns().add(Ui.column("exchange.hq.col.outcome",
                l -> Ui.text("exchange.hq.status." + l.report().status().name()), 130));
        reportTable.getColumns().add(Ui.column("exchange.hq.col.post",
                l -> l.report().info() == null ? "" : l.report().info().post(), 180));
        reportTable.getColumns().add(Ui.column("exchange.hq.col.rows", l -> l.report().status() == ImportStatus.IMPORTED
                ? Long.toString(l.report().rows()) : "", 60));
        reportTable.getColumns().add(Ui.column("exchange.hq.col.where", ReportLine::where, 250));
        reportTable.getColumns().add(Ui.column("exchange.hq.col.problem", ReportLine::problem, 360));
        reportTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        reportTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> registerKey.setDisable(
                !mayRegisterKeys || b == null || b.report().status() != ImportStatus.UNKNOWN_KEY));
        VBox.setVgrow(reportTable, Priority.ALWAYS);
        VBox importPage = Ui.page(Ui.styled(Styles.TITLE, "exchange.hq.importTitle"),
                Ui.styled(Styles.MUTED, isHq ? "exchange.hq.importIntro" : "exchange.hq.notHq"), fileList, fileActions,
                passwordRow, actions, importError, reportTable);
        if (!isHq) {
            importButton.setDisable(true);
            add.setDisable(true);
            typedPath.setDisable(true);
        }
        Tab importTab = new Tab(Ui.text("exchange.hq.importTab"), importPage);
        importTab.setId("exchange-hq-import-tab");

        // ---- consolidation tab
        dimension.setId("exchange-hq-dimension");
        dimension.setAccessibleText(Ui.text("exchange.hq.dimension"));
        dimension.getItems().addAll(ConsolidationService.VIEW_DIMENSIONS);
        dimension.setCellFactory(l -> new DimensionCell());
        dimension.setButtonCell(new DimensionCell());
        dimension.getSelectionModel().select(0);
        dimension.valueProperty().addListener((o, a, b) -> loadTotals());
        TableView<ConsolidatedTotal> totalsTable = new TableView<>(totals);
        totalsTable.setId("exchange-hq-totals");
        totalsTable.setAccessibleText(Ui.text("exchange.hq.totals"));
        totalsTable.setPlaceholder(Ui.label("exchange.hq.noImports"));
        totalsTable.getColumns().add(Ui.column("exchange.hq.col.value", t -> valueText(t), 260));
        totalsTable.getColumns().add(Ui.column("exchange.hq.col.persons", t -> String.format("%,d", t.persons()), 100));
        totalsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        totalsTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> crisisDrill(b));

        crisisTable.setId("exchange-hq-crisis-drill");
        crisisTable.setAccessibleText(Ui.text("exchange.hq.crisisDrill"));
        crisisTable.setPlaceholder(Ui.label("exchange.hq.noCrisisDrill"));
        crisisTable.getColumns().add(Ui.column("exchange.hq.col.breakdown",
                t -> Ui.text("exchange.hq.dimension." + t.dimension()), 120));
        crisisTable.getColumns().add(Ui.column("exchange.hq.col.value", t -> valueText(t), 230));
        crisisTable.getColumns().add(Ui.column("exchange.hq.col.persons", t -> String.format("%,d", t.persons()), 70));
        crisisTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        crisisTitle.setId("exchange-hq-crisis-title");
        crisisTitle.getStyleClass().add(Styles.SUBTITLE);
        crisisTitle.setWrapText(true);
        crisisTitle.setMinHeight(Region.USE_PREF_SIZE);
        crisisNote.setId("exchange-hq-crisis-note");
        crisisNote.getStyleClass().add(Styles.MUTED);
        crisisNote.setWrapText(true);
        crisisBox.getChildren().setAll(crisisTitle, crisisTable);
        crisisBox.setId("exchange-hq-crisis-box");
        VBox.setVgrow(crisisTable, Priority.ALWAYS);
        crisisBox.setVisible(false);
        crisisBox.managedProperty().bind(crisisBox.visibleProperty());
        crisisNote.managedProperty().bind(crisisNote.textProperty().isNotEmpty());

        postTable.setId("exchange-hq-posts");
        postTable.setAccessibleText(Ui.text("exchange.hq.posts"));
        postTable.setPlaceholder(Ui.label("exchange.hq.noImports"));
        postTable.getColumns().add(Ui.column("exchange.hq.col.post", PostImport::post, 220));
        postTable.getColumns().add(Ui.column("exchange.hq.col.country", i -> i.country() == null ? "" : i.country(), 70));
        postTable.getColumns().add(Ui.column("exchange.hq.col.profile", PostImport::profile, 150));
        postTable.getColumns().add(Ui.column("exchange.hq.col.exportedAt", i -> i.exportedAt().toString().replace('T', ' '), 160));
        postTable.getColumns().add(Ui.column("exchange.hq.col.persons", i -> String.format("%,d", i.persons()), 90));
        postTable.getColumns().add(Ui.column("exchange.hq.col.file", PostImport::fileName, 160));
        postTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        postTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> drillDown(b));

        drill.setId("exchange-hq-drill");
        drill.setAccessibleText(Ui.text("exchange.hq.drill"));
        drill.setPlaceholder(Ui.label("exchange.hq.noDrill"));
        drillTitle.setId("exchange-hq-drill-title");
        drillTitle.getStyleClass().add(Styles.SUBTITLE);

        Button reExport = Ui.button("exchange.hq.reExport", e -> reExport());
        reExport.setId("exchange-hq-reexport");
        Button refresh = Ui.button("exchange.hq.refresh", e -> loadConsolidation());
        refresh.setId("exchange-hq-refresh");
        HBox top = new HBox(8, Ui.label("exchange.hq.dimension"), dimension, refresh, reExport);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, crisisNote, totalsTable, crisisBox);
        VBox.setVgrow(totalsTable, Priority.ALWAYS);
        VBox.setVgrow(crisisBox, Priority.ALWAYS);
        drillPrevious.setId("exchange-hq-drill-previous");
        drillNext.setId("exchange-hq-drill-next");
        drillPrevious.setDisable(true);
        drillNext.setDisable(true);
        drillSheet.setId("exchange-hq-drill-sheet");
        drillSheet.setAccessibleText(Ui.text("exchange.hq.drillSheet"));
        drillSheet.setVisible(false);
        drillSheet.managedProperty().bind(drillSheet.visibleProperty());
        drillSheet.valueProperty().addListener((o, a, b) -> {
            if (b != null && !loadingSheets) {
                drillPage(0);
            }
        });
        drillSheet.setMinWidth(Region.USE_PREF_SIZE);
        drillSheet.setPrefWidth(120);
        drillPrevious.setMinWidth(Region.USE_PREF_SIZE);
        drillNext.setMinWidth(Region.USE_PREF_SIZE);
        drillTitle.setWrapText(true);
        drillTitle.setMinHeight(Region.USE_PREF_SIZE);
        drillTitle.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(drillTitle, Priority.ALWAYS);
        HBox drillBar = new HBox(8, drillSheet, drillTitle, drillPrevious, drillNext);
        drillBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox right = new VBox(8, Ui.styled(Styles.SUBTITLE, "exchange.hq.posts"), postTable, drillBar, drill);
        VBox.setVgrow(postTable, Priority.ALWAYS);
        VBox.setVgrow(drill, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.36);
        VBox.setVgrow(split, Priority.ALWAYS);
        consolidationError.managedProperty().bind(consolidationError.textProperty().isNotEmpty());
        VBox consolidationPage = Ui.page(Ui.styled(Styles.TITLE, "exchange.hq.consolidationTitle"),
                Ui.styled(Styles.MUTED, "exchange.hq.consolidationIntro"), top, consolidationError, split);
        Tab consolidationTab = new Tab(Ui.text("exchange.hq.consolidationTab"), consolidationPage);
        consolidationTab.setId("exchange-hq-consolidation-tab");
        consolidationTab.setOnSelectionChanged(e -> {
            if (consolidationTab.isSelected()) {
                loadConsolidation();
            }
        });
        root.getTabs().addAll(importTab, consolidationTab);
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setId("exchange-hq-tabs");
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return importButton.isDisabled() ? root : typedPath;
    }

    /** For the consolidation tab (and tests): selects it. */
    public void showConsolidation() {
        root.getSelectionModel().select(1);
    }

    /** Adds files to import (drag and drop, tests). */
    public void addFiles(List<Path> paths) {
        paths.stream().filter(p -> !files.contains(p)).forEach(files::add);
    }

    private void runImport(List<Path> toImport) {
        importError.setText("");
        if (toImport.isEmpty()) {
            importError.setText(Ui.text("exchange.hq.noFiles"));
            return;
        }
        char[] pw = password.getText().isEmpty() ? null : password.getText().toCharArray();
        importButton.setDisable(true);
        busy.setVisible(true);
        tasks.run(Ui.text("exchange.hq.importing"), sink -> {
            try {
                return imports.importFiles(toImport, pw, sink);
            } finally {
                if (pw != null) {
                    Arrays.fill(pw, '\0');
                }
            }
        }, reports -> {
            importButton.setDisable(false);
            busy.setVisible(false);
            for (ImportReport r : reports) {
                report.removeIf(l -> l.report().file().equals(r.file()));
                if (r.issues().isEmpty()) {
                    report.add(new ReportLine(r, "", ""));
                }
                for (ExchangeIssue issue : r.issues()) {
                    report.add(new ReportLine(r, where(issue), issue.message()));
                }
            }
        }, failure -> {
            importButton.setDisable(false);
            busy.setVisible(false);
            importError.setText(Ui.describe(failure));
        });
    }

    private static String where(ExchangeIssue issue) {
        List<String> parts = new ArrayList<>();
        if (issue.sheet() != null) {
            parts.add(Ui.text("exchange.hq.sheet", issue.sheet()));
        }
        if (issue.row() > 0) {
            parts.add(Ui.text("exchange.hq.row", issue.row()));
        }
        if (issue.column() != null) {
            parts.add(Ui.text("exchange.hq.column", issue.column()));
        }
        return String.join(", ", parts);
    }

    private void registerKey() {
        ReportLine line = reportTable.getSelectionModel().getSelectedItem();
        if (line == null || line.report().info() == null) {
            return;
        }
        var info = line.report().info();
        if (!dialogs.confirm(Ui.text("exchange.hq.registerTitle"),
                Ui.text("exchange.hq.registerMessage", info.post(), info.country(), info.fingerprint()))) {
            return;
        }
        Path file = files.stream().filter(p -> p.getFileName().toString().equals(line.report().file())).findFirst().orElse(null);
        tasks.run(Ui.text("exchange.hq.registering"), p -> keys.register(info.registryId(), info.post(), info.country(),
                info.publicKey()), key -> {
                    if (file != null) {
                        runImport(List.of(file));
                    }
                }, failure -> importError.setText(Ui.describe(failure)));
    }

    private void loadConsolidation() {
        loadTotals();
        tasks.run(Ui.text("exchange.hq.loading"), p -> consolidation.imports(), list -> {
            consolidationError.setText("");
            posts.setAll(list);
        }, failure -> consolidationError.setText(Ui.describe(failure)));
    }

    private void loadTotals() {
        String d = dimension.getValue();
        crisisBox.setVisible(false);
        crisisRows.clear();
        boolean crisisOrStatus = "CRISIS".equals(d) || "STATUS".equals(d);
        tasks.run(Ui.text("exchange.hq.loading"), p -> {
            List<PostImport> older = crisisOrStatus ? consolidation.withoutCrisisFigures() : List.of();
            if (!"CRISIS".equals(d)) {
                return new Loaded(consolidation.totals(d), List.of(), older);
            }
            List<CrisisTotal> crises = consolidation.crises();
            return new Loaded(crises.stream().map(c -> new ConsolidatedTotal("CRISIS", c.crisis(), c.persons())).toList(),
                    crises, older);
        }, loaded -> {
            crisisByName.clear();
            loaded.crises().forEach(c -> crisisByName.put(c.crisis(), c));
            totals.setAll(loaded.totals());
            crisisNote.setText(loaded.older().isEmpty() ? "" : Ui.text("exchange.hq.olderSchema", loaded.older().size(),
                    String.join(", ", loaded.older().stream().map(PostImport::post).toList())));
        }, failure -> consolidationError.setText(Ui.describe(failure)));
    }

    private record Loaded(List<ConsolidatedTotal> totals, List<CrisisTotal> crises, List<PostImport> older) {
    }

    /** Drill-down of a crisis: persons inside it per post, by presence status and by vulnerability. */
    private void crisisDrill(ConsolidatedTotal selected) {
        if (selected == null || !"CRISIS".equals(selected.dimension())) {
            crisisBox.setVisible(false);
            crisisRows.clear();
            return;
        }
        String crisis = selected.value();
        tasks.run(Ui.text("exchange.hq.loading"), p -> {
            List<ConsolidatedTotal> rows = new ArrayList<>(consolidation.crisisTotals(crisis, "POST"));
            for (String d : ConsolidationService.CRISIS_DIMENSIONS) {
                rows.addAll(consolidation.crisisTotals(crisis, d));
            }
            return rows;
        }, rows -> {
            CrisisTotal c = crisisByName.get(crisis);
            crisisTitle.setText(c == null ? crisis : Ui.text("exchange.hq.crisisTitle", c.crisis(),
                    Ui.text("map.type." + c.type()), Ui.text("map.severity." + c.severity()), c.posts(),
                    c.validTo() == null ? Ui.text("exchange.hq.crisisOpenEnded") : c.validTo().toString()));
            crisisRows.setAll(rows);
            crisisBox.setVisible(true);
        }, failure -> consolidationError.setText(Ui.describe(failure)));
    }

    /** Rows per drill-down page; tests use a small page to reach the paging buttons. */
    void drillPageSize(int rows) {
        drillPageSize = rows;
    }

    private void drillDown(PostImport post) {
        drillPost = post;
        loadingSheets = true;
        drillSheet.getItems().clear();
        drillSheet.setVisible(false);
        loadingSheets = false;
        if (post == null) {
            drillPage(0);
            return;
        }
        tasks.run(Ui.text("exchange.hq.loading"), p -> consolidation.sheets(post.id()), sheets -> {
            loadingSheets = true;
            drillSheet.getItems().setAll(sheets.stream().map(ImportedRows::sheet).toList());
            drillSheet.setVisible(sheets.size() > 1);
            if (!sheets.isEmpty()) {
                drillSheet.getSelectionModel().select(0);
            }
            loadingSheets = false;
            drillPage(0);
        }, failure -> consolidationError.setText(Ui.describe(failure)));
    }

    /** One page of the selected import's rows, read from the database (never the whole import). */
    private void drillPage(int offset) {
        PostImport post = drillPost;
        drill.getColumns().clear();
        drill.getItems().clear();
        drillTitle.setText("");
        drillPrevious.setDisable(true);
        drillNext.setDisable(true);
        if (post == null) {
            return;
        }
        int from = Math.max(0, offset);
        int sheet = Math.max(0, drillSheet.getSelectionModel().getSelectedIndex());
        tasks.run(Ui.text("exchange.hq.loading"), p -> consolidation.rows(post.id(), sheet, from, drillPageSize), (ImportedRows rows) -> {
            for (int c = 0; c < rows.columns().size(); c++) {
                int index = c;
                TableColumn<String[], String> column = new TableColumn<>(rows.columns().get(c).header());
                column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                        index < cell.getValue().length ? cell.getValue()[index] : ""));
                column.setPrefWidth(Math.max(110, Math.min(220, rows.columns().get(c).header().length() * 9)));
                drill.getColumns().add(column);
            }
            drill.getItems().setAll(rows.rows());
            drillOffset = from;
            drillPrevious.setDisable(from == 0);
            drillNext.setDisable(from + rows.rows().size() >= rows.total());
            drillTitle.setText(rows.rows().isEmpty() ? Ui.text("exchange.hq.drillEmpty", post.post(), rows.sheet())
                    : Ui.text("exchange.hq.drillTitle", post.post(), rows.sheet(), from + 1, from + rows.rows().size(), rows.total()));
        }, failure -> consolidationError.setText(Ui.describe(failure)));
    }

    private void reExport() {
        dialogs.chooseFileToSave(Ui.text("exchange.hq.reExportTitle"), "hq-consolidation.xlsx").ifPresent(target ->
                tasks.run(Ui.text("exchange.hq.reExporting"), p -> exports.export(ConsolidationProfile.NAME, Map.of(), true,
                        null, target, p), summary -> dialogs.showInfo(Ui.text("exchange.hq.reExportTitle"),
                        Ui.text("exchange.export.done", summary.totalRows(), summary.file().toString())),
                        failure -> consolidationError.setText(Ui.describe(failure))));
    }

    private String valueText(ConsolidatedTotal t) {
        if (t.value() == null || t.value().isEmpty()) {
            return Ui.text("exchange.hq.unknownValue");
        }
        if ("STATUS".equals(t.dimension())) {
            return Ui.text("exchange.hq.presence." + t.value());
        }
        CrisisTotal c = "CRISIS".equals(t.dimension()) ? crisisByName.get(t.value()) : null;
        if (c != null) {
            return Ui.text("exchange.hq.crisisValue", c.crisis(), Ui.text("map.severity." + c.severity()));
        }
        return t.value();
    }

    private static final class DimensionCell extends javafx.scene.control.ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Ui.text("exchange.hq.dimension." + item));
        }
    }
}
