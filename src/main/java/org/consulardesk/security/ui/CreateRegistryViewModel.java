package org.consulardesk.security.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.store.model.RegistryKind;

/** State and command of the create-registry screen. */
public final class CreateRegistryViewModel {
    final StringProperty postName = new SimpleStringProperty("");
    final StringProperty countryCode = new SimpleStringProperty("");
    final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    final StringProperty username = new SimpleStringProperty("");
    final StringProperty displayName = new SimpleStringProperty("");
    final StringProperty error = new SimpleStringProperty("");
    final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final RegistryCreator creator;
    private final BackgroundTasks tasks;

    public CreateRegistryViewModel(RegistryCreator creator, BackgroundTasks tasks, Path defaultFolder) {
        this.creator = creator;
        this.tasks = tasks;
        this.folder.set(defaultFolder);
    }

    void create(char[] passphrase, char[] confirmation, Consumer<RegistryCreator.Created> onCreated) {
        error.set("");
        if (!java.util.Arrays.equals(passphrase, confirmation)) {
            error.set(Ui.text("error.passphrase.mismatch"));
            return;
        }
        if (folder.get() == null) {
            error.set(Ui.text("error.registry.folderRequired"));
            return;
        }
        busy.set(true);
        RegistryCreator.Request request = new RegistryCreator.Request(folder.get(), RegistryKind.POST, postName.get(),
                countryCode.get(), username.get(), displayName.get(), passphrase);
        tasks.run(Ui.text("create.working"), progress -> creator.create(request), created -> {
            busy.set(false);
            onCreated.accept(created);
        }, failure -> {
            busy.set(false);
            error.set(Ui.describe(failure));
        });
    }
}
