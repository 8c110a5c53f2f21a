package org.consulardesk.security.ui;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryKind;

/** The sign-in screen of one registry folder. */
public final class LoginView implements View {
    private final VBox root;
    private final TextField username = Ui.field("login.username");
    private final PasswordField passphrase = Ui.secret("login.passphrase");

    public LoginView(LoginViewModel vm, Runnable onBack, Runnable onRecover, Consumer<Session> onSession) {
        username.textProperty().bindBidirectional(vm.username);
        Label error = Ui.errorLabel("login-error");
        error.textProperty().bind(vm.error);
        error.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);

        Button signIn = Ui.primary("login.submit", e -> {
            char[] typed = passphrase.getText().toCharArray();
            passphrase.clear();
            vm.signIn(typed, onSession);
        });
        signIn.disableProperty().bind(vm.busy);
        Button back = Ui.button("common.back", e -> onBack.run());
        Hyperlink recover = new Hyperlink(Ui.text("login.recover"));
        recover.setId("login-recover");
        recover.setOnAction(e -> onRecover.run());

        GridPane form = Ui.form();
        Ui.row(form, 0, "login.username", username);
        Ui.row(form, 1, "login.passphrase", passphrase);
        HBox actions = new HBox(10, back, signIn);
        actions.setAlignment(Pos.CENTER_RIGHT);

        Label post = new Label(vm.descriptor.postName());
        post.getStyleClass().add(Styles.TITLE);
        post.setWrapText(true);
        HBox heading = new HBox(12, post);
        heading.setAlignment(Pos.CENTER_LEFT);
        if (vm.descriptor.kind() == RegistryKind.TRAINING) {
            heading.getChildren().add(Ui.badge(Styles.TRAINING_BADGE, "app.training"));
        }
        Label folder = new Label(vm.dir.toString());
        folder.getStyleClass().add(Styles.MUTED);
        root = Ui.centred(Ui.card(heading, folder, Ui.styled(Styles.SUBTITLE, "login.title"), form, error, actions, recover), 560);
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return username.getText().isBlank() ? username : passphrase;
    }
}
