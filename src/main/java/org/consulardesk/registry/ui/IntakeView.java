package org.consulardesk.registry.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.registry.model.ColumnMapping;
import org.consulardesk.registry.model.IntakeField;
import org.consulardesk.registry.model.IntakeIssue;
import org.consulardesk.registry.model.IntakeTable;

/**
 * Bulk intake: choose a CSV or XLSX file, map its columns (suggested, or a saved mapping), check
 * it (report of row, column, value, reason), then import all rows in one transaction.
 */
public final class IntakeView implements View {
    private final IntakeViewModel model;
    private final VBox root;
    private final Button choose;
    private final List<ComboBox<String>> fieldBoxes = new ArrayList<>();
    private boolean updating;

    public IntakeView(IntakeViewModel model, DialogService dialogs) {
        this.model = model;
        Label fileLabel = new Label();
        fileLabel.setId("intake-file");
        model.file.addListener((o, a, b) -> fileLabel.setText(b == null ? "" : b.getFileName().toString()));
        choose = Ui.button("intake.choose", e -> dialogs.chooseFileToOpen(Ui.text("intake.choose")).ifPresent(model::open));
        choose.setId("intake-choose");

        ComboBox<String> saved = new ComboBox<>(model.savedMappings);
        saved.setId("intake-saved");
        saved.setPromptText(Ui.text("intake.mapping.saved"));
        saved.setOnAction(e -> {
            if (saved.getValue() != null) {
                model.useSaved(saved.getValue());
            }
        });
        TextField name = Ui.field("intake.mapping.name");
        name.setId("intake-mapping-name");
        name.setPromptText(Ui.text("intake.mapping.name"));
        Button save = Ui.button("intake.mapping.save", e -> model.saveMapping(name.getText()));
        save.disableProperty().bind(name.textProperty().isEmpty());

        GridPane grid = Ui.form();
        grid.setId("intake-mapping");
        IntakeField[] fields = IntakeField.values();
        for (int i = 0; i < fields.length; i++) {
            IntakeField field = fields[i];
            ComboBox<String> box = new ComboBox<>();
            box.setId("intake-map-" + field.key());
            box.setMaxWidth(Double.MAX_VALUE);
            box.setPrefWidth(220);
            box.setOnAction(e -> {
                if (!updating) {
                    model.map(field, box.getValue());
                }
            });
            fieldBoxes.add(box);
            grid.add(new Label(Ui.text("intake.field." + field.key())), (i % 2) * 2, i / 2);
            grid.add(box, (i % 2) * 2 + 1, i / 2);
        }
        model.header.addListener((ListChangeListener<String>) c -> showMapping(model.mapping.get()));
        model.mapping.addListener((o, a, b) -> showMapping(b));

        TableView<IntakeTable.IntakeRow> preview = new TableView<>(model.preview);
        preview.setId("intake-preview");
        preview.setPrefHeight(180);
        preview.setPlaceholder(Ui.label("intake.noFile"));
        model.header.addListener((ListChangeListener<String>) c -> {
            preview.getColumns().clear();
            TableColumn<IntakeTable.IntakeRow, String> number = new TableColumn<>("#");
            number.setCellValueFactory(r -> new ReadOnlyStringWrapper(String.valueOf(r.getValue().number())));
            preview.getColumns().add(number);
            for (int i = 0; i < model.header.size(); i++) {
                int at = i;
                TableColumn<IntakeTable.IntakeRow, String> column = new TableColumn<>(model.header.get(i));
                column.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().cell(at)));
                preview.getColumns().add(column);
            }
        });

        Button check = Ui.button("intake.check", e -> model.check());
        check.setId("intake-check");
        check.disableProperty().bind(model.file.isNull());
        CheckBox skip = new CheckBox(Ui.text("intake.skipDuplicates"));
        skip.setId("intake-skip");
        skip.selectedProperty().bindBidirectional(model.skipDuplicates);
        Button importButton = Ui.primary("intake.import", e -> model.importRows());
        importButton.setId("intake-import");
        importButton.disableProperty().bind(model.canImport.not());
        Label message = new Label();
        message.setId("intake-message");
        message.setWrapText(true);
        message.textProperty().bind(model.message);

        TableView<IntakeIssue> report = new TableView<>(model.report);
        report.setId("intake-report");
        report.setPrefHeight(220);
        report.setPlaceholder(Ui.label("intake.report.empty"));
        report.getColumns().add(Ui.column("intake.col.row", i -> i.row() == 0 ? "" : String.valueOf(i.row()), 60));
        report.getColumns().add(Ui.column("intake.col.column", IntakeIssue::column, 140));
        report.getColumns().add(Ui.column("intake.col.value", i -> i.value() == null ? "" : i.value(), 180));
        report.getColumns().add(Ui.column("intake.col.reason",
                i -> (i.duplicate() ? Ui.text("intake.duplicate") + " " : "") + i.reason(), 360));
        report.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        HBox fileRow = new HBox(8, choose, fileLabel);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        HBox mappingRow = new HBox(8, saved, name, save);
        mappingRow.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, check, skip, importButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox content = Ui.page(Ui.styled(Styles.TITLE, "intake.title"), Ui.styled(Styles.MUTED, "intake.intro"), fileRow,
                Ui.styled(Styles.MUTED, "intake.mapping"), mappingRow, grid, Ui.styled(Styles.MUTED, "intake.preview"), preview,
                actions, message, report);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        root = new VBox(scroll);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
    }

    private void showMapping(ColumnMapping mapping) {
        updating = true;
        try {
            IntakeField[] fields = IntakeField.values();
            for (int i = 0; i < fields.length; i++) {
                ComboBox<String> box = fieldBoxes.get(i);
                List<String> options = new ArrayList<>();
                options.add("");
                options.addAll(model.header);
                box.getItems().setAll(options);
                box.setValue(mapping.column(fields[i]).orElse(""));
            }
        } finally {
            updating = false;
        }
    }

    @Override
    public void activate() {
        model.loadSavedMappings();
    }

    @Override
    public void deactivate() {
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return choose;
    }
}
