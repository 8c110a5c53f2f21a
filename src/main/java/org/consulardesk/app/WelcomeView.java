package org.consulardesk.app;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;

/** First screen: create a registry, open one, or open the training registry; recent folders below. */
final class WelcomeView implements View {
    private final VBox root;
    private final Button create;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final Label error = new Label();
    private final VBox choices;

    WelcomeView(Runnable onCreate, Runnable onOpenFolder, Runnable onTraining, Runnable onRestore,
                Consumer<Path> onOpenRecent) {
        create = Ui.primary("welcome.create", e -> onCreate.run());
        create.setId("welcome-create");
        Button open = Ui.button("welcome.open", e -> onOpenFolder.run());
        open.setId("welcome-open");
        Button training = Ui.button("welcome.training", e -> onTraining.run());
        training.setId("welcome-training");
        Button restore = Ui.button("welcome.restore", e -> onRestore.run());
        restore.setId("welcome-restore");
        for (Button b : List.of(create, open, training, restore)) {
            b.setMaxWidth(Double.MAX_VALUE);
            b.setPrefHeight(44);
        }
        choices = new VBox(10,
                choice(create, "welcome.create.hint"),
                choice(open, "welcome.open.hint"),
                choice(training, "welcome.training.hint"),
                choice(restore, "welcome.restore.hint"));

        ListView<Path> list = new ListView<>(recent);
        list.setId("welcome-recent");
        list.setAccessibleText(Ui.text("welcome.recent"));
        list.setPlaceholder(Ui.label("welcome.recent.none"));
        list.setPrefHeight(160);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                onOpenRecent.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                onOpenRecent.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        error.setId("welcome-error");
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);

        VBox card = Ui.card(Ui.styled(Styles.TITLE, "welcome.title"), Ui.styled(Styles.MUTED, "welcome.tagline"), choices,
                error, Ui.styled(Styles.SUBTITLE, "welcome.recent"), list, Ui.styled(Styles.MUTED, "welcome.offline"));
        card.setMaxWidth(680);
        root = new VBox(card);
        root.getStyleClass().add(Styles.PAGE);
        root.setAlignment(Pos.CENTER);
    }

    private static HBox choice(Button button, String hintKey) {
        Label hint = Ui.styled(Styles.MUTED, hintKey);
        hint.setMaxWidth(340);
        button.setPrefWidth(260);
        button.setMinWidth(260);
        HBox row = new HBox(16, button, hint);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(hint, Priority.ALWAYS);
        return row;
    }

    void setRecent(List<Path> paths) {
        recent.setAll(paths);
    }

    void showError(String message) {
        busy(false);
        error.getStyleClass().setAll("label", Styles.ERROR);
        error.setText(message);
    }

    /** While a registry opens: say so, and keep the buttons from starting a second one. */
    void showBusy(String message) {
        busy(true);
        error.getStyleClass().setAll("label", Styles.MUTED);
        error.setText(message);
    }

    private void busy(boolean busy) {
        choices.setDisable(busy);
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return create;
    }
}
