package org.consulardesk.exchange.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.model.ConsolidatedTotal;
import org.consulardesk.exchange.model.CrisisTotal;
import org.consulardesk.exchange.model.ImportReport;
import org.consulardesk.exchange.model.ImportStatus;
import org.consulardesk.exchange.model.ImportedRows;
import org.consulardesk.exchange.model.PostImport;
import org.consulardesk.exercise.service.SampleData;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotType;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.Severity;
import org.consulardesk.map.service.HotspotService;
import org.consulardesk.registry.model.GeoPoint;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.NationalityEvidence;
import org.consulardesk.registry.model.PresenceStatus;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.security.service.RegistryCreator;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryKind;
import org.consulardesk.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Totals per crisis and per presence status (ADR 0054): a post with hotspots exports, HQ imports,
 * and the consolidation's figures match what is counted independently from the post's full export
 * (its rows' coordinates and dates); older and newer schema versions.
 */
class CrisisConsolidationTest {
    static final char[] PASSWORD = "utopia exchange 2026".toCharArray();
    /** Rectangles, so "inside" can be checked on the exported coordinates without any geometry library. */
    static final double[] NAIROBI = {-1.40, 36.70, -1.17, 36.94};
    static final double[] MOMBASA = {-4.20, 39.50, -3.90, 39.80};

    @TempDir
    Path tmp;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T08:00:00Z"));
    Session post;
    Session hq;

    @BeforeEach
    void setUp() {
        post = create(tmp.resolve("nairobi"), clock).session();
        SampleData.generate(post, 60, 7, ProgressSink.NONE);
        RegistrationService registrations = new RegistrationService(post);
        registrations.save(person("Arriving", LocalDate.of(2026, 12, 15), null));
        registrations.save(person("Leaving", LocalDate.of(2026, 1, 10), LocalDate.of(2026, 11, 1)));
        registrations.save(person("Staying", LocalDate.of(2025, 3, 1), null));
        registrations.save(person("Coastal", LocalDate.of(2024, 6, 1), null, new GeoPoint(-4.05, 39.66, 50, LocationSource.GPS)));
        HotspotService hotspots = new HotspotService(post);
        hotspots.save(hotspot("Nairobi flooding", HotspotType.NATURAL_HAZARD, Severity.SEVERE, NAIROBI, LocalDate.of(2026, 11, 1), null));
        hotspots.save(hotspot("Coast cyclone", HotspotType.NATURAL_HAZARD, Severity.EXTREME, MOMBASA, null, LocalDate.of(2026, 12, 31)));
        hotspots.save(hotspot("Old unrest", HotspotType.UNREST, Severity.WARNING, NAIROBI, null, LocalDate.of(2026, 10, 31)));
        hq = creator().create(new RegistryCreator.Request(tmp.resolve("hq"), RegistryKind.HQ, "Ministry of Utopia, consular HQ",
                "UT", "a.marchetti", "Alma Marchetti", OTHER_PASSPHRASE.toCharArray())).session();
    }

    @AfterEach
    void tearDown() {
        post.close();
        hq.close();
    }

    static Registration person(String family, LocalDate arrival, LocalDate departure) {
        return person(family, arrival, departure, new GeoPoint(-1.2700, 36.8000, 50, LocationSource.MAP_PICK));
    }

    static Registration person(String family, LocalDate arrival, LocalDate departure, GeoPoint point) {
        return new Registration(0, 0, family, "Tamsin", null, null, List.of(), 'F', "1988", null, NationalityEvidence.NONE,
                List.of(), null, PurposeOfStay.TOURIST, new Whereabouts(null, null, null, point.latitude() < -3 ? "Mombasa" : "Nairobi", "KE",
                point, null, arrival, departure),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    static Hotspot hotspot(String name, HotspotType type, Severity severity, double[] box, LocalDate from, LocalDate to) {
        Area area = Area.polygon(List.of(new LatLon(box[0], box[1]), new LatLon(box[0], box[3]), new LatLon(box[2], box[3]),
                new LatLon(box[2], box[1])));
        return new Hotspot(0, name, type, severity, from, to, "Utopia duty officer", null, area, 0);
    }

    Path export(ExportService service, String profile, String name) {
        Path out = tmp.resolve("mail/" + name);
        service.export(profile, Map.of(), false, profile.equals(RegistryFullProfile.NAME) ? PASSWORD.clone() : null, out,
                ProgressSink.NONE);
        return out;
    }

    ImportReport importFile(Path file) {
        ImportService imports = new ImportService(hq);
        ImportReport first = imports.importFiles(List.of(file), PASSWORD.clone(), ProgressSink.NONE).get(0);
        if (first.status() != ImportStatus.UNKNOWN_KEY) {
            return first;
        }
        new PostKeyService(hq).register(first.info().registryId(), first.info().post(), first.info().country(),
                first.info().publicKey());
        return imports.importFiles(List.of(file), PASSWORD.clone(), ProgressSink.NONE).get(0);
    }

    /** What the post's full export says, counted here by hand: persons per status inside a rectangle (null: all). */
    static Map<String, Long> expected(ImportedRows rows, double[] box, LocalDate day) {
        List<String> headers = rows.columns().stream().map(c -> c.header()).toList();
        int lat = headers.indexOf("Latitude");
        int lon = headers.indexOf("Longitude");
        int arrival = headers.indexOf("Arrival");
        int departure = headers.indexOf("Planned departure");
        Map<String, Long> out = new HashMap<>();
        for (String[] r : rows.rows()) {
            if (box != null) {
                if (r[lat].isEmpty()) {
                    continue;
                }
                double la = Double.parseDouble(r[lat]);
                double lo = Double.parseDouble(r[lon]);
                if (la < box[0] || la > box[2] || lo < box[1] || lo > box[3]) {
                    continue;
                }
            }
            String status = PresenceStatus.of(r[arrival].isEmpty() ? null : LocalDate.parse(r[arrival]),
                    r[departure].isEmpty() ? null : LocalDate.parse(r[departure]), day).name();
            out.merge(status, 1L, Long::sum);
            out.merge("TOTAL", 1L, Long::sum);
        }
        return out;
    }

    static Map<String, Long> asMap(List<ConsolidatedTotal> totals) {
        Map<String, Long> out = new HashMap<>();
        totals.stream().filter(t -> t.persons() > 0).forEach(t -> out.put(t.value(), t.persons()));
        return out;
    }

    @Test
    void aggregateAndFullExportsGiveTheSameCrisisAndStatusTotalsAsCountedFromTheRows() {
        ExportService exports = new ExportService(post);
        assertThat(importFile(export(exports, RegistryAggregateProfile.NAME, "nairobi-totals.xlsx")).status())
                .isEqualTo(ImportStatus.IMPORTED);
        ConsolidationService consolidation = new ConsolidationService(hq);
        List<CrisisTotal> fromAggregate = consolidation.crises();
        Map<String, Long> statusFromAggregate = asMap(consolidation.totals("STATUS"));
        Map<String, Map<String, Long>> crisisStatusFromAggregate = Map.of(
                "Nairobi flooding", asMap(consolidation.crisisTotals("Nairobi flooding", "STATUS")),
                "Coast cyclone", asMap(consolidation.crisisTotals("Coast cyclone", "STATUS")));
        assertThat(consolidation.withoutCrisisFigures()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(importFile(export(exports, RegistryFullProfile.NAME, "nairobi-full.xlsx")).status())
                .isEqualTo(ImportStatus.IMPORTED);
        PostImport full = consolidation.currentPerPost().get(0);
        assertThat(full.profile()).isEqualTo(RegistryFullProfile.NAME);
        assertThat(full.schemaVersion()).isEqualTo(2);
        ImportedRows rows = consolidation.rows(full.id(), 0, 0, 1000);
        assertThat(rows.rows()).hasSize(64);
        LocalDate day = LocalDate.of(2026, 11, 20);
        Map<String, Long> everybody = expected(rows, null, day);
        Map<String, Long> nairobi = expected(rows, NAIROBI, day);
        Map<String, Long> coast = expected(rows, MOMBASA, day);
        everybody.remove("TOTAL");
        long nairobiTotal = nairobi.remove("TOTAL");
        long coastTotal = coast.remove("TOTAL");
        assertThat(nairobiTotal).as("our three, and sample persons around Nairobi").isGreaterThanOrEqualTo(3);
        assertThat(coastTotal).isPositive();
        assertThat(nairobi).containsEntry("EXPECTED", 1L).containsKey("DEPARTURE_DATE_PASSED").containsKey("PRESENT");

        // Status over the whole registry: SQL at the post (aggregate) = the rule over the full export's rows.
        assertThat(statusFromAggregate).isEqualTo(everybody);
        assertThat(asMap(consolidation.totals("STATUS"))).isEqualTo(everybody);

        // Crises: the active hotspots only, with the persons inside them, from either export.
        for (List<CrisisTotal> crises : List.of(fromAggregate, consolidation.crises())) {
            assertThat(crises).extracting(CrisisTotal::crisis).containsExactly("Nairobi flooding", "Coast cyclone");
            assertThat(crises.get(0).persons()).isEqualTo(nairobiTotal);
            assertThat(crises.get(0).severity()).isEqualTo("SEVERE");
            assertThat(crises.get(0).type()).isEqualTo("NATURAL_HAZARD");
            assertThat(crises.get(0).validFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(crises.get(0).posts()).isEqualTo(1);
            assertThat(crises.get(1).persons()).isEqualTo(coastTotal);
        }
        assertThat(crisisStatusFromAggregate).isEqualTo(Map.of("Nairobi flooding", nairobi, "Coast cyclone", coast));
        assertThat(asMap(consolidation.crisisTotals("Nairobi flooding", "STATUS"))).isEqualTo(nairobi);
        assertThat(consolidation.crisisTotals("Nairobi flooding", "POST"))
                .containsExactly(new ConsolidatedTotal("POST", POST_NAME, nairobiTotal));
        long vulnerable = consolidation.crisisTotals("Nairobi flooding", "VULNERABILITY").stream()
                .mapToLong(ConsolidatedTotal::persons).max().orElse(0);
        assertThat(vulnerable).isLessThanOrEqualTo(nairobiTotal);

        // The re-export carries the crisis drill-down and the status totals.
        Path out = tmp.resolve("consolidated.xlsx");
        new ExportService(hq).export(ConsolidationProfile.NAME, Map.of(), true, null, out, ProgressSink.NONE);
        List<String[]> crisisRows = new ArrayList<>();
        List<String[]> totalRows = new ArrayList<>();
        byte[] own = new PostKeyService(hq).ownKey().publicKey();
        var report = WorkbookReader.verify(out, null, id -> own, (s, r, cells) -> {
            if (s.name().equals(CrisisSheet.SHEET)) {
                crisisRows.add(cells);
            } else if (s.name().equals("Totals")) {
                totalRows.add(cells);
            }
        }, ProgressSink.NONE);
        assertThat(report.trusted()).isTrue();
        assertThat(crisisRows).anySatisfy(r -> assertThat(r).containsExactly("Nairobi flooding", "NATURAL_HAZARD", "SEVERE",
                "2026-11-01", "", "POST", POST_NAME, Long.toString(nairobiTotal)));
        assertThat(crisisRows).anySatisfy(r -> assertThat(r).containsExactly("Coast cyclone", "NATURAL_HAZARD", "EXTREME",
                "", "2026-12-31", "TOTAL", "", Long.toString(coastTotal)));
        assertThat(totalRows).anySatisfy(r -> assertThat(r).containsExactly("CRISIS", "Nairobi flooding", Long.toString(nairobiTotal)));
        assertThat(totalRows).anySatisfy(r -> assertThat(r).containsExactly("STATUS", "EXPECTED", "1"));
    }

    @Test
    void filtersApplyToTheCrisisSheet() {
        Path out = tmp.resolve("mail/purpose.xlsx");
        new ExportService(post).export(RegistryAggregateProfile.NAME, Map.of("purpose", "tourist", "city", "Nairobi"), false,
                null, out, ProgressSink.NONE);
        importFile(out);
        ConsolidationService consolidation = new ConsolidationService(hq);
        long touristsInNairobi = consolidation.totals("PURPOSE").stream().mapToLong(ConsolidatedTotal::persons).sum();
        CrisisTotal nairobi = consolidation.crises().get(0);
        assertThat(nairobi.crisis()).isEqualTo("Nairobi flooding");
        assertThat(nairobi.persons()).isBetween(3L, touristsInNairobi);
        assertThat(consolidation.crises()).filteredOn(c -> c.crisis().equals("Coast cyclone"))
                .singleElement().satisfies(c -> assertThat(c.persons()).isZero());
    }

    @Test
    void olderSchemaImportsWithoutCrisisFiguresAndNewerIsRefusedClearly() {
        ExportService older = new ExportService(post, new WorkbookWriter(1_000_000, 1));
        ImportReport report = importFile(export(older, RegistryAggregateProfile.NAME, "older.xlsx"));
        assertThat(report.status()).isEqualTo(ImportStatus.IMPORTED);
        ConsolidationService consolidation = new ConsolidationService(hq);
        assertThat(consolidation.withoutCrisisFigures()).extracting(PostImport::post).containsExactly(POST_NAME);

        clock.advance(Duration.ofMinutes(5));
        ExportService newer = new ExportService(post, new WorkbookWriter(1_000_000, 3));
        ImportReport refused = importFile(export(newer, RegistryAggregateProfile.NAME, "newer.xlsx"));
        assertThat(refused.status()).isEqualTo(ImportStatus.REFUSED);
        assertThat(refused.issues().get(0).message()).contains("schema version 3 is not supported").contains("reads up to 2");
        assertThat(refused.issues().get(0).sheet()).isEqualTo("About");

        clock.advance(Duration.ofMinutes(5));
        assertThat(importFile(export(new ExportService(post), RegistryAggregateProfile.NAME, "current.xlsx")).status())
                .isEqualTo(ImportStatus.IMPORTED);
        assertThat(consolidation.withoutCrisisFigures()).isEmpty();
    }
}
