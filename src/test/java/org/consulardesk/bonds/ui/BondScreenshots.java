package org.consulardesk.bonds.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.CostKind;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.service.BondFixtures;
import org.consulardesk.bonds.service.BondService;
import org.consulardesk.bonds.service.EvacuationCostService;
import org.consulardesk.bonds.service.LedgerService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the evacuation cost screen with a preview to a PNG under Monocle, for docs/screenshots.
 * Runs only with {@code -Dconsulardesk.screenshots=DIR}.
 */
class BondScreenshots extends FxRobot {
    @TempDir
    Path tmp;

    @Test
    void renderEvacuationCostPreview() throws Exception {
        String out = System.getProperty("consulardesk.screenshots");
        Assumptions.assumeTrue(out != null);
        FxToolkit.registerPrimaryStage();
        try (BondFixtures f = new BondFixtures(tmp)) {
            f.threshold("1000", "USD");
            f.threshold("100000", "EUR");
            long savanna = f.employer("Savanna Builders Ltd").id();
            long rift = f.employer("Rift Valley Farms").id();
            long nomad = f.employer("Nomad Cleaning Services").id();
            long amara = f.worker(savanna, "Okonkwo", "Amara");
            long bao = f.worker(savanna, "Tranh", "Bao");
            long chen = f.worker(rift, "Chenwick", "Wei");
            long dina = f.worker(nomad, "Haddad", "Dina");
            BondService bonds = new BondService(f.officer);
            LedgerService ledger = new LedgerService(f.officer);
            Bond pooled = f.bond(savanna, "900", "USD", true);
            ledger.post(pooled.id(), EntryRequest.of(EntryKind.DEPOSIT, "900", "USD", "deposit"));
            bonds.activate(pooled.id(), bonds.get(pooled.id()).version());
            bonds.addWorker(pooled.id(), new CoveredWorker(amara, null, null, null, null, null, null));
            bonds.addWorker(pooled.id(), new CoveredWorker(bao, null, null, null, null, null, null));
            Bond eur = f.bond(rift, "2000", "EUR", false);
            ledger.post(eur.id(), EntryRequest.of(EntryKind.DEPOSIT, "2000", "EUR", "deposit"));
            bonds.activate(eur.id(), bonds.get(eur.id()).version());
            bonds.addWorker(eur.id(), new CoveredWorker(chen, null, null, null, null, null, null));
            EvacuationCostService costs = new EvacuationCostService(f.officer);
            costs.record(CostKind.FLIGHT, "Charter flight Nairobi\u2013Utopia City", LocalDate.of(2026, 11, 12),
                    Money.of("2400", "USD"), List.of(amara, bao, chen, dina), "OP-2026-07");
            var bus = costs.record(CostKind.BUS, "Bus Mombasa to Nairobi, 18 November", LocalDate.of(2026, 11, 18),
                    Money.of("1600", "USD"), List.of(amara, bao, chen, dina), null);

            EvacuationCostsView view = EvacuationCostsView.of(f.officer, BondsMainPathTest.SYNC, new ScriptedDialogs());
            FxScreens.show(view, 1200, 780);
            interact(() -> view.root().getScene().getStylesheets().add(Styles.STYLESHEET));
            interact(() -> {
                var table = (javafx.scene.control.TableView<?>) lookup("#costs-table").query();
                table.getItems().stream().filter(c -> ((org.consulardesk.bonds.model.EvacuationCost) c).id() == bus.id())
                        .findFirst().ifPresent(c -> ((javafx.scene.control.TableView<Object>) (Object) table)
                                .getSelectionModel().select(c));
                lookup("#costs-rates").queryAs(TextField.class).setText("EUR=0.92");
                lookup("#costs-preview").queryAs(Button.class).fire();
            });
            WaitForAsyncUtils.waitForFxEvents();
            save(view.root().getScene().getRoot(), Path.of(out).resolve("bond-evacuation-cost.png"));
        }
        FxToolkit.cleanupStages();
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
