package org.consulardesk.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;

/** JavaFX dialogs owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Stage owner;

    public FxDialogService(Stage owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        return alert(Alert.AlertType.CONFIRMATION, title, message).showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public Optional<char[]> askSecret(String title, String message, String fieldLabel) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(plain(title));
        dialog.setHeaderText(plain(title));
        dialog.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        PasswordField field = new PasswordField();
        field.setId("dialog-secret");
        field.setAccessibleText(fieldLabel);
        Label label = new Label(fieldLabel);
        label.setLabelFor(field);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(440);
        dialog.getDialogPane().setContent(new VBox(10, text, label, field));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait();
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(plain(title));
        if (initial != null && Files.isDirectory(initial)) {
            chooser.setInitialDirectory(initial.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(plain(title));
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(plain(title));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type, message);
        alert.initOwner(owner);
        alert.setTitle(plain(title));
        alert.setHeaderText(plain(title));
        alert.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        return alert;
    }

    /**
     * Dialogs are often titled with the label of the button that opened them; the label's mnemonic
     * marker ("E_xport…") means nothing in a window title.
     */
    static String plain(String title) {
        return title == null ? null : title.replace("_", "");
    }
}
