package org.consulardesk.security.ui;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.model.UserAccount;
import org.consulardesk.security.service.UserService;

/** The head of post's user management: list, add, disable, enable, unlock. */
public final class UsersViewModel {
    final ObservableList<UserAccount> users = FXCollections.observableArrayList();
    final StringProperty message = new SimpleStringProperty("");
    final StringProperty error = new SimpleStringProperty("");

    private final UserService service;
    private final BackgroundTasks tasks;

    public UsersViewModel(UserService service, BackgroundTasks tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    void reload() {
        tasks.run(Ui.text("users.loading"), p -> service.list(), users::setAll, failure -> error.set(Ui.describe(failure)));
    }

    void add(String username, String displayName, Role role, char[] initialPassphrase, Runnable onAdded) {
        act(s -> s.add(username, displayName, role, initialPassphrase), "users.added", username, onAdded);
    }

    void disable(UserAccount user) {
        act(s -> s.disable(user.username()), "users.disabled", user.username(), () -> { });
    }

    void enable(UserAccount user, char[] initialPassphrase) {
        act(s -> s.enable(user.username(), initialPassphrase), "users.enabled", user.username(), () -> { });
    }

    void unlock(UserAccount user) {
        act(s -> {
            s.resetLockout(user.username());
            return null;
        }, "users.unlocked", user.username(), () -> { });
    }

    private void act(Function<UserService, Object> action, String doneKey, String username, Runnable after) {
        message.set("");
        error.set("");
        tasks.run(Ui.text("users.working"), p -> {
            action.apply(service);
            return service.list();
        }, list -> {
            users.setAll(list);
            message.set(Ui.text(doneKey, username));
            after.run();
        }, failure -> error.set(Ui.describe(failure)));
    }

    static List<Role> roles() {
        return List.of(Role.values());
    }
}
