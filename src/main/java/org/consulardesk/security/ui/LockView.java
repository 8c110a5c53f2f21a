package org.consulardesk.security.ui;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Submit;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.Session;

/**
 * Covers the whole window when the workstation locks. It shows no registry data, only the post and
 * who locked it; the same user's passphrase unlocks, or another user can take over.
 */
public final class LockView implements View {
    private final VBox root;
    private final PasswordField passphrase = Ui.secret("lock.passphrase");
    private final TextField username = Ui.field("lock.username");
    private final Label error = Ui.errorLabel("lock-error");

    public LockView(Session session, LoginService logins, BackgroundTasks tasks, Consumer<UserAccount> onUnlocked) {
        username.setText(session.user().username());
        GridPane form = Ui.form();
        Ui.row(form, 0, "lock.username", username);
        Ui.row(form, 1, "lock.passphrase", passphrase);
        Button unlock = Ui.primary("lock.unlock", null);
        unlock.setOnAction(e -> {
            char[] typed = passphrase.getText().toCharArray();
            passphrase.clear();
            String user = username.getText();
            Submit.run(unlock, error, tasks, Ui.text("lock.working"), p -> logins.unlock(session, user, typed), onUnlocked);
        });
        HBox actions = new HBox(unlock);
        actions.setAlignment(Pos.CENTER_RIGHT);
        Label post = new Label(session.descriptor().postName());
        post.getStyleClass().add(Styles.SUBTITLE);
        root = Ui.centred(Ui.card(Ui.styled(Styles.TITLE, "lock.title"), post, Ui.styled(Styles.MUTED, "lock.hint"), form,
                error, actions), 480);
        root.setId("lock-screen");
        root.getStyleClass().add(Styles.LOCK_SCREEN);
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return passphrase;
    }
}
