package org.consulardesk.security.ui;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.ui.LoginViewModel.Phase;
import org.consulardesk.store.model.RegistryKind;

/** The sign-in screen of one registry folder; also where an older registry is upgraded (ADR 0068). */
public final class LoginView implements View {
    private final VBox root;
    private final TextField username = Ui.field("login.username");
    private final PasswordField passphrase = Ui.secret("login.passphrase");
    private final Button upgrade;
    private final Button proceed;

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
        signIn.disableProperty().bind(vm.busy.or(vm.phase.isNotEqualTo(Phase.SIGN_IN)));
        signIn.defaultButtonProperty().bind(vm.phase.isEqualTo(Phase.SIGN_IN));
        Button back = Ui.button("common.back", e -> {
            vm.cancelUpgrade();
            onBack.run();
        });
        back.disableProperty().bind(vm.busy.or(vm.phase.isEqualTo(Phase.UPGRADED)));
        Hyperlink recover = new Hyperlink(Ui.text("login.recover"));
        recover.setId("login-recover");
        recover.setOnAction(e -> {
            vm.cancelUpgrade(); // an upgrade asked about and not started closes the file and wipes the key
            onRecover.run();
        });
        recover.disableProperty().bind(back.disableProperty());

        GridPane form = Ui.form();
        Ui.row(form, 0, "login.username", username);
        Ui.row(form, 1, "login.passphrase", passphrase);
        form.disableProperty().bind(vm.phase.isNotEqualTo(Phase.SIGN_IN));
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

        // Before the upgrade: what it does, how long it may take, the backup; then Upgrade or Cancel.
        Label notice = wrapped("login-upgrade-notice", vm.upgradeNotice);
        Label backup = wrapped("login-upgrade-backup", vm.backupNotice);
        upgrade = Ui.primary("login.upgrade.start", e -> vm.upgrade());
        upgrade.setId("login-upgrade-start");
        upgrade.defaultButtonProperty().bind(vm.phase.isEqualTo(Phase.CONFIRM_UPGRADE));
        Button cancel = Ui.button("login.upgrade.cancel", e -> vm.cancelUpgrade());
        cancel.setId("login-upgrade-cancel");
        cancel.cancelButtonProperty().bind(upgrade.defaultButtonProperty());
        HBox confirmActions = new HBox(10, cancel, upgrade);
        confirmActions.setAlignment(Pos.CENTER_RIGHT);
        VBox confirm = section("login-upgrade-confirm", Ui.styled(Styles.SUBTITLE, "login.upgrade.heading"), notice, backup,
                confirmActions);
        confirm.visibleProperty().bind(vm.phase.isEqualTo(Phase.CONFIRM_UPGRADE));

        // During and after: the step and how far it got, then that it finished and Continue.
        Label status = wrapped("login-upgrade-status", vm.upgradeStatus);
        status.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        ProgressBar bar = new ProgressBar();
        bar.setId("login-upgrade-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.upgradeProgress);
        bar.setAccessibleText(Ui.text("login.upgrade.title"));
        bar.visibleProperty().bind(vm.phase.isEqualTo(Phase.UPGRADING));
        bar.managedProperty().bind(bar.visibleProperty());
        Label keepOpen = Ui.styled(Styles.MUTED, "login.upgrade.keepOpen");
        keepOpen.setWrapText(true);
        keepOpen.visibleProperty().bind(bar.visibleProperty());
        keepOpen.managedProperty().bind(bar.visibleProperty());
        proceed = Ui.primary("login.upgrade.continue", e -> vm.continueAfterUpgrade(onSession));
        proceed.setId("login-upgrade-continue");
        proceed.defaultButtonProperty().bind(vm.phase.isEqualTo(Phase.UPGRADED));
        proceed.visibleProperty().bind(vm.phase.isEqualTo(Phase.UPGRADED));
        proceed.managedProperty().bind(proceed.visibleProperty());
        HBox doneActions = new HBox(10, proceed);
        doneActions.setAlignment(Pos.CENTER_RIGHT);
        VBox running = section("login-upgrade-running", Ui.styled(Styles.SUBTITLE, "login.upgrade.title"), status, bar, keepOpen,
                doneActions);
        running.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.phase.get() == Phase.UPGRADING || vm.phase.get() == Phase.UPGRADED, vm.phase));

        // Focus follows the phase, so Enter answers what the screen asks.
        vm.phase.addListener((o, was, now) -> {
            switch (now) {
                case CONFIRM_UPGRADE -> upgrade.requestFocus();
                case UPGRADED -> proceed.requestFocus();
                case SIGN_IN -> passphrase.requestFocus();
                default -> { }
            }
        });

        root = Ui.centred(Ui.card(heading, folder, Ui.styled(Styles.SUBTITLE, "login.title"), form, error, actions, recover,
                confirm, running), 620);
    }

    private static Label wrapped(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        return label;
    }

    private static VBox section(String id, Node... children) {
        VBox box = new VBox(8, children);
        box.setId(id);
        box.managedProperty().bind(box.visibleProperty());
        box.setStyle("-fx-padding: 12 0 0 0;");
        return box;
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
