package org.consulardesk.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application. */
public class ConsularDeskApp extends Application {
    static void launchApp(String[] args) {
        Application.launch(ConsularDeskApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("ConsularDesk");
        stage.show();
    }
}
