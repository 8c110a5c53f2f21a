package org.consulardesk.security.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;

/** The signed-in user's own account: who they are, and changing their passphrase. */
public final class AccountView implements View {
    private final VBox root;
    private final PasswordField current = Ui.secret("account.current");

    public AccountView(Session session, UserService users, BackgroundTasks tasks, Runnable onChanged) {
        PasswordField next = Ui.secret("account.new");
        PasswordField confirm = Ui.secret("account.confirm");
        GridPane form = Ui.form();
        Ui.row(form, 0, "account.current", current);
        Ui.row(form, 1, "account.new", next);
        form.add(new PassphraseStrength(next, () -> List.of(session.user().username(), session.user().displayName())), 1, 2);
        Ui.row(form, 3, "account.confirm", confirm);
        Label message = new Label();
        message.setId("account-message");
        message.setWrapText(true);
        Button change = Ui.primary("account.change", null);
        change.setOnAction(e -> {
            message.getStyleClass().removeAll(Styles.ERROR, Styles.SUCCESS);
            if (!next.getText().equals(confirm.getText())) {
                message.getStyleClass().add(Styles.ERROR);
                message.setText(Ui.text("error.passphrase.mismatch"));
                return;
            }
            char[] oldSecret = current.getText().toCharArray();
            char[] newSecret = next.getText().toCharArray();
            change.setDisable(true);
            tasks.run(Ui.text("account.working"), p -> {
                users.changeOwnPassphrase(oldSecret, newSecret);
                return null;
            }, done -> {
                change.setDisable(false);
                current.clear();
                next.clear();
                confirm.clear();
                message.getStyleClass().add(Styles.SUCCESS);
                message.setText(Ui.text("account.changed"));
                onChanged.run();
            }, failure -> {
                change.setDisable(false);
                message.getStyleClass().add(Styles.ERROR);
                message.setText(Ui.describe(failure));
            });
        });
        HBox actions = new HBox(change);
        actions.setAlignment(Pos.CENTER_RIGHT);
        Label who = new Label(Ui.text("account.who", session.user().displayName(), session.user().username(),
                Ui.text(session.user().role().messageKey())));
        VBox card = Ui.card(Ui.styled(Styles.SUBTITLE, "account.changeTitle"), Ui.styled(Styles.MUTED, "account.hint"), form,
                message, actions);
        card.setMaxWidth(640);
        root = Ui.page(Ui.styled(Styles.TITLE, "account.title"), who, card);
        if (session.user().mustChangePassphrase()) {
            root.getChildren().add(1, Ui.styled(Styles.ERROR, "account.mustChange"));
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return current;
    }
}
