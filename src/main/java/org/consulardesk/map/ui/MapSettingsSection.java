package org.consulardesk.map.ui;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.map.service.MapSettingsService;

/**
 * The crisis map's part of the Settings screen: whether OpenStreetMap tiles may be fetched when
 * online (registry setting {@code map.onlineTiles}, off by default). Saved as soon as it is changed.
 */
public final class MapSettingsSection implements View {
    private final MapSettingsService settings;
    private final BackgroundTasks tasks;
    private final CheckBox online = new CheckBox(Ui.text("map.settings.online"));
    private final Label message = new Label();
    private final VBox root;
    private boolean loading;

    public MapSettingsSection(MapSettingsService settings, BackgroundTasks tasks) {
        this.settings = settings;
        this.tasks = tasks;
        online.setId("settings-map-online");
        online.setMnemonicParsing(true);
        online.setWrapText(true);
        online.setAccessibleText(Ui.text("map.settings.online"));
        online.setDisable(true);
        online.selectedProperty().addListener((o, was, is) -> {
            if (!loading) {
                save(is);
            }
        });
        Label help = new Label(Ui.text("map.settings.onlineHelp"));
        help.setWrapText(true);
        help.getStyleClass().add(Styles.MUTED);
        message.setId("settings-map-message");
        message.setWrapText(true);
        root = Ui.card(Ui.styled(Styles.SUBTITLE, "map.settings.title"), online, help, message);
        root.setMaxWidth(640);
    }

    private void save(boolean allowed) {
        message.getStyleClass().removeAll(Styles.ERROR, Styles.SUCCESS);
        online.setDisable(true);
        tasks.run(Ui.text("map.basemap.saving"), p -> {
            settings.allowOnlineTiles(allowed);
            return allowed;
        }, done -> {
            online.setDisable(!settings.mayChange());
            message.getStyleClass().add(Styles.SUCCESS);
            message.setText(Ui.text(done ? "map.settings.onlineOn" : "map.settings.onlineOff"));
        }, failure -> {
            loading = true;
            online.setSelected(!allowed);
            loading = false;
            online.setDisable(!settings.mayChange());
            message.getStyleClass().add(Styles.ERROR);
            message.setText(Ui.describe(failure));
        });
    }

    @Override
    public void activate() {
        tasks.run(Ui.text("settings.loading"), p -> settings.onlineTilesAllowed(), allowed -> {
            loading = true;
            online.setSelected(allowed);
            loading = false;
            online.setDisable(!settings.mayChange());
        }, failure -> message.setText(Ui.describe(failure)));
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return online;
    }
}
