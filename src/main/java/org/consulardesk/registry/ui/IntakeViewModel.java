package org.consulardesk.registry.ui;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.registry.model.ColumnMapping;
import org.consulardesk.registry.model.IntakeAnalysis;
import org.consulardesk.registry.model.IntakeField;
import org.consulardesk.registry.model.IntakeIssue;
import org.consulardesk.registry.model.IntakeTable;
import org.consulardesk.registry.service.IntakeMappings;
import org.consulardesk.registry.service.IntakeService;

/**
 * State of the bulk intake screen: the chosen file, its header and first rows, the mapping, the
 * report of the last check, and whether the import may run. All file and database work goes
 * through {@link BackgroundTasks}.
 */
public final class IntakeViewModel {
    static final int PREVIEW_ROWS = 10;

    private final IntakeService service;
    private final BackgroundTasks tasks;
    final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    final ObservableList<String> header = FXCollections.observableArrayList();
    final ObservableList<IntakeTable.IntakeRow> preview = FXCollections.observableArrayList();
    final ObjectProperty<ColumnMapping> mapping = new SimpleObjectProperty<>(ColumnMapping.empty());
    final ObservableList<String> savedMappings = FXCollections.observableArrayList();
    final ObservableList<IntakeIssue> report = FXCollections.observableArrayList();
    final ObjectProperty<IntakeAnalysis> analysis = new SimpleObjectProperty<>();
    final BooleanProperty skipDuplicates = new SimpleBooleanProperty(true);
    final BooleanProperty canImport = new SimpleBooleanProperty(false);
    final StringProperty message = new SimpleStringProperty("");

    public IntakeViewModel(IntakeService service, BackgroundTasks tasks) {
        this.service = service;
        this.tasks = tasks;
        mapping.addListener((o, a, b) -> clearReport());
        skipDuplicates.addListener((o, a, b) -> updateCanImport());
    }

    void loadSavedMappings() {
        tasks.run(Ui.text("intake.loading"), p -> List.copyOf(service.savedMappings().keySet()),
                savedMappings::setAll, this::fail);
    }

    /** Reads the header and first rows of {@code chosen} and suggests a mapping. */
    void open(Path chosen) {
        file.set(chosen);
        header.clear();
        preview.clear();
        clearReport();
        message.set("");
        tasks.run(Ui.text("intake.reading"), p -> service.preview(chosen, PREVIEW_ROWS, p), table -> {
            header.setAll(table.header());
            preview.setAll(table.rows());
            mapping.set(IntakeMappings.suggest(table.header()));
        }, this::fail);
    }

    void map(IntakeField field, String column) {
        mapping.set(mapping.get().with(field, column));
    }

    void useSaved(String name) {
        tasks.run(Ui.text("intake.loading"), p -> service.savedMapping(name).orElse(ColumnMapping.empty()), mapping::set, this::fail);
    }

    void saveMapping(String name) {
        ColumnMapping current = mapping.get();
        tasks.run(Ui.text("intake.saving"), p -> {
            service.saveMapping(name, current);
            return List.copyOf(service.savedMappings().keySet());
        }, names -> {
            savedMappings.setAll(names);
            message.set(Ui.text("intake.mapping.savedAs", name.strip()));
        }, this::fail);
    }

    /** Reads the whole file with the mapping and fills the report; nothing is saved. */
    void check() {
        Path chosen = file.get();
        if (chosen == null) {
            return;
        }
        ColumnMapping current = mapping.get();
        clearReport();
        tasks.run(Ui.text("intake.checking"), p -> service.analyse(chosen, current, p), result -> {
            analysis.set(result);
            report.setAll(result.issues());
            message.set(result.hasErrors() ? Ui.text("intake.summary.errors", result.rowsRead(), result.errors().size())
                    : Ui.text("intake.summary.ok", result.rowsRead(), result.candidates().size(), result.duplicateRows().size()));
            updateCanImport();
        }, this::fail);
    }

    /** Imports the checked rows in one transaction. */
    void importRows() {
        IntakeAnalysis checked = analysis.get();
        if (checked == null || !canImport.get()) {
            return;
        }
        Set<Integer> skip = skipDuplicates.get() ? new HashSet<>(checked.duplicateRows()) : Set.of();
        canImport.set(false);
        tasks.run(Ui.text("intake.importing"), p -> service.commit(checked, skip), count -> {
            analysis.set(null);
            message.set(Ui.text("intake.imported", count, checked.fileName()));
        }, error -> {
            updateCanImport();
            fail(error);
        });
    }

    private void clearReport() {
        analysis.set(null);
        report.clear();
        canImport.set(false);
    }

    private void updateCanImport() {
        IntakeAnalysis a = analysis.get();
        canImport.set(a != null && !a.hasErrors() && a.candidates().size() > (skipDuplicates.get() ? a.duplicateRows().size() : 0));
    }

    private void fail(Throwable error) {
        message.set(Ui.describe(error));
    }
}
