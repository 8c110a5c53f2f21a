package org.consulardesk.bonds.ui;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.exchange.service.ExportProfiles;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.exchange.ui.ExportView;
import org.consulardesk.security.service.Session;

/**
 * Opens the exchange's export screen in its own window, on a bond profile and with the filters of
 * what the bond screen shows (e.g. {@code employer=12}): password, target file, progress, cancel and
 * the signed workbook are the exchange's.
 */
public final class BondExportWindow {
    static final double WIDTH = 760;
    static final double HEIGHT = 620;

    /** What a bond screen calls to export. */
    @FunctionalInterface
    public interface Opener {
        Opener NONE = (from, profile, filters) -> { };

        void open(Node from, String profile, Map<String, String> filters);
    }

    private BondExportWindow() {
    }

    public static Opener opener(Session session, BackgroundTasks tasks, DialogService dialogs) {
        return (from, profile, filters) -> {
            ExportView view = new ExportView(new ExportService(session), new PostKeyService(session), tasks, dialogs);
            view.preset(profile, filters);
            Stage stage = new Stage();
            if (from != null && from.getScene() != null && from.getScene().getWindow() != null) {
                stage.initOwner(from.getScene().getWindow());
                stage.initModality(Modality.WINDOW_MODAL);
            }
            String title = ExportProfiles.find(profile).map(p -> Ui.text(p.titleKey())).orElse(profile);
            stage.setTitle(Ui.text("bonds.export.window", title, filters.isEmpty() ? "" : " \u2013 "
                    + String.join(", ", filters.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())));
            ScrollPane scroll = new ScrollPane(view.root());
            scroll.setFitToWidth(true);
            Scene scene = new Scene(scroll, WIDTH, HEIGHT);
            scene.getStylesheets().add(Styles.STYLESHEET);
            scene.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.W && e.isShortcutDown()) {
                    stage.close();
                }
            });
            stage.setScene(scene);
            stage.setOnShown(e -> {
                view.activate();
                if (view.initialFocus() != null) {
                    view.initialFocus().requestFocus();
                }
            });
            stage.setOnHidden(e -> view.deactivate());
            stage.show();
        };
    }
}
