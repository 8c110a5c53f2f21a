package org.consulardesk.exchange.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.exchange.model.ExportSummary;
import org.consulardesk.exchange.service.ExportProfile;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.exchange.service.RegistryFullProfile;
import org.consulardesk.registry.model.PurposeOfStay;

/**
 * Export for headquarters: choose a profile (only those the role may export), filters, the HXL row,
 * a password (required for personal data), the target file; then a progress bar with cancel. The
 * post key's fingerprint is shown so it can be read out to HQ.
 */
public final class ExportView implements View {
    private final VBox root;
    private final ExportService service;
    private final PostKeyService keys;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final ComboBox<ExportProfile> profile = new ComboBox<>();
    private final TextField city = Ui.field("exchange.export.city");
    private final TextField district = Ui.field("exchange.export.district");
    private final ComboBox<String> purpose = new ComboBox<>();
    private final CheckBox hxl = new CheckBox(Ui.text("exchange.export.hxl"));
    private final CheckBox csv = new CheckBox(Ui.text("exchange.export.csv"));
    private final PasswordField password = Ui.secret("exchange.export.password");
    private final PasswordField confirm = Ui.secret("exchange.export.confirm");
    private final Label passwordNote = Ui.styled(Styles.MUTED, "exchange.export.passwordOptional");
    private final TextField target = Ui.field("exchange.export.target");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label fingerprint = Ui.styled(Styles.MUTED, "exchange.export.fingerprintLoading");
    private final Label error = Ui.errorLabel("exchange-export-error");
    private final Button export;
    private final Button cancel;
    private volatile AtomicBoolean cancelled = new AtomicBoolean();
    private Map<String, String> fixedFilters = Map.of();
    /** The area the export is restricted to, when the map opened this screen (ADR 0073); empty otherwise. */
    private Map<String, String> areaFilters = Map.of();
    private String areaDescription = "";
    private final Label areaNote = new Label();
    private final Button clearArea;
    private final HBox areaRow;

    public ExportView(ExportService service, PostKeyService keys, BackgroundTasks tasks, DialogService dialogs) {
        this.service = service;
        this.keys = keys;
        this.tasks = tasks;
        this.dialogs = dialogs;
        profile.setId("exchange-export-profile");
        profile.setAccessibleText(Ui.text("exchange.export.profile"));
        profile.setItems(FXCollections.observableArrayList(service.profiles()));
        profile.setCellFactory(l -> new ProfileCell());
        profile.setButtonCell(new ProfileCell());
        profile.valueProperty().addListener((o, a, b) -> profileChanged());
        purpose.setId("exchange-export-purpose");
        purpose.setAccessibleText(Ui.text("exchange.export.purpose"));
        purpose.getItems().add(Ui.text("exchange.export.anyPurpose"));
        for (PurposeOfStay p : PurposeOfStay.values()) {
            purpose.getItems().add(p.name());
        }
        purpose.getSelectionModel().select(0);
        hxl.setId("exchange-export-hxl");
        hxl.setMnemonicParsing(true);
        csv.setId("exchange-export-csv");
        csv.setMnemonicParsing(true);
        csv.setAccessibleHelp(Ui.text("exchange.export.csvHelp"));
        csv.selectedProperty().addListener((o, a, b) -> formatChanged());
        target.setPromptText(Ui.text("exchange.export.targetPrompt"));
        Button choose = Ui.button("exchange.export.choose", e -> chooseTarget());
        choose.setId("exchange-export-choose");
        HBox targetRow = new HBox(8, target, choose);
        HBox.setHgrow(target, Priority.ALWAYS);

        areaNote.setId("exchange-export-area");
        areaNote.setWrapText(true);
        areaNote.getStyleClass().add(Styles.SUBTITLE);
        clearArea = Ui.button("exchange.export.clearArea", e -> presetArea(Map.of(), ""));
        clearArea.setId("exchange-export-clear-area");
        clearArea.setMnemonicParsing(true);
        areaRow = new HBox(10, areaNote, clearArea);
        areaRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(areaNote, Priority.ALWAYS);
        areaRow.setVisible(false);
        areaRow.setManaged(false);

        GridPane form = Ui.form();
        int r = 0;
        Ui.row(form, r++, "exchange.export.profile", profile);
        Ui.row(form, r++, "exchange.export.city", city);
        Ui.row(form, r++, "exchange.export.district", district);
        Ui.row(form, r++, "exchange.export.purpose", purpose);
        form.add(hxl, 1, r++);
        form.add(csv, 1, r++);
        Ui.row(form, r++, "exchange.export.password", password);
        Ui.row(form, r++, "exchange.export.confirm", confirm);
        form.add(passwordNote, 1, r++);
        Ui.row(form, r++, "exchange.export.target", targetRow);

        export = Ui.primary("exchange.export.run", e -> export());
        export.setId("exchange-export-run");
        cancel = Ui.button("exchange.export.cancel", e -> cancelled.set(true));
        cancel.setId("exchange-export-cancel");
        cancel.setCancelButton(true);
        cancel.setDisable(true);
        progress.setId("exchange-export-progress");
        progress.setPrefWidth(260);
        progress.setVisible(false);
        status.setId("exchange-export-status");
        status.getStyleClass().add(Styles.SUCCESS);
        status.setWrapText(true);
        HBox actions = new HBox(10, export, cancel, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        fingerprint.setId("exchange-export-fingerprint");
        Node card = Ui.card(form);
        root = Ui.page(Ui.styled(Styles.TITLE, "exchange.export.title"), Ui.styled(Styles.MUTED, "exchange.export.intro"),
                areaRow, card, actions, status, error, fingerprint);
        if (!profile.getItems().isEmpty()) {
            profile.getSelectionModel().select(0);
        } else {
            error.setText(Ui.text("exchange.export.noProfiles"));
            export.setDisable(true);
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return profile;
    }

    @Override
    public void activate() {
        tasks.run(Ui.text("exchange.export.fingerprintLoading"), p -> keys.ownKey().fingerprint(),
                fp -> fingerprint.setText(Ui.text("exchange.export.fingerprint", fp)),
                failure -> fingerprint.setText(""));
    }

    /**
     * Opens the view on one profile with filters added to every export of a
     * profile that understands them (e.g. {@code employer=12}
     * when another screen opens this one for the employer it shows).
     */
    public void preset(String profileName, Map<String, String> filters) {
        fixedFilters = Map.copyOf(filters);
        profile.getItems().stream().filter(p -> p.name().equals(profileName)).findFirst()
                .ifPresent(p -> profile.getSelectionModel().select(p));
    }

    /**
     * Restricts the export to the people inside an area the map counted (ADR 0073): the full registry
     * export is chosen, the screen says which area, and the officer chooses password and file as usual.
     * Empty filters take the restriction away.
     *
     * @param filters     {@code hotspot} or {@code area}, and {@code buffer-km} ({@link AreaFilter})
     * @param description what the screen calls the area, e.g. "hotspot Kibera floods, with 2 km around it"
     */
    public void presetArea(Map<String, String> filters, String description) {
        areaFilters = Map.copyOf(filters);
        areaDescription = description;
        if (!areaFilters.isEmpty()) {
            profile.getItems().stream().filter(p -> p.name().equals(RegistryFullProfile.NAME)).findFirst()
                    .ifPresent(p -> profile.getSelectionModel().select(p));
            status.setText("");
            error.setText("");
        }
        updateArea();
    }

    /** Test hook and screenshot text: what the area line says. */
    String areaText() {
        return areaRow.isVisible() ? areaNote.getText() : "";
    }

    private void updateArea() {
        boolean any = !areaFilters.isEmpty();
        areaRow.setVisible(any);
        areaRow.setManaged(any);
        ExportProfile p = profile.getValue();
        if (any) {
            boolean applies = p != null && p.filterNames().containsAll(areaFilters.keySet());
            areaNote.setText(Ui.text(applies ? "exchange.export.area" : "exchange.export.areaNotUsed", areaDescription));
        }
        formatChanged();
    }

    private void profileChanged() {
        ExportProfile p = profile.getValue();
        java.util.List<String> names = p == null ? java.util.List.of() : p.filterNames();
        city.setDisable(!names.contains("city"));
        district.setDisable(!names.contains("district"));
        purpose.setDisable(!names.contains("purpose"));
        boolean personal = p != null && p.personalData();
        passwordNote.setText(Ui.text(personal ? "exchange.export.passwordRequired" : "exchange.export.passwordOptional"));
        if (personal) {
            csv.setSelected(false); // CSV cannot be encrypted (ADR 0052)
        }
        csv.setDisable(personal);
        if (areaRow != null) {
            updateArea();
        } else {
            formatChanged();
        }
    }

    private void formatChanged() {
        ExportProfile p = profile.getValue();
        password.setDisable(csv.isSelected());
        confirm.setDisable(csv.isSelected());
        String extension = csv.isSelected() ? ".csv" : ".xlsx";
        if (p != null && (target.getText().isBlank() || target.getText().endsWith(".xlsx") || target.getText().endsWith(".csv"))) {
            Path current = target.getText().isBlank() ? null : Path.of(target.getText());
            boolean area = !areaFilters.isEmpty() && p.filterNames().containsAll(areaFilters.keySet());
            String name = p.name() + (area ? "-inside" : "") + extension;
            target.setText(current == null || current.getParent() == null ? name : current.getParent().resolve(name).toString());
        }
    }

    private void chooseTarget() {
        ExportProfile p = profile.getValue();
        dialogs.chooseFileToSave(Ui.text("exchange.export.chooseTitle"), (p == null ? "export" : p.name()) + (csv.isSelected() ? ".csv" : ".xlsx"))
                .ifPresent(path -> target.setText(path.toString()));
    }

    private Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        ExportProfile chosen = profile.getValue();
        fixedFilters.forEach((name, value) -> {
            if (chosen != null && chosen.filterNames().contains(name)) {
                filters.put(name, value);
            }
        });
        if (chosen != null && chosen.filterNames().containsAll(areaFilters.keySet())) {
            filters.putAll(areaFilters);
        }
        if (!city.isDisabled() && !city.getText().isBlank()) {
            filters.put("city", city.getText().strip());
        }
        if (!district.isDisabled() && !district.getText().isBlank()) {
            filters.put("district", district.getText().strip());
        }
        if (!purpose.isDisabled() && purpose.getSelectionModel().getSelectedIndex() > 0) {
            filters.put("purpose", purpose.getValue());
        }
        return filters;
    }

    private void export() {
        error.setText("");
        status.setText("");
        ExportProfile p = profile.getValue();
        if (p == null) {
            return;
        }
        if (target.getText().isBlank()) {
            error.setText(Ui.text("exchange.export.noTarget"));
            target.requestFocus();
            return;
        }
        if (!password.getText().equals(confirm.getText())) {
            error.setText(Ui.text("exchange.export.mismatch"));
            confirm.requestFocus();
            return;
        }
        char[] pw = password.getText().isEmpty() ? null : password.getText().toCharArray();
        Path out = Path.of(target.getText().strip());
        Map<String, String> filters = filters();
        boolean withHxl = hxl.isSelected();
        boolean asCsv = csv.isSelected() && !p.personalData();
        cancelled = new AtomicBoolean();
        AtomicBoolean mine = cancelled;
        busy(true);
        tasks.run(Ui.text("exchange.export.running"), sink -> {
            try {
                ProgressSink progressSink = new ProgressSink() {
                    @Override
                    public void progress(long done, long total) {
                        sink.progress(done, total);
                        double value = total > 0 ? (double) done / total : -1;
                        Platform.runLater(() -> progress.setProgress(value));
                    }

                    @Override
                    public boolean isCancelled() {
                        return mine.get() || sink.isCancelled();
                    }
                };
                return asCsv ? service.exportCsv(p.name(), filters, withHxl, out, progressSink)
                        : service.export(p.name(), filters, withHxl, pw, out, progressSink);
            } finally {
                if (pw != null) {
                    Arrays.fill(pw, '\0');
                }
            }
        }, (ExportSummary summary) -> {
            busy(false);
            password.clear();
            confirm.clear();
            status.setText(Ui.text(asCsv ? "exchange.export.doneCsv" : summary.encrypted() ? "exchange.export.doneEncrypted"
                    : "exchange.export.done", summary.totalRows(), summary.file().toString()));
            fingerprint.setText(Ui.text("exchange.export.fingerprint", summary.fingerprint()));
        }, failure -> {
            busy(false);
            error.setText(failure instanceof ProgressSink.CancelledException
                    ? Ui.text("exchange.export.cancelled") : Ui.describe(failure));
        });
    }

    private void busy(boolean running) {
        export.setDisable(running);
        cancel.setDisable(!running);
        progress.setVisible(running);
        progress.setProgress(-1);
    }

    /** Chooses a profile by name (e.g. when another screen opens the export for its own profile). */
    public void selectProfile(String name) {
        profile.getItems().stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(profile::setValue);
    }

    /** Test hook: the status line after an export. */
    String statusText() {
        return status.getText();
    }

    private static final class ProfileCell extends ListCell<ExportProfile> {
        @Override
        protected void updateItem(ExportProfile item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Ui.text(item.titleKey()));
        }
    }
}
