package org.consulardesk.core.ui;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.consulardesk.core.BackgroundTasks;

/**
 * The usual life of a form's main button: clear the old error, disable the button while the work
 * runs in the background, enable it again, and show a failure under the form.
 */
public final class Submit {
    private Submit() {
    }

    public static <T> void run(Button button, Label error, BackgroundTasks tasks, String title, BackgroundTasks.Work<T> work,
                               Consumer<T> onSuccess) {
        error.setText("");
        button.setDisable(true);
        tasks.run(title, work, result -> {
            button.setDisable(false);
            onSuccess.accept(result);
        }, failure -> {
            button.setDisable(false);
            error.setText(Ui.describe(failure));
        });
    }
}
