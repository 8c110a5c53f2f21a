package org.consulardesk.map.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.map.service.BasemapRenderer;
import org.consulardesk.map.service.BasemapService;
import org.consulardesk.map.service.TileCache;
import org.consulardesk.testsupport.FxWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The person form's "pick on map" dialog, headless: a click places the point, OK returns it, Cancel nothing. */
class MapPointPickerTest extends FxRobot {
    @TempDir
    Path dir;

    @BeforeEach
    void stage() throws Exception {
        OfflineTileRetriever.use(new BasemapService(new TileCache(dir.resolve("tiles")), dir.resolve("mbtiles"),
                BasemapRenderer.bundled(), null));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupSceneRoot(() -> new javafx.scene.layout.StackPane(new Label("owner")));
        FxToolkit.setupStage(s -> {
            s.setWidth(900);
            s.setHeight(700);
            s.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private CompletableFuture<Optional<double[]>> open(double[] current) {
        CompletableFuture<Optional<double[]>> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(MapPointPicker.pick(null, current, new double[] {-1.2864, 36.8172})));
        FxWait.waitFor(() -> lookup("#map-pick-view").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    private Button button(ButtonType type) {
        DialogPane pane = lookup(".dialog-pane").queryAs(DialogPane.class);
        return (Button) pane.lookupButton(type);
    }

    @Test
    void aClickPlacesThePointAndOkReturnsIt() throws Exception {
        CompletableFuture<Optional<double[]>> result = open(null);
        Label value = lookup("#map-pick-value").queryAs(Label.class);
        assertThat(value.getText()).isEqualTo(Ui.text("map.pick.hint"));

        // The dialog opens on the fallback centre at zoom 11: a click there picks about that point.
        clickOn("#map-pick-view");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.getText()).startsWith("Point picked: -1.2");
        clickOn(button(ButtonType.OK));

        Optional<double[]> picked = result.get(20, TimeUnit.SECONDS);
        assertThat(picked).isPresent();
        assertThat(picked.get()[0]).isCloseTo(-1.2864, within(0.05));
        assertThat(picked.get()[1]).isCloseTo(36.8172, within(0.05));
    }

    @Test
    void cancelKeepsNothingAndAnExistingPointIsShownFirst() throws Exception {
        CompletableFuture<Optional<double[]>> result = open(new double[] {-4.0435, 39.6682});
        assertThat(lookup("#map-pick-value").queryAs(Label.class).getText()).isEqualTo("Point picked: -4.04350, 39.66820");
        clickOn(button(ButtonType.CANCEL));
        assertThat(result.get(20, TimeUnit.SECONDS)).isEmpty();
    }
}
