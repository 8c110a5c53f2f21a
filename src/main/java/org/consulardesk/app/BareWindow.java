package org.consulardesk.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The startup benchmark's baseline: a bare JavaFX window of the application's size with one label,
 * started exactly like the application (a plain main class on the same class path, the same JVM
 * flags) and measured by the same {@link StartupProbe}.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        // The main class must not extend Application: started from the class path, the java
        // launcher would refuse it ("JavaFX runtime components are missing"), as for Launcher.
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("JavaFX");
            stage.setScene(new Scene(new StackPane(new Label("JavaFX")), 1280, 820));
            stage.show();
            if (Boolean.getBoolean(StartupProbe.PROPERTY)) {
                StartupProbe.afterShow();
            }
        }
    }
}
