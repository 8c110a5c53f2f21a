package org.consulardesk.exchange.ui;

import static org.consulardesk.testsupport.TestRegistries.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.consulardesk.exchange.model.PostKey;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotType;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.Severity;
import org.consulardesk.map.service.HotspotService;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.service.CliZipEdit;
import org.consulardesk.exchange.service.ConsolidationService;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.exchange.service.ImportService;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.exchange.service.RegistryAggregateProfile;
import org.consulardesk.exchange.service.RegistryFullProfile;
import org.consulardesk.exercise.service.SampleData;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryKind;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.MutableClock;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the HQ screens (import report with errors, consolidation) to PNG files under Monocle, for
 * docs/screenshots. Runs only with {@code -Dconsulardesk.screenshots=DIR}; the file chooser of the
 * real window cannot be driven on the virtual display.
 */
class ExchangeScreenshots extends FxRobot {
    @TempDir
    Path dir;

    @Test
    void render() throws Exception {
        String out = System.getProperty("consulardesk.screenshots");
        Assumptions.assumeTrue(out != null);
        Path target = Path.of(out);
        FxToolkit.registerPrimaryStage();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:30:00Z"));
        try (Session nairobi = create(dir.resolve("nairobi"), clock).session();
             Session accra = creator(clock).create(new RegistryCreator.Request(dir.resolve("accra"), RegistryKind.POST,
                     "Embassy of Utopia in Accra", "GH", "k.mensah", "Kofi Mensah", OTHER_PASSPHRASE.toCharArray())).session();
             Session hq = creator(clock).create(new RegistryCreator.Request(dir.resolve("hq"), RegistryKind.HQ,
                     "Ministry of Foreign Affairs of Utopia, consular HQ", "UT", "a.marchetti", "Alma Marchetti",
                     THIRD_PASSPHRASE.toCharArray())).session()) {
            SampleData.generate(nairobi, 400, 7, ProgressSink.NONE);
            SampleData.generate(accra, 250, 11, ProgressSink.NONE);
            clock.advance(Duration.ofDays(30)); // some tourists' planned departures have passed
            // Crises: hotspots active at the posts; "Gulf heatwave" is drawn by both (one line at HQ).
            new HotspotService(nairobi).save(new Hotspot(0, "Nairobi flooding", HotspotType.NATURAL_HAZARD, Severity.SEVERE,
                    java.time.LocalDate.of(2026, 11, 20), null, null, null, Area.circle(new LatLon(-1.2864, 36.8172), 25_000), 0));
            new HotspotService(nairobi).save(new Hotspot(0, "Gulf heatwave", HotspotType.NATURAL_HAZARD, Severity.WARNING,
                    null, java.time.LocalDate.of(2027, 1, 15), null, null, Area.circle(new LatLon(25.2, 55.3), 120_000), 0));
            new HotspotService(accra).save(new Hotspot(0, "Gulf heatwave", HotspotType.NATURAL_HAZARD, Severity.SEVERE,
                    null, java.time.LocalDate.of(2027, 1, 15), null, null, Area.circle(new LatLon(25.2, 55.3), 120_000), 0));
            new HotspotService(accra).save(new Hotspot(0, "Kisumu unrest", HotspotType.UNREST, Severity.WARNING,
                    null, null, null, null, Area.circle(new LatLon(-0.0917, 34.7680), 15_000), 0));
            char[] pw = "utopia exchange 2026".toCharArray();
            Path full = dir.resolve("nairobi-full.xlsx");
            new ExportService(nairobi).export(RegistryFullProfile.NAME, Map.of(), true, pw.clone(), full, ProgressSink.NONE);
            Path accraTotals = dir.resolve("accra-totals.xlsx");
            new ExportService(accra).export(RegistryAggregateProfile.NAME, Map.of(), true, null, accraTotals, ProgressSink.NONE);
            clock.advance(Duration.ofHours(3));
            Path edited = dir.resolve("nairobi-totals-edited.xlsx");
            new ExportService(nairobi).export(RegistryAggregateProfile.NAME, Map.of(), false, null, edited, ProgressSink.NONE);
            CliZipEdit.edit(edited, "xl/worksheets/sheet2.xml", xml -> xml.replaceFirst("<v>400", "<v>4000"));
            Path wrongTypes = dir.resolve("accra-totals-retyped.xlsx");
            new ExportService(accra).export(RegistryAggregateProfile.NAME, Map.of(), false, null, wrongTypes, ProgressSink.NONE);
            CliZipEdit.edit(wrongTypes, "xl/worksheets/sheet2.xml", xml -> xml.replaceFirst(
                    "<c r=\"C4\"([^>]*)><v>([0-9.]+)</v></c>", "<c r=\"C4\" t=\"inlineStr\"><is><t>about $2</t></is></c>"));
            Path notes = Files.writeString(dir.resolve("registrations.xlsx"), "family,given\n");
            new PostKeyService(hq).register(nairobi.descriptor().registryId(), nairobi.descriptor().postName(), "KE",
                    new PostKeyService(nairobi).ownKey().publicKey());
            new PostKeyService(hq).register(accra.descriptor().registryId(), accra.descriptor().postName(), "GH",
                    new PostKeyService(accra).ownKey().publicKey());

            HqExchangeView view = new HqExchangeView(new ImportService(hq), new ConsolidationService(hq),
                    new PostKeyService(hq), new ExportService(hq), true, true, new SyncTasks(), new ScriptedDialogs());
            FxScreens.show(view, 1280, 800);
            interact(() -> view.root().getScene().getStylesheets().add(
                    getClass().getResource(org.consulardesk.core.ui.Styles.STYLESHEET).toExternalForm()));
            interact(() -> view.addFiles(List.of(full, accraTotals, edited, wrongTypes, notes)));
            clickOn("#exchange-hq-password").write("utopia exchange 2026");
            clickOn("#exchange-hq-import");
            WaitForAsyncUtils.waitForFxEvents();
            save(view.root(), target.resolve("hq-import-report.png"));

            interact(view::showConsolidation);
            WaitForAsyncUtils.waitForFxEvents();
            @SuppressWarnings("unchecked")
            ComboBox<String> dimension = lookup("#exchange-hq-dimension").queryAs(ComboBox.class);
            interact(() -> dimension.getSelectionModel().select("CRISIS"));
            WaitForAsyncUtils.waitForFxEvents();
            TableView<?> totals = lookup("#exchange-hq-totals").queryAs(TableView.class);
            interact(() -> totals.getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            TableView<?> posts = lookup("#exchange-hq-posts").queryAs(TableView.class);
            interact(() -> posts.getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            @SuppressWarnings("unchecked")
            ComboBox<String> sheet = lookup("#exchange-hq-drill-sheet").queryAs(ComboBox.class);
            interact(() -> sheet.getSelectionModel().select("Crises"));
            WaitForAsyncUtils.waitForFxEvents();
            save(view.root(), target.resolve("hq-consolidation.png"));
            interact(() -> dimension.getSelectionModel().select("STATUS"));
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> sheet.getSelectionModel().select("Totals"));
            WaitForAsyncUtils.waitForFxEvents();
            save(view.root(), target.resolve("hq-consolidation-status.png"));
            FxToolkit.cleanupStages();

            // Post keys: Accra rotated its key and HQ registered the new one; the old one is listed as retired.
            FxToolkit.registerPrimaryStage();
            PostKey rotated = new PostKeyService(accra).rotateOwn();
            clock.advance(Duration.ofHours(1));
            new PostKeyService(hq).rotate(accra.descriptor().registryId(), accra.descriptor().postName(), "GH", rotated.publicKey());
            PostKeysView keys = new PostKeysView(new PostKeyService(hq), true, true, new SyncTasks(), new ScriptedDialogs());
            FxScreens.show(keys, 1280, 760);
            interact(() -> keys.root().getScene().getStylesheets().add(
                    getClass().getResource(org.consulardesk.core.ui.Styles.STYLESHEET).toExternalForm()));
            TableView<?> keyTable = lookup("#exchange-keys-table").queryAs(TableView.class);
            interact(() -> keyTable.getSelectionModel().select(1));
            WaitForAsyncUtils.waitForFxEvents();
            save(keys.root(), target.resolve("post-keys-hq.png"));
            FxToolkit.cleanupStages();

            FxToolkit.registerPrimaryStage();
            PostKeysView own = new PostKeysView(new PostKeyService(nairobi), true, false, new SyncTasks(), new ScriptedDialogs());
            FxScreens.show(own, 1280, 560);
            interact(() -> own.root().getScene().getStylesheets().add(
                    getClass().getResource(org.consulardesk.core.ui.Styles.STYLESHEET).toExternalForm()));
            WaitForAsyncUtils.waitForFxEvents();
            save(own.root(), target.resolve("post-keys-post.png"));
        } finally {
            FxToolkit.cleanupStages();
        }
    }

    private void save(Node node, Path file) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(buffered, "png", file.toFile());
    }
}
