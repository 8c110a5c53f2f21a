package org.consulardesk.store.ui;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.crypto.RecoveryKey;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Submit;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.service.Credential;
import org.consulardesk.store.model.RegistryDescriptor;
import org.consulardesk.store.service.BackupService;

/**
 * Restores an encrypted backup into a new folder, opened with a user's passphrase or the recovery
 * key. Nothing is written unless the whole backup authenticates.
 */
public final class RestoreView implements View {
    private final VBox root;
    private final TextField file = Ui.field("restore.file");

    public RestoreView(BackgroundTasks tasks, DialogService dialogs, Path defaultParent, Runnable onBack,
                       BiConsumer<Path, RegistryDescriptor> onRestored) {
        TextField folder = Ui.field("restore.folder");
        Button chooseFile = Ui.button("restore.chooseFile", e -> dialogs.chooseFileToOpen(Ui.text("restore.file"))
                .ifPresent(p -> file.setText(p.toString())));
        Button chooseFolder = Ui.button("restore.chooseFolder", e -> dialogs.chooseDirectory(Ui.text("restore.folder"),
                defaultParent).ifPresent(p -> folder.setText(p.resolve("restored").toString())));
        folder.setText(defaultParent.resolve("restored").toString());

        ToggleGroup how = new ToggleGroup();
        RadioButton byPassphrase = new RadioButton(Ui.text("restore.byPassphrase"));
        byPassphrase.setId("restore-byPassphrase");
        byPassphrase.setToggleGroup(how);
        byPassphrase.setSelected(true);
        RadioButton byRecovery = new RadioButton(Ui.text("restore.byRecovery"));
        byRecovery.setId("restore-byRecovery");
        byRecovery.setToggleGroup(how);
        TextField username = Ui.field("restore.username");
        PasswordField passphrase = Ui.secret("restore.passphrase");
        TextField recoveryKey = Ui.field("restore.recoveryKey");
        recoveryKey.setPromptText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX");
        username.disableProperty().bind(byRecovery.selectedProperty());
        passphrase.disableProperty().bind(byRecovery.selectedProperty());
        recoveryKey.disableProperty().bind(byPassphrase.selectedProperty());

        GridPane form = Ui.form();
        Ui.row(form, 0, "restore.file", row(file, chooseFile));
        Ui.row(form, 1, "restore.folder", row(folder, chooseFolder));
        form.add(new HBox(16, byPassphrase, byRecovery), 1, 2);
        Ui.row(form, 3, "restore.username", username);
        Ui.row(form, 4, "restore.passphrase", passphrase);
        Ui.row(form, 5, "restore.recoveryKey", recoveryKey);

        Label message = Ui.errorLabel("restore-message");
        Button restore = Ui.primary("restore.submit", null);
        restore.setOnAction(e -> {
            message.setText("");
            if (file.getText().isBlank() || folder.getText().isBlank()) {
                message.setText(Ui.text("restore.missing"));
                return;
            }
            Credential credential;
            if (byRecovery.isSelected()) {
                try {
                    credential = new Credential.Recovery(RecoveryKey.parse(recoveryKey.getText()));
                } catch (IllegalArgumentException ex) {
                    message.setText(Ui.text("error.recovery.format"));
                    return;
                }
            } else {
                credential = new Credential.Passphrase(username.getText(), passphrase.getText().toCharArray());
            }
            Path from = Path.of(file.getText().strip());
            Path into = Path.of(folder.getText().strip());
            Submit.run(restore, message, tasks, Ui.text("restore.working"), p -> BackupService.restore(from, into, credential, p),
                    restored -> {
                        passphrase.clear();
                        onRestored.accept(into, restored.descriptor());
                    });
        });
        Button back = Ui.button("common.back", e -> onBack.run());
        HBox actions = new HBox(10, back, restore);
        actions.setAlignment(Pos.CENTER_RIGHT);
        root = Ui.centred(Ui.card(Ui.styled(Styles.TITLE, "restore.title"), Ui.styled(Styles.MUTED, "restore.intro"), form,
                message, actions), 760);
    }

    private static HBox row(TextField field, Button button) {
        HBox row = new HBox(8, field, button);
        HBox.setHgrow(field, Priority.ALWAYS);
        return row;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return file;
    }
}
