package org.consulardesk.store.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.store.service.RegistrySettings;
import org.consulardesk.store.service.SettingsService;

/** Registry-wide settings the head of post controls. */
public final class SettingsView implements View {
    private final VBox root;
    private final SettingsService service;
    private final BackgroundTasks tasks;
    private final Spinner<Integer> autoLock = new Spinner<>(1, 240, 10);
    private final CheckBox backupOnClose = new CheckBox(Ui.text("settings.backupOnClose"));
    private final Spinner<Integer> keep = new Spinner<>(1, 100, 7);
    private final Label message = new Label();
    private final java.util.function.Consumer<RegistrySettings> onSaved;
    private final java.util.List<View> sections;

    public SettingsView(SettingsService service, BackgroundTasks tasks, java.util.function.Consumer<RegistrySettings> onSaved) {
        this(service, tasks, onSaved, java.util.List.of());
    }

    /**
     * @param sections settings of features (each saves its own), shown below the registry's own and
     *                 activated with the screen
     */
    public SettingsView(SettingsService service, BackgroundTasks tasks, java.util.function.Consumer<RegistrySettings> onSaved,
                        java.util.List<View> sections) {
        this.sections = java.util.List.copyOf(sections);
        this.service = service;
        this.tasks = tasks;
        this.onSaved = onSaved;
        autoLock.setEditable(true);
        autoLock.setId("settings-autolock");
        autoLock.setAccessibleText(Ui.text("settings.autoLock"));
        keep.setEditable(true);
        keep.setAccessibleText(Ui.text("settings.keep"));
        backupOnClose.setAccessibleText(Ui.text("settings.backupOnClose"));
        GridPane form = Ui.form();
        Ui.row(form, 0, "settings.autoLock", autoLock);
        form.add(backupOnClose, 1, 1);
        Ui.row(form, 2, "settings.keep", keep);
        message.setId("settings-message");
        message.setWrapText(true);
        Button save = Ui.primary("settings.save", e -> save());
        save.setId("settings-save");
        HBox actions = new HBox(save);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox card = Ui.card(form, message, actions);
        card.setMaxWidth(640);
        java.util.List<Node> parts = new java.util.ArrayList<>(java.util.List.of(Ui.styled(Styles.TITLE, "settings.title"),
                Ui.styled(Styles.MUTED, "settings.intro"), card));
        this.sections.forEach(s -> parts.add(s.root()));
        root = Ui.page(parts.toArray(Node[]::new));
    }

    private void save() {
        message.getStyleClass().removeAll(Styles.ERROR, Styles.SUCCESS);
        int minutes = autoLock.getValue();
        boolean onClose = backupOnClose.isSelected();
        int backups = keep.getValue();
        tasks.run(Ui.text("settings.saving"), p -> {
            RegistrySettings settings = new RegistrySettings(minutes, onClose, backups);
            service.save(settings);
            return settings;
        }, saved -> {
            message.getStyleClass().add(Styles.SUCCESS);
            message.setText(Ui.text("settings.saved"));
            onSaved.accept(saved);
        }, failure -> {
            message.getStyleClass().add(Styles.ERROR);
            message.setText(Ui.describe(failure));
        });
    }

    @Override
    public void activate() {
        sections.forEach(View::activate);
        tasks.run(Ui.text("settings.loading"), p -> service.load(), s -> {
            autoLock.getValueFactory().setValue(s.autoLockMinutes());
            backupOnClose.setSelected(s.backupOnClose());
            keep.getValueFactory().setValue(s.backupsToKeep());
        }, failure -> message.setText(Ui.describe(failure)));
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return autoLock;
    }
}
