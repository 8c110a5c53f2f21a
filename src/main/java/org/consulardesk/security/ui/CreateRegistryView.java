package org.consulardesk.security.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.service.RegistryCreator;

/** Creating a new post registry: the post, its head-of-post account and where the folder goes. */
public final class CreateRegistryView implements View {
    private final ScrollPane root;
    private final TextField postName = Ui.field("create.postName");

    public CreateRegistryView(CreateRegistryViewModel vm, DialogService dialogs, Runnable onBack,
                              Consumer<RegistryCreator.Created> onCreated) {
        ComboBox<String> country = CountryChoices.comboBox();
        country.setId("create-country");
        country.setAccessibleText(Ui.text("create.country"));
        country.valueProperty().addListener((o, a, code) -> vm.countryCode.set(code == null ? "" : code));
        postName.textProperty().bindBidirectional(vm.postName);
        postName.setPromptText(Ui.text("create.postName.prompt"));

        TextField folder = Ui.field("create.folder");
        folder.setText(vm.folder.get() == null ? "" : vm.folder.get().toString());
        folder.textProperty().addListener((o, a, text) -> vm.folder.set(text.isBlank() ? null : java.nio.file.Path.of(text.strip())));
        Button choose = Ui.button("create.chooseFolder", e -> dialogs.chooseDirectory(Ui.text("create.chooseFolder"), null)
                .ifPresent(p -> folder.setText(p.resolve(suggestedFolderName(vm)).toString())));
        HBox folderRow = new HBox(8, folder, choose);
        HBox.setHgrow(folder, Priority.ALWAYS);

        TextField username = Ui.field("create.username");
        username.textProperty().bindBidirectional(vm.username);
        username.setPromptText(Ui.text("create.username.prompt"));
        TextField displayName = Ui.field("create.displayName");
        displayName.textProperty().bindBidirectional(vm.displayName);
        PasswordField passphrase = Ui.secret("create.passphrase");
        PasswordField confirm = Ui.secret("create.confirm");
        PassphraseStrength strength = new PassphraseStrength(passphrase,
                () -> List.of(vm.username.get(), vm.displayName.get(), vm.postName.get()));

        GridPane post = Ui.form();
        Ui.row(post, 0, "create.postName", postName);
        Ui.row(post, 1, "create.country", country);
        Ui.row(post, 2, "create.folder", folderRow);
        GridPane head = Ui.form();
        Ui.row(head, 0, "create.username", username);
        Ui.row(head, 1, "create.displayName", displayName);
        Ui.row(head, 2, "create.passphrase", passphrase);
        head.add(strength, 1, 3);
        head.add(Ui.styled(Styles.MUTED, "create.passphrase.hint"), 1, 4);
        Ui.row(head, 5, "create.confirm", confirm);

        Label error = new Label();
        error.setId("create-error");
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);
        error.textProperty().bind(vm.error);

        Button create = Ui.primary("create.submit", e -> vm.create(passphrase.getText().toCharArray(),
                confirm.getText().toCharArray(), created -> {
                    passphrase.clear();
                    confirm.clear();
                    onCreated.accept(created);
                }));
        create.disableProperty().bind(vm.busy);
        Button back = Ui.button("common.back", e -> onBack.run());
        back.setCancelButton(true);
        HBox actions = new HBox(10, back, create);
        actions.setAlignment(Pos.CENTER_RIGHT);

        VBox content = Ui.page(
                Ui.styled(Styles.TITLE, "create.title"),
                Ui.styled(Styles.MUTED, "create.intro"),
                Ui.card(Ui.styled(Styles.SUBTITLE, "create.section.post"), post),
                Ui.card(Ui.styled(Styles.SUBTITLE, "create.section.head"), Ui.styled(Styles.MUTED, "create.section.head.hint"), head),
                error, actions);
        content.setMaxWidth(760);
        VBox centred = new VBox(content);
        centred.setAlignment(Pos.TOP_CENTER);
        root = new ScrollPane(centred);
        root.setFitToWidth(true);
    }

    private static String suggestedFolderName(CreateRegistryViewModel vm) {
        String name = vm.postName.get().strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return name.isBlank() ? "registry" : name;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return postName;
    }
}
