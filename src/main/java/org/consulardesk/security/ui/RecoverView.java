package org.consulardesk.security.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
import org.consulardesk.core.crypto.KdfParams;
import org.consulardesk.core.crypto.RecoveryKey;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Submit;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.UpgradeListener;

/** The head of post sets a new passphrase with the printed recovery key. */
public final class RecoverView implements View {
    private final VBox root;
    private final TextField key = Ui.field("recover.key");

    /**
     * @param onUpgradeNeeded the registry is behind: nothing was changed yet, the sign-in screen asks
     *                        about the upgrade and then finishes the recovery (ADR 0076)
     */
    public RecoverView(Path dir, LoginService logins, KdfParams params, BackgroundTasks tasks, Runnable onBack,
                       Consumer<Session> onSession, Consumer<LoginService.Pending> onUpgradeNeeded) {
        TextField username = Ui.field("recover.username");
        PasswordField passphrase = Ui.secret("recover.passphrase");
        PasswordField confirm = Ui.secret("recover.confirm");
        key.setPromptText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX");
        Label error = Ui.errorLabel("recover-error");

        GridPane form = Ui.form();
        Ui.row(form, 0, "recover.key", key);
        Ui.row(form, 1, "recover.username", username);
        Ui.row(form, 2, "recover.passphrase", passphrase);
        form.add(new PassphraseStrength(passphrase, () -> List.of(username.getText())), 1, 3);
        Ui.row(form, 4, "recover.confirm", confirm);

        Button submit = Ui.primary("recover.submit", null);
        submit.setOnAction(e -> {
            error.setText("");
            if (!passphrase.getText().equals(confirm.getText())) {
                error.setText(Ui.text("error.passphrase.mismatch"));
                return;
            }
            RecoveryKey recoveryKey;
            try {
                recoveryKey = RecoveryKey.parse(key.getText());
            } catch (IllegalArgumentException ex) {
                error.setText(Ui.text("error.recovery.format"));
                return;
            }
            char[] next = passphrase.getText().toCharArray();
            String user = username.getText();
            Submit.run(submit, error, tasks, Ui.text("recover.working"), p -> {
                try {
                    LoginService.Pending pending = logins.beginRecovery(dir, recoveryKey, user, next, params);
                    return pending.steps().isEmpty() ? logins.finish(pending, UpgradeListener.NONE) : pending;
                } finally {
                    Arrays.fill(next, '\0');
                }
            }, opened -> {
                if (opened instanceof Session session) {
                    onSession.accept(session);
                } else {
                    onUpgradeNeeded.accept((LoginService.Pending) opened);
                }
            });
        });
        Button back = Ui.button("common.back", e -> onBack.run());
        HBox actions = new HBox(10, back, submit);
        actions.setAlignment(Pos.CENTER_RIGHT);
        root = Ui.centred(Ui.card(Ui.styled(Styles.TITLE, "recover.title"), Ui.styled(Styles.MUTED, "recover.intro"), form,
                error, actions), 640);
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return key;
    }
}
