package org.consulardesk.registry.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.registry.model.ExpiringDocument;
import org.consulardesk.registry.service.ExpiringDocumentsService;

/**
 * The call list of travel documents expiring soon: a window in days, a page of the list read from
 * the database, Enter or double-click opens the holder, and an export of the whole list to CSV.
 */
public final class ExpiringDocumentsView implements View {
    static final int PAGE_SIZE = 100;
    static final int DEFAULT_DAYS = 90;

    private final VBox root;
    private final ExpiringDocumentsService service;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Spinner<Integer> days = new Spinner<>();
    private final ObservableList<ExpiringDocument> rows = FXCollections.observableArrayList();
    private final TableView<ExpiringDocument> table = new TableView<>(rows);
    private final Label range = new Label();
    private final Label error = Ui.errorLabel("expiring-error");
    private LongConsumer onOpen = id -> { };
    private int offset;
    private int total;
    private long generation;

    public ExpiringDocumentsView(ExpiringDocumentsService service, BackgroundTasks tasks, DialogService dialogs) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        days.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, ExpiringDocumentsService.MAX_DAYS,
                DEFAULT_DAYS, 30));
        days.setEditable(true);
        days.setId("expiring-days");
        days.setAccessibleText(Ui.text("expiring.days"));
        days.setPrefWidth(110);
        days.valueProperty().addListener((o, a, b) -> {
            offset = 0;
            load();
        });
        Label daysLabel = Ui.label("expiring.days");
        daysLabel.setLabelFor(days);

        table.setId("expiring-table");
        table.setAccessibleText(Ui.text("expiring.title"));
        table.setPlaceholder(Ui.label("expiring.empty"));
        table.getColumns().add(Ui.column("expiring.col.name", d -> d.familyName() + ", " + d.givenNames(), 220));
        table.getColumns().add(Ui.column("expiring.col.type", d -> Ui.text("person.documentType." + d.type().name()), 150));
        table.getColumns().add(Ui.column("expiring.col.number", ExpiringDocument::number, 120));
        table.getColumns().add(Ui.column("expiring.col.expires", d -> d.expiresOn().toString(), 110));
        table.getColumns().add(Ui.column("expiring.col.daysLeft", d -> Long.toString(d.daysLeft()), 80));
        table.getColumns().add(Ui.column("expiring.col.phone", d -> d.phone() == null ? "" : d.phone(), 150));
        table.getColumns().add(Ui.column("expiring.col.city", d -> d.city() == null ? "" : d.city(), 120));
        table.getColumns().forEach(c -> c.setSortable(false)); // the database orders by expiry
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<ExpiringDocument> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem().personId());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            ExpiringDocument selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                onOpen.accept(selected.personId());
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        range.setId("expiring-range");
        Button previous = Ui.button("expiring.previous", e -> {
            if (offset > 0) {
                offset = Math.max(0, offset - PAGE_SIZE);
                load();
            }
        });
        previous.setId("expiring-previous");
        Button next = Ui.button("expiring.next", e -> {
            if (offset + PAGE_SIZE < total) {
                offset += PAGE_SIZE;
                load();
            }
        });
        next.setId("expiring-next");
        Button export = Ui.button("expiring.export", e -> export());
        export.setId("expiring-export");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, daysLabel, days, spacer, export);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox footer = new HBox(8, previous, next, range);
        footer.setAlignment(Pos.CENTER_LEFT);
        root = Ui.page(Ui.styled(Styles.TITLE, "expiring.title"), Ui.styled(Styles.MUTED, "expiring.intro"), top, table,
                footer, error);
    }

    /** Called with the person's id when the user presses Enter on a row or double-clicks it. */
    public void setOnOpen(LongConsumer onOpen) {
        this.onOpen = onOpen == null ? id -> { } : onOpen;
    }

    private int window() {
        Integer value = days.getValue();
        return value == null ? DEFAULT_DAYS : value;
    }

    private void load() {
        int within = window();
        int start = offset;
        long mine = ++generation;
        tasks.run(Ui.text("expiring.loading"), p -> new Page(service.count(within), service.list(within, start, PAGE_SIZE)),
                page -> {
                    if (mine != generation) {
                        return;
                    }
                    error.setText("");
                    total = page.total();
                    rows.setAll(page.rows());
                    range.setText(total == 0 ? "" : Ui.text("expiring.range", start + 1, Math.min(total, start + PAGE_SIZE), total));
                }, failure -> error.setText(Ui.describe(failure)));
    }

    private void export() {
        int within = window();
        dialogs.chooseFileToSave(Ui.text("expiring.export.title"), "call-list-" + within + "-days.csv").ifPresent(target ->
                tasks.run(Ui.text("expiring.exporting"), p -> service.export(within, target), count -> {
                    error.setText("");
                    dialogs.showInfo(Ui.text("expiring.export.title"),
                            Ui.text("expiring.export.done", count, fileName(target)));
                }, failure -> error.setText(Ui.describe(failure))));
    }

    private static String fileName(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    private record Page(int total, List<ExpiringDocument> rows) {
    }

    @Override
    public void activate() {
        load();
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
