package org.consulardesk.etd.ui;

import static org.consulardesk.testsupport.TestRegistries.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.EtdReason;
import org.consulardesk.etd.model.EtdState;
import org.consulardesk.etd.model.Evidence;
import org.consulardesk.etd.model.Sex;
import org.consulardesk.etd.service.EtdService;
import org.consulardesk.etd.service.EtdServiceTestSupport;
import org.consulardesk.etd.service.PhotoCrop;
import org.consulardesk.etd.service.Printing;
import org.consulardesk.etd.service.StockService;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.testsupport.FxScreens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the ETD register (with its date range) to PNG under Monocle and writes the letters and the
 * stock report as PDFs, for docs/screenshots (the PDFs are turned into PNGs with pdftoppm). Runs only
 * with {@code -Dconsulardesk.screenshots=DIR}. Synthetic Utopia names only.
 */
class EtdScreenshots extends FxRobot {
    static final String OFFICER = "m.quillane";
    static final String SECOND = "d.farrowby";
    static final String[][] HOLDERS = {{"Kestrelle", "Ona Mirabel"}, {"Østergård", "Jens Ærling"}, {"Marrowick", "Tamsin"},
            {"Belvaro", "Ilsa Marenka"}, {"Thornquist", "Aldo"}, {"Quillon-Dray", "Fenna"}, {"Askivel", "Orrin Tade"}};

    @TempDir
    Path dir;

    @Test
    void render() throws Exception {
        String out = System.getProperty("consulardesk.screenshots");
        Assumptions.assumeTrue(out != null);
        Path target = Path.of(out);
        Path registry = dir.resolve("registry");
        Path state = dir.resolve("state");
        try (Session head = create(registry).session()) {
            UserService users = new UserService(head, state, FAST);
            users.add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            users.add(SECOND, "Dorin Farrowby", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            new StockService(head).receive("E", 1, 200, 7, "Pouch 2026/14");
        }
        EtdDocument[] docs = new EtdDocument[HOLDERS.length];
        EtdApplication rejected;
        try (Session officer = login(registry, state, OFFICER, OTHER_PASSPHRASE);
             Session second = login(registry, state, SECOND, OTHER_PASSPHRASE)) {
            EtdService a = new EtdService(officer);
            EtdService b = new EtdService(second);
            for (int i = 0; i < HOLDERS.length; i++) {
                EtdApplication x = a.apply(application(a, HOLDERS[i][0], HOLDERS[i][1], 1970 + 4 * i));
                a.setPhoto(x.id(), EtdServiceTestSupport.portrait(), PhotoCrop.initial(600, 800));
                b.approve(x.id(), x.version());
                docs[i] = b.issue(x.id());
            }
            b.changeState(docs[0].id(), EtdState.COLLECTED, null);
            b.changeState(docs[0].id(), EtdState.USED, "Port Amber crossing", LocalDate.now());
            b.changeState(docs[1].id(), EtdState.LOST_STOLEN, "Reported stolen, police report 2026/881");
            b.changeState(docs[2].id(), EtdState.COLLECTED, null);
            b.changeState(docs[4].id(), EtdState.CANCELLED, "New passport issued by HQ");
            EtdApplication r = a.apply(application(a, "Varnholt", "Edda", 1992));
            rejected = b.reject(r.id(), r.version(), "The documents shown were altered and the witness did not know the applicant.");
            Printing.save(b.handoverLetter(docs[3].id()), target.resolve("etd-letter.pdf"));
            Printing.save(b.rejectionLetter(rejected.id()), target.resolve("etd-rejection.pdf"));
        }
        try (Session head = loginHead(registry, state)) {
            StockService stock = new StockService(head);
            Printing.save(stock.reportPdf(stock.report(193)), target.resolve("etd-stock-report.pdf"));
        }

        FxToolkit.registerPrimaryStage();
        try (Session s = login(registry, state, SECOND, OTHER_PASSPHRASE)) {
            EtdView view = new EtdView(new EtdService(s), new StockService(s), EtdViewTest.SYNC, new org.consulardesk.testsupport.ScriptedDialogs(),
                    s.can(Permission.APPROVE_ETD), s.can(Permission.MANAGE_ETD_STOCK));
            view.setOnExport(p -> { });
            FxScreens.show(view, 1200, 780);
            interact(() -> view.root().getScene().getStylesheets().add(
                    getClass().getResource(org.consulardesk.core.ui.Styles.STYLESHEET).toExternalForm()));
            interact(() -> {
                lookup("#etd-issued-from").queryAs(DatePicker.class).setValue(LocalDate.now().minusDays(7));
                lookup("#etd-issued-to").queryAs(DatePicker.class).setValue(LocalDate.now());
            });
            WaitForAsyncUtils.waitForFxEvents();
            TableView<?> register = lookup("#etd-register-table").queryAs(TableView.class);
            interact(() -> register.getSelectionModel().select(4)); // Marrowick, collected: may become used
            interact(() -> lookup("#etd-next-state").queryAs(javafx.scene.control.ChoiceBox.class).setValue(EtdState.USED));
            WaitForAsyncUtils.waitForFxEvents();
            save(view.root(), target.resolve("etd-register.png"));
        } finally {
            FxToolkit.cleanupStages();
        }
    }

    static EtdApplication application(EtdService etd, String family, String given, int year) {
        EtdApplication d = EtdApplication.draft(etd.settings());
        return new EtdApplication(0, 0, null, family, given, year + "-0" + (1 + year % 9) + "-1" + (year % 10), year % 2 == 0 ? Sex.F : Sex.M,
                "Port Amber", "UTO", EtdReason.CONFISCATED, null, null, "Return home", "Nairobi – Addis Ababa – Port Amber (air)",
                30, null, null, true, "Crisis: fees waived", java.util.Set.of(Evidence.INTERVIEW, Evidence.REGISTRY_MATCH),
                "Known to the post; registry photo matches.", d.status(), null, null, null, null, null);
    }

    private static void save(Node node, Path file) throws Exception {
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
