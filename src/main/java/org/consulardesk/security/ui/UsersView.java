package org.consulardesk.security.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.model.UserAccount;

/** User management for the head of post. */
public final class UsersView implements View {
    private final VBox root;
    private final UsersViewModel vm;
    private final TableView<UserAccount> table = new TableView<>();

    public UsersView(UsersViewModel vm, DialogService dialogs) {
        this.vm = vm;
        table.setId("users-table");
        table.setAccessibleText(Ui.text("users.title"));
        table.setItems(vm.users);
        table.setPlaceholder(Ui.label("users.empty"));
        table.getColumns().add(Ui.<UserAccount>column("users.col.username", u -> u.username(), 180));
        table.getColumns().add(Ui.<UserAccount>column("users.col.displayName", u -> u.displayName(), 180));
        table.getColumns().add(Ui.<UserAccount>column("users.col.role", u -> Ui.text(u.role().messageKey()), 180));
        table.getColumns().add(Ui.<UserAccount>column("users.col.status", u -> Ui.text(u.enabled() ? "users.status.enabled" : "users.status.disabled"), 180));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button disable = Ui.button("users.disable", e -> selected(vm::disable));
        Button enable = Ui.button("users.enable", e -> selected(user -> dialogs.askSecret(Ui.text("users.enable.title", user.username()),
                Ui.text("users.enable.message"), Ui.text("users.add.passphrase")).ifPresent(secret -> vm.enable(user, secret))));
        Button unlock = Ui.button("users.unlock", e -> selected(vm::unlock));
        disable.setId("users-disable");
        enable.setId("users-enable");
        unlock.setId("users-unlock");
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        disable.disableProperty().bind(none);
        enable.disableProperty().bind(none);
        unlock.disableProperty().bind(none);
        HBox rowActions = new HBox(8, disable, enable, unlock);

        Label message = new Label();
        message.setId("users-message");
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.message);
        Label error = new Label();
        error.setId("users-error");
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);
        error.textProperty().bind(vm.error);

        root = Ui.page(Ui.styled(Styles.TITLE, "users.title"), Ui.styled(Styles.MUTED, "users.intro"), table, rowActions,
                addForm(), message, error);
    }

    private VBox addForm() {
        TextField username = Ui.field("users.add.username");
        TextField displayName = Ui.field("users.add.displayName");
        ComboBox<Role> role = new ComboBox<>();
        role.setId("users-add-role");
        role.setAccessibleText(Ui.text("users.add.role"));
        role.getItems().setAll(UsersViewModel.roles());
        role.setValue(Role.CONSULAR_OFFICER);
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : Ui.text(r.messageKey());
            }

            @Override
            public Role fromString(String s) {
                return null;
            }
        });
        PasswordField initial = Ui.secret("users.add.passphrase");
        GridPane form = Ui.form();
        Ui.row(form, 0, "users.add.username", username);
        Ui.row(form, 1, "users.add.displayName", displayName);
        Ui.row(form, 2, "users.add.role", role);
        Ui.row(form, 3, "users.add.passphrase", initial);
        form.add(new PassphraseStrength(initial, () -> java.util.List.of(username.getText(), displayName.getText())), 1, 4);
        Button add = Ui.button("users.add.submit", e -> {
            char[] secret = initial.getText().toCharArray();
            vm.add(username.getText(), displayName.getText(), role.getValue(), secret, () -> {
                username.clear();
                displayName.clear();
                initial.clear();
            });
        });
        add.setId("users-add-submit");
        HBox actions = new HBox(add);
        actions.setAlignment(Pos.CENTER_RIGHT);
        return Ui.card(Ui.styled(Styles.SUBTITLE, "users.add.title"), Ui.styled(Styles.MUTED, "users.add.hint"), form, actions);
    }

    private void selected(java.util.function.Consumer<UserAccount> action) {
        UserAccount user = table.getSelectionModel().getSelectedItem();
        if (user != null) {
            action.accept(user);
        }
    }


    @Override
    public Node root() {
        return root;
    }

    @Override
    public void activate() {
        vm.reload();
    }

    @Override
    public Node initialFocus() {
        return table;
    }
}
