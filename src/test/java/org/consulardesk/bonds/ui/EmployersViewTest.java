package org.consulardesk.bonds.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.service.BondFixtures;
import org.consulardesk.bonds.service.BondStatementProfile;
import org.consulardesk.bonds.service.EmployerService;
import org.consulardesk.bonds.service.LedgerService;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.model.VerifyReport;
import org.consulardesk.exchange.service.ExportProfile;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.exchange.service.WorkbookReader;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The employers screen, headless: add an employer, change its compliance notes, blacklist and lift it,
 * the statement as PDF, and as a signed workbook through the exchange's export window.
 */
class EmployersViewTest extends BondScreenRobot {
    @TempDir
    Path tmp;
    BondFixtures f;
    long savanna;

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        f = new BondFixtures(tmp);
        f.threshold("100000", "USD");
        savanna = f.employer("Savanna Builders Ltd").id();
        f.worker(savanna, "Okonkwo", "Amara");
        Bond b = f.bond(savanna, "2000", "USD", true);
        new LedgerService(f.officer).post(b.id(), EntryRequest.of(EntryKind.DEPOSIT, "2000", "USD", "cash deposit"));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        f.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void addEditBlacklistAndExportTheStatement() throws Exception {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        dialogs.fileToSave = name -> tmp.resolve(name);
        EmployersView view = EmployersView.of(f.officer, BondsMainPathTest.SYNC, dialogs);
        FxScreens.show(view, 1200, 780);
        TableView<Employer> table = lookup("#employers-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(Employer::legalName).containsExactly("Savanna Builders Ltd");
        assertThat(lookup("#employers-statement-xlsx").queryButton().isDisabled()).as("nothing selected").isTrue();

        press("#employers-new");
        write("#employers-name", "Rift Valley Farms");
        write("#employers-licence", "LIC-2026-40");
        write("#employers-country", "KE");
        press("#employers-save");
        assertThat(text("#employers-error")).isEmpty();
        assertThat(text("#employers-info")).contains("Rift Valley Farms");
        assertThat(table.getItems()).extracting(Employer::legalName).contains("Rift Valley Farms");

        Employer s = table.getItems().stream().filter(e -> e.id() == savanna).findFirst().orElseThrow();
        interact(() -> table.getSelectionModel().select(s));
        assertThat(lookup("#employers-heading").queryAs(Label.class).getText()).contains("Savanna Builders Ltd");
        assertThat(text("#employers-bonds")).contains("DEP-2000-USD");
        assertThat(lookup("#employers-workers").queryAs(TableView.class).getItems()).hasSize(1);
        interact(() -> lookup("#employers-notes").queryAs(javafx.scene.control.TextArea.class)
                .setText("Inspected 2026-10-02: contracts in order"));
        press("#employers-save");
        assertThat(new EmployerService(f.head).get(savanna).complianceNotes()).isEqualTo("Inspected 2026-10-02: contracts in order");

        write("#employers-blacklistReason", "Withheld passports of workers");
        press("#employers-blacklist");
        assertThat(text("#employers-blacklist-state")).contains("Withheld passports of workers");
        assertThat(new EmployerService(f.head).get(savanna).blacklisted()).isTrue();
        press("#employers-blacklist");
        assertThat(new EmployerService(f.head).get(savanna).blacklisted()).isFalse();
        assertThat(text("#employers-blacklist-state")).isEmpty();

        press("#employers-statement");
        assertThat(text("#employers-error")).isEmpty();
        assertThat(tmp.resolve("statement-" + savanna + ".pdf")).isNotEmptyFile();

        List<Window> before = new ArrayList<>(Window.getWindows());
        press("#employers-statement-xlsx");
        Stage window = (Stage) Window.getWindows().stream().filter(w -> !before.contains(w)).findFirst().orElseThrow();
        assertThat(window.getTitle()).contains("Employer statement").contains("employer " + savanna);
        assertThat(window.getWidth()).isLessThanOrEqualTo(1200);
        assertThat(window.getHeight()).isLessThanOrEqualTo(780);
        ComboBox<ExportProfile> profile = (ComboBox<ExportProfile>) window.getScene().lookup("#exchange-export-profile");
        assertThat(profile.getValue().name()).isEqualTo(BondStatementProfile.NAME);
        Path out = tmp.resolve("out/savanna-statement.xlsx");
        interact(() -> {
            ((TextField) window.getScene().lookup("#exchange-export-password")).setText("utopia statement 2026");
            ((TextField) window.getScene().lookup("#exchange-export-confirm")).setText("utopia statement 2026");
            ((TextField) window.getScene().lookup("#exchange-export-target")).setText(out.toString());
            ((Button) window.getScene().lookup("#exchange-export-run")).fire();
        });
        FxWaitFor.file(out);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Label) window.getScene().lookup("#exchange-export-error")).getText()).isEmpty();
        byte[] own = new PostKeyService(f.head).ownKey().publicKey();
        List<String> sheets = new ArrayList<>();
        VerifyReport report = WorkbookReader.verify(out, "utopia statement 2026".toCharArray(), id -> own,
                (sheet, row, cells) -> sheets.add(sheet.name() + ":" + cells[0]), ProgressSink.NONE);
        assertThat(report.trusted()).isTrue();
        assertThat(report.info().profile()).isEqualTo(BondStatementProfile.NAME);
        assertThat(report.info().filters()).contains("employer");
        assertThat(sheets).contains("Employer:" + savanna);
        assertThat(Files.exists(out)).isTrue();
    }

    /** The export runs on the view's own background tasks: wait for its file. */
    static final class FxWaitFor {
        static void file(Path path) throws Exception {
            org.consulardesk.testsupport.FxWait.waitFor(() -> Files.exists(path));
        }
    }
}
