package org.consulardesk.exchange.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.consulardesk.exchange.model.ConsolidatedTotal;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotType;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.Severity;
import org.consulardesk.map.service.HotspotService;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.model.ImportStatus;
import org.consulardesk.exchange.service.CliZipEdit;
import org.consulardesk.exchange.service.ConsolidationService;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.exchange.service.ImportService;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.exchange.service.RegistryAggregateProfile;
import org.consulardesk.exercise.service.SampleData;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryKind;
import org.consulardesk.testsupport.MutableClock;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.consulardesk.testsupport.FxScreens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The HQ screen headless: import with an unknown key, register it, a tampered file's report, consolidation. */
class HqExchangeViewTest extends FxRobot {
    @TempDir
    Path dir;
    Session post;
    Session hq;
    HqExchangeView view;
    Path good;
    Path tampered;
    MutableClock clock;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));
        post = create(dir.resolve("post"), clock).session();
        SampleData.generate(post, 25, 2, ProgressSink.NONE);
        good = dir.resolve("nairobi-totals.xlsx");
        new ExportService(post).export(RegistryAggregateProfile.NAME, Map.of(), false, null, good, ProgressSink.NONE);
        clock.advance(Duration.ofHours(2));
        tampered = dir.resolve("nairobi-edited.xlsx");
        new ExportService(post).export(RegistryAggregateProfile.NAME, Map.of(), false, null, tampered, ProgressSink.NONE);
        CliZipEdit.edit(tampered, "xl/worksheets/sheet2.xml", xml -> xml.replaceFirst("<v>25", "<v>52"));
        hq = creator().create(new RegistryCreator.Request(dir.resolve("hq"), RegistryKind.HQ, "Utopia consular HQ", "UT",
                "a.marchetti", "Alma Marchetti", OTHER_PASSPHRASE.toCharArray())).session();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        view = new HqExchangeView(new ImportService(hq), new ConsolidationService(hq), new PostKeyService(hq),
                new ExportService(hq), true, true, new SyncTasks(), dialogs);
        FxScreens.show(view, 1200, 800);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        post.close();
        hq.close();
    }

    @SuppressWarnings("unchecked")
    TableView<HqExchangeView.ReportLine> report() {
        return lookup("#exchange-hq-report").queryAs(TableView.class);
    }

    @Test
    void importsRegistersTheKeyReportsTamperingAndConsolidates() {
        interact(() -> view.addFiles(List.of(good)));
        clickOn("#exchange-hq-import");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(report().getItems()).singleElement()
                .satisfies(l -> assertThat(l.report().status()).isEqualTo(ImportStatus.UNKNOWN_KEY));
        interact(() -> report().getSelectionModel().select(0));
        clickOn("#exchange-hq-register-key");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(report().getItems()).singleElement()
                .satisfies(l -> assertThat(l.report().status()).isEqualTo(ImportStatus.IMPORTED));

        interact(() -> view.addFiles(List.of(tampered)));
        clickOn("#exchange-hq-import");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(report().getItems()).anySatisfy(l -> {
            assertThat(l.report().file()).isEqualTo("nairobi-edited.xlsx");
            assertThat(l.report().status()).isEqualTo(ImportStatus.REFUSED);
            assertThat(l.where()).isEqualTo("sheet Totals");
            assertThat(l.problem()).contains("changed after signing");
        });

        interact(view::showConsolidation);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> totals = lookup("#exchange-hq-totals").queryAs(TableView.class);
        assertThat(totals.getItems()).hasSize(1);
        TableView<?> posts = lookup("#exchange-hq-posts").queryAs(TableView.class);
        assertThat(posts.getItems()).hasSize(1);
        interact(() -> posts.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> drill = lookup("#exchange-hq-drill").queryAs(TableView.class);
        assertThat(drill.getColumns()).hasSize(3);
        assertThat(drill.getItems()).hasSizeGreaterThan(2);

        // Pages of the import's rows, read one page at a time.
        List<?> firstRows = List.copyOf(drill.getItems());
        interact(() -> view.drillPageSize(2));
        interact(() -> posts.getSelectionModel().clearSelection());
        interact(() -> posts.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drill.getItems()).hasSize(2);
        assertThat(lookup("#exchange-hq-drill-previous").queryButton().isDisabled()).isTrue();
        clickOn("#exchange-hq-drill-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drill.getItems()).isNotEmpty();
        assertThat(((String[]) drill.getItems().get(0))[0]).isEqualTo(((String[]) firstRows.get(2))[0]);
        assertThat(lookup("#exchange-hq-drill-title").queryLabeled().getText()).contains("rows 3–");
        assertThat(lookup("#exchange-hq-drill-previous").queryButton().isDisabled()).isFalse();
        clickOn("#exchange-hq-drill-previous");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#exchange-hq-drill-title").queryLabeled().getText()).contains("rows 1–2 of");
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsTotalsPerCrisisAndStatusWithDrillDown() {
        HotspotService hotspots = new HotspotService(post);
        hotspots.save(new Hotspot(0, "Nairobi flooding", HotspotType.NATURAL_HAZARD, Severity.SEVERE, null, null, null, null,
                Area.circle(new LatLon(-1.2864, 36.8172), 60_000), 0));
        clock.advance(Duration.ofHours(3));
        Path crisis = dir.resolve("nairobi-crisis.xlsx");
        new ExportService(post).export(RegistryAggregateProfile.NAME, Map.of(), false, null, crisis, ProgressSink.NONE);
        ImportService imports = new ImportService(hq);
        var unknown = imports.importFiles(List.of(crisis), null, ProgressSink.NONE).get(0);
        new PostKeyService(hq).register(unknown.info().registryId(), unknown.info().post(), unknown.info().country(),
                unknown.info().publicKey());
        assertThat(imports.importFiles(List.of(crisis), null, ProgressSink.NONE).get(0).status()).isEqualTo(ImportStatus.IMPORTED);
        long inside = new ConsolidationService(hq).crises().get(0).persons();
        assertThat(inside).isPositive();

        interact(view::showConsolidation);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> dimension = lookup("#exchange-hq-dimension").queryAs(ComboBox.class);
        interact(() -> dimension.getSelectionModel().select("CRISIS"));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ConsolidatedTotal> totals = lookup("#exchange-hq-totals").queryAs(TableView.class);
        assertThat(totals.getItems()).singleElement().satisfies(t -> {
            assertThat(t.value()).isEqualTo("Nairobi flooding");
            assertThat(t.persons()).isEqualTo(inside);
        });
        assertThat(cellText(totals, 0, 0)).isEqualTo("Nairobi flooding (Severe)");
        assertThat(lookup("#exchange-hq-crisis-box").query().isVisible()).isFalse();
        interact(() -> totals.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ConsolidatedTotal> crisisDrill = lookup("#exchange-hq-crisis-drill").queryAs(TableView.class);
        assertThat(lookup("#exchange-hq-crisis-box").query().isVisible()).isTrue();
        assertThat(crisisDrill.getItems()).first().isEqualTo(new ConsolidatedTotal("POST", POST_NAME, inside));
        assertThat(crisisDrill.getItems().stream().filter(t -> t.dimension().equals("STATUS"))
                .mapToLong(ConsolidatedTotal::persons).sum()).isEqualTo(inside);
        assertThat(lookup("#exchange-hq-crisis-title").queryLabeled().getText())
                .isEqualTo("Nairobi flooding: Natural hazard, Severe; reported by 1 post(s); valid until further notice");
        assertThat(lookup("#exchange-hq-crisis-note").queryLabeled().getText()).isEmpty();

        interact(() -> dimension.getSelectionModel().select("STATUS"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(totals.getItems()).extracting(ConsolidatedTotal::dimension).containsOnly("STATUS");
        assertThat(totals.getItems().stream().mapToLong(ConsolidatedTotal::persons).sum()).isEqualTo(25);
        assertThat(totals.getItems()).extracting(t -> cellText(totals, totals.getItems().indexOf(t), 0)).contains("Present");
        assertThat(lookup("#exchange-hq-crisis-box").query().isVisible()).isFalse();

        // A post's drill-down offers its sheets: the Crises sheet's rows.
        TableView<?> posts = lookup("#exchange-hq-posts").queryAs(TableView.class);
        interact(() -> posts.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> sheet = lookup("#exchange-hq-drill-sheet").queryAs(ComboBox.class);
        assertThat(sheet.isVisible()).isTrue();
        assertThat(sheet.getItems()).containsExactly("Totals", "Crises");
        interact(() -> sheet.getSelectionModel().select("Crises"));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> drill = lookup("#exchange-hq-drill").queryAs(TableView.class);
        assertThat(drill.getColumns()).hasSize(8);
        assertThat(((String[]) drill.getItems().get(0))[0]).isEqualTo("Nairobi flooding");
        assertThat(lookup("#exchange-hq-drill-title").queryLabeled().getText()).contains("sheet Crises");
    }

    private static String cellText(TableView<?> table, int row, int column) {
        Object value = table.getColumns().get(column).getCellObservableValue(row).getValue();
        return String.valueOf(value);
    }
}
