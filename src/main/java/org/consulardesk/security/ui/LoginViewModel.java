package org.consulardesk.security.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryDescriptor;

/** Signing in to a registry folder. The key derivation and database open run in the background. */
public final class LoginViewModel {
    final StringProperty username = new SimpleStringProperty("");
    final StringProperty error = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty(false);
    final Path dir;
    final RegistryDescriptor descriptor;

    private final LoginService logins;
    private final BackgroundTasks tasks;

    public LoginViewModel(Path dir, RegistryDescriptor descriptor, LoginService logins, BackgroundTasks tasks) {
        this.dir = dir;
        this.descriptor = descriptor;
        this.logins = logins;
        this.tasks = tasks;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    void signIn(char[] passphrase, Consumer<Session> onSession) {
        error.set("");
        if (username.get().isBlank()) {
            error.set(Ui.text("login.usernameRequired"));
            return;
        }
        busy.set(true);
        String user = username.get();
        tasks.run(Ui.text("login.working"), progress -> logins.login(dir, user, passphrase), session -> {
            busy.set(false);
            java.util.Arrays.fill(passphrase, '\0');
            onSession.accept(session);
        }, failure -> {
            busy.set(false);
            java.util.Arrays.fill(passphrase, '\0');
            error.set(Ui.describe(failure));
        });
    }
}
