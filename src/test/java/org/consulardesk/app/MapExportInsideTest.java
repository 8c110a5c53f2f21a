package org.consulardesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.FxWait.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.consulardesk.exchange.service.ExportProfile;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.exchange.service.RegistryFullProfile;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotType;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.Severity;
import org.consulardesk.map.service.HotspotService;
import org.consulardesk.registry.model.Consent;
import org.consulardesk.registry.model.ConsentChannel;
import org.consulardesk.registry.model.ConsentPurpose;
import org.consulardesk.registry.model.GeoPoint;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.SensitiveDetails;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * In the whole application (ADR 0073): a hotspot selected on the map, "Who is inside", then "Export
 * people inside…" opens the export screen on the full registry export restricted to that hotspot; the
 * officer gives the password and the file as usual, and the workbook holds exactly the people inside.
 */
class MapExportInsideTest extends FxRobot {
    private static final String PASSWORD = "utopia exchange 2026";

    @TempDir
    Path temp;
    private ConsularDeskApp app;
    private final List<Long> inside = new ArrayList<>();
    private long outside;
    private long consenting;
    private long refusing;

    @BeforeEach
    void start() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        AppConfig config = new AppConfig(SignIn.FAST, temp.resolve("data"), temp.resolve("state"));
        app = (ConsularDeskApp) FxToolkit.setupApplication(() -> new ConsularDeskApp(config));
        assertThat(stage).isNotNull();
    }

    @AfterEach
    void stop() throws Exception {
        if (app.shell() != null) {
            app.shell().session().close();
        }
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private static Registration at(String family, double lat, double lon, List<Consent> consents) {
        Registration b = Registration.blank();
        Whereabouts w = new Whereabouts(null, null, null, "Accra", "GH", new GeoPoint(lat, lon, 50, LocationSource.GPS), null,
                null, null);
        return new Registration(0, 0, family, "Efua", null, null, List.of(), 'F', "1988-05-06", null, b.nationalityEvidence(),
                List.of(), null, b.purpose(), w, List.of(), List.of(), List.of(), List.of(), List.of(), consents, null);
    }

    private Path registryWithAHotspot() {
        Path dir = SignIn.createRegistry(temp);
        try (Session head = TestRegistries.login(dir, temp.resolve("state"), SignIn.USER, SignIn.PASSPHRASE)) {
            RegistrationService registrations = new RegistrationService(head);
            List<Consent> share = List.of(new Consent(0, ConsentPurpose.SHARE_WITH_PARTNER, "IOM",
                    LocalDate.now(ZoneOffset.UTC).minusDays(2), ConsentChannel.values()[0], SignIn.USER, null));
            consenting = registrations.save(at("Ashanteval", 5.560, -0.200, share)).id();
            refusing = registrations.save(at("Brombury", 5.561, -0.201, List.of())).id();
            inside.add(consenting);
            inside.add(refusing);
            inside.add(registrations.save(at("Corrowan", 5.558, -0.198, List.of())).id());
            registrations.saveSensitive(new SensitiveDetails(consenting, 0, "Work permit pending", null, null));
            registrations.saveSensitive(new SensitiveDetails(refusing, 0, "Overstayed visa", null, null));
            outside = registrations.save(at("Dunmarrow", 5.620, -0.150, List.of())).id();
            new HotspotService(head).save(new Hotspot(0, "Makola market fire", HotspotType.NATURAL_HAZARD, Severity.SEVERE, null,
                    null, null, null, Area.polygon(List.of(new LatLon(5.55, -0.21), new LatLon(5.55, -0.19),
                    new LatLon(5.57, -0.19), new LatLon(5.57, -0.21))), 0));
        }
        return dir;
    }

    @Test
    void exportPeopleInsideOpensTheExportOnTheHotspotAndWritesExactlyThem() throws Exception {
        Path dir = registryWithAHotspot();
        SignIn.asHead(this, app, dir);
        interact(() -> lookup("#nav-map").queryAs(ToggleButton.class).fire());
        waitFor(() -> lookup("#map-hotspots").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ListView<Hotspot> hotspots = lookup("#map-hotspots").queryAs(ListView.class);
        waitFor(() -> hotspots.getItems().size() == 1);
        interact(() -> hotspots.getSelectionModel().select(0));
        Button who = lookup("#map-inside").queryAs(Button.class);
        interact(who::fire);
        waitFor(() -> lookup("#map-inside-count").queryAs(Label.class).getText().startsWith("3 "));
        Button export = lookup("#map-inside-export").queryAs(Button.class);
        waitFor(() -> export.isVisible() && !export.isDisabled());
        // Keyboard first: the button's mnemonic, as an officer would press it.
        press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);

        waitFor(() -> lookup("#exchange-export-area").tryQuery().isPresent()
                && lookup("#exchange-export-area").queryAs(Label.class).isVisible());
        assertThat(lookup("#nav-exchangeExport").queryAs(ToggleButton.class).isSelected()).isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<ExportProfile> profile = lookup("#exchange-export-profile").queryAs(ComboBox.class);
        assertThat(profile.getValue().name()).isEqualTo(RegistryFullProfile.NAME);
        assertThat(lookup("#exchange-export-area").queryAs(Label.class).getText())
                .isEqualTo("Only the people inside hotspot \u201cMakola market fire\u201d; the map counted 3 there.");

        clickOn("#exchange-export-password").write(PASSWORD);
        clickOn("#exchange-export-confirm").write(PASSWORD);
        Path out = temp.resolve("out/makola.xlsx");
        Files.createDirectories(out.getParent());
        TextField target = lookup("#exchange-export-target").queryAs(TextField.class);
        assertThat(target.getText()).isEqualTo("registry-full-inside.xlsx");
        clickOn(target);
        press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        write(out.toString());
        clickOn("#exchange-export-run");
        waitFor(() -> !lookup("#exchange-export-status").queryAs(Label.class).getText().isEmpty()
                || !lookup("#exchange-export-error").queryAs(Label.class).getText().isEmpty());
        assertThat(lookup("#exchange-export-error").queryAs(Label.class).getText()).isEmpty();
        assertThat(lookup("#exchange-export-status").queryAs(Label.class).getText()).contains("encrypted");

        // Read back with POI: the Registrants sheet holds exactly the three inside.
        Map<Long, List<String>> rows = registrants(out);
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(inside).doesNotContain(outside);
        int status = RegistryFullProfile.COLUMNS.stream().map(c -> c.header()).toList().indexOf("Migration status");
        assertThat(rows.get(consenting).get(status)).isEqualTo("Work permit pending");
        assertThat(rows.get(refusing).size() > status ? rows.get(refusing).get(status) : "").isEmpty();
        assertThat(app.shell().session().audit().page(AuditFilter.ALL, 0, 20))
                .filteredOn(a -> a.action().equals(ExportService.AUDIT_EXPORTED))
                .singleElement().satisfies(a -> assertThat(a.detail()).contains("hotspot=").contains("(Makola market fire)")
                        .doesNotContain("Ashanteval").doesNotContain("Brombury"));

        // "Export everyone instead" takes the area away.
        clickOn("#exchange-export-clear-area");
        assertThat(lookup("#exchange-export-area").query().getParent().isVisible()).isFalse();
        assertThat(target.getText()).endsWith("registry-full.xlsx");
    }

    /** The Registrants sheet of an encrypted workbook, read with POI: registration number to cell texts. */
    static Map<Long, List<String>> registrants(Path file) throws Exception {
        Map<Long, List<String>> rows = new HashMap<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            Decryptor decryptor = Decryptor.getInstance(new EncryptionInfo(fs));
            assertThat(decryptor.verifyPassword(PASSWORD)).isTrue();
            try (XSSFWorkbook workbook = new XSSFWorkbook(decryptor.getDataStream(fs))) {
                Sheet sheet = workbook.getSheet(RegistryFullProfile.SHEET);
                DataFormatter format = new DataFormatter();
                assertThat(format.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("Registration");
                for (Row row : sheet) {
                    if (row.getRowNum() == 0) {
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < RegistryFullProfile.COLUMNS.size(); c++) {
                        cells.add(format.formatCellValue(row.getCell(c)));
                    }
                    rows.put(Long.parseLong(cells.get(0)), cells);
                }
            }
        }
        return rows;
    }
}
