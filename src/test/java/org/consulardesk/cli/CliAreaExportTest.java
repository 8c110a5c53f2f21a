package org.consulardesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.HEAD;
import static org.consulardesk.testsupport.TestRegistries.OTHER_PASSPHRASE;
import static org.consulardesk.testsupport.TestRegistries.PASSPHRASE;
import static org.consulardesk.testsupport.TestRegistries.create;
import static org.consulardesk.testsupport.TestRegistries.FAST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.model.VerifyReport;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.exchange.service.RegistryFullProfile;
import org.consulardesk.exchange.service.WorkbookReader;
import org.consulardesk.exercise.service.SampleData;
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
import org.consulardesk.registry.model.MergePlan;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.SensitiveDetails;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.MergeService;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export of the people inside an area (ADR 0073) against {@code geo inside} on a real encrypted
 * registry (synthetic Utopia data): the exported rows are exactly the persons {@code geo inside} gives
 * for the same hotspot or GeoJSON file and buffer; merged-away persons are absent; the restricted
 * columns follow consent to share as in the whole-registry export, row for row; the audit names the area.
 */
class CliAreaExportTest {
    private static final String PASSWORD = "utopia exchange 2026";
    /** A slanted quadrilateral over central Nairobi: cells wholly inside and cells across its outline. */
    private static final List<LatLon> RING = List.of(new LatLon(-1.310, 36.790), new LatLon(-1.305, 36.845),
            new LatLon(-1.268, 36.840), new LatLon(-1.272, 36.795));

    @TempDir
    static Path work;
    static Path registry;
    static Path state;
    static Path pass;
    static Path passwordFile;
    static Path areaFile;
    static long hotspotId;
    static long consenting;
    static long refusing;
    static long mergedAway;
    static long survivor;
    static long inBufferOnly;
    static String previousStateDir;

    @BeforeAll
    static void createRegistry() throws Exception {
        previousStateDir = System.getProperty("consulardesk.statedir");
        state = work.resolve("state");
        System.setProperty("consulardesk.statedir", state.toString());
        registry = work.resolve("r");
        pass = Files.writeString(work.resolve("head.pass"), PASSPHRASE + "\n");
        passwordFile = Files.writeString(work.resolve("pw"), PASSWORD + "\n");
        try (Session head = create(registry).session()) {
            SampleData.generate(head, 600, 7, ProgressSink.NONE);
            RegistrationService registrations = new RegistrationService(head);
            // Scattered over and around the area, some near its outline.
            java.util.Random random = new java.util.Random(5);
            for (int i = 0; i < 80; i++) {
                registrations.save(at("Scatter" + i, -1.325 + random.nextDouble() * 0.075, 36.775 + random.nextDouble() * 0.09,
                        List.of()));
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<Consent> share = List.of(new Consent(0, ConsentPurpose.SHARE_WITH_PARTNER, "IOM", today.minusDays(3),
                    ConsentChannel.values()[0], HEAD, null));
            consenting = registrations.save(at("Belvaro", -1.290, 36.815, share)).id();
            refusing = registrations.save(at("Quillane", -1.291, 36.816, List.of())).id();
            registrations.saveSensitive(new SensitiveDetails(consenting, 0, "Work permit pending", null, null));
            registrations.saveSensitive(new SensitiveDetails(refusing, 0, "Overstayed visa", null, null));
            survivor = registrations.save(at("Dravenholt", -1.295, 36.820, List.of())).id();
            mergedAway = registrations.save(at("Dravenholt", -1.296, 36.821, List.of())).id();
            Registration keep = registrations.get(survivor);
            new MergeService(head).merge(new MergePlan(mergedAway, registrations.get(mergedAway).version(), keep));
            // About 0.6 km east of the eastern edge: inside only with a buffer of 1 km.
            inBufferOnly = registrations.save(at("Marrowind", -1.287, 36.848, List.of())).id();
            hotspotId = new HotspotService(head).save(new Hotspot(0, "Central flood zone", HotspotType.NATURAL_HAZARD,
                    Severity.SEVERE, null, null, null, null, Area.polygon(RING), 0)).id();
            new UserService(head, state, FAST).add("r.hallowmere", "Rasmus Hallowmere", Role.HQ_REVIEWER,
                    OTHER_PASSPHRASE.toCharArray());
        }
        String ring = RING.stream().map(p -> "[" + p.lon() + "," + p.lat() + "]").collect(Collectors.joining(","));
        areaFile = Files.writeString(work.resolve("central.geojson"), "{\"type\": \"Feature\", \"properties\": {\"name\": \"Central\"},"
                + " \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[" + ring + ",[" + RING.get(0).lon() + "," + RING.get(0).lat()
                + "]]]}}");
    }

    @AfterAll
    static void restore() {
        if (previousStateDir == null) {
            System.clearProperty("consulardesk.statedir");
        } else {
            System.setProperty("consulardesk.statedir", previousStateDir);
        }
    }

    private static Registration at(String family, double lat, double lon, List<Consent> consents) {
        Registration b = Registration.blank();
        Whereabouts w = new Whereabouts(null, null, null, "Nairobi", "KE", new GeoPoint(lat, lon, 50, LocationSource.GPS), null,
                null, null);
        return new Registration(0, 0, family, "Ilsa", null, null, List.of(), 'F', "1990-02-03", null, b.nationalityEvidence(),
                List.of(), null, b.purpose(), w, List.of(), List.of(), List.of(), List.of(), List.of(), consents, null);
    }

    private static CliTest.Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--registry", registry.toString(), "--user", HEAD, "--passphrase-file", pass.toString()));
        return CliTest.run(all.toArray(String[]::new));
    }

    /** The ids {@code geo inside} prints. */
    private static Set<Long> geoInside(String... area) {
        List<String> args = new ArrayList<>(List.of("geo", "inside"));
        args.addAll(List.of(area));
        CliTest.Result r = cli(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        Set<Long> ids = lines.subList(1, lines.size()).stream().map(Long::parseLong).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ids).hasSize(Integer.parseInt(lines.get(0).split(" ")[0]));
        return ids;
    }

    /** Exports with the area options and reads the Registrants sheet back (POI, through the verifier): id to row. */
    private static Map<Long, String[]> export(String name, String... area) {
        Path out = work.resolve(name);
        List<String> args = new ArrayList<>(List.of("export", "--profile", RegistryFullProfile.NAME, "--out", out.toString(),
                "--password-file", passwordFile.toString()));
        args.addAll(List.of(area));
        CliTest.Result r = cli(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return read(out);
    }

    static Map<Long, String[]> read(Path file) {
        Map<Long, String[]> rows = new HashMap<>();
        try (Session head = TestRegistries.loginHead(registry, state)) {
            byte[] own = new PostKeyService(head).ownKey().publicKey();
            VerifyReport report = WorkbookReader.verify(file, PASSWORD.toCharArray(), id -> own, (sheet, n, cells) -> {
                if (sheet.name().startsWith(RegistryFullProfile.SHEET)) {
                    assertThat(rows.put(Long.parseLong(cells[0]), cells)).as("row %s once", cells[0]).isNull();
                }
            }, ProgressSink.NONE);
            assertThat(report.intact()).as(report.issues().toString()).isTrue();
            assertThat(report.trusted()).isTrue();
        }
        return rows;
    }

    private static int column(String header) {
        return RegistryFullProfile.COLUMNS.stream().map(c -> c.header()).toList().indexOf(header);
    }

    @Test
    void theRowsOfAHotspotExportAreExactlyWhoGeoInsideGives() {
        Set<Long> inside = geoInside("--hotspot", Long.toString(hotspotId), "--buffer-km", "1");
        Map<Long, String[]> rows = export("hotspot.xlsx", "--hotspot", Long.toString(hotspotId), "--buffer-km", "1");

        assertThat(new TreeSet<>(rows.keySet())).isEqualTo(inside);
        assertThat(inside).hasSizeGreaterThan(20).contains(consenting, refusing, survivor, inBufferOnly).doesNotContain(mergedAway);
        // Without the buffer the person 0.6 km outside is left out, by both.
        Set<Long> noBuffer = geoInside("--hotspot", Long.toString(hotspotId));
        assertThat(noBuffer).doesNotContain(inBufferOnly).hasSizeLessThan(inside.size());
        assertThat(export("hotspot-0.xlsx", "--hotspot", Long.toString(hotspotId)).keySet()).isEqualTo(noBuffer);

        // Consent to share and the restricted columns as in the whole-registry export, row for row.
        int status = column("Migration status");
        int share = column("Consent to share");
        assertThat(rows.get(consenting)[status]).isEqualTo("Work permit pending");
        assertThat(rows.get(refusing)[status]).isEmpty();
        assertThat(rows.get(refusing)[share]).isEqualToIgnoringCase("false");
        Map<Long, String[]> whole = export("whole.xlsx");
        assertThat(whole).containsKeys(inside.toArray(Long[]::new)).doesNotContainKey(mergedAway);
        assertThat(whole.size()).isGreaterThan(rows.size());
        rows.forEach((id, cells) -> assertThat(cells).as("row %d", id).containsExactly(whole.get(id)));

        // The audit names the hotspot and its buffer, and no person.
        try (Session head = TestRegistries.loginHead(registry, state)) {
            assertThat(head.audit().page(AuditFilter.ALL, 0, 50)).filteredOn(a -> a.action().equals(ExportService.AUDIT_EXPORTED))
                    .anySatisfy(a -> assertThat(a.detail()).contains("hotspot=" + hotspotId + " (Central flood zone)")
                            .contains("buffer-km=1").doesNotContain("Belvaro").doesNotContain("Quillane"));
        }
    }

    @Test
    void theRowsOfAGeoJsonExportAreExactlyWhoGeoInsideGives() throws Exception {
        Set<Long> inside = geoInside("--geojson", areaFile.toString(), "--buffer-km", "0.5");
        Map<Long, String[]> rows = export("area.xlsx", "--geojson", areaFile.toString(), "--buffer-km", "0.5");
        assertThat(new TreeSet<>(rows.keySet())).isEqualTo(inside);
        assertThat(inside).contains(consenting, refusing, survivor).doesNotContain(mergedAway);

        // The description sheet names the drawn area by shape and fingerprint, not by its coordinates.
        try (Session head = TestRegistries.loginHead(registry, state)) {
            byte[] own = new PostKeyService(head).ownKey().publicKey();
            VerifyReport report = WorkbookReader.verify(work.resolve("area.xlsx"), PASSWORD.toCharArray(), id -> own,
                    (sheet, n, cells) -> { }, ProgressSink.NONE);
            assertThat(report.info().filters()).contains("area=1 polygon(s) of 4 points around").contains("GeoJSON SHA-256")
                    .contains("buffer-km=0.5").doesNotContain("coordinates");
            assertThat(head.audit().page(AuditFilter.ALL, 0, 50)).filteredOn(a -> a.action().equals(ExportService.AUDIT_EXPORTED))
                    .anySatisfy(a -> assertThat(a.detail()).contains("GeoJSON SHA-256").doesNotContain("coordinates"));
        }
    }

    @Test
    void theAreaDoesNotWidenWhoMayExport() {
        Path pass2 = work.resolve("reviewer.pass");
        try {
            Files.writeString(pass2, OTHER_PASSPHRASE + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliTest.Result r = CliTest.run("export", "--profile", RegistryFullProfile.NAME, "--out", work.resolve("no.xlsx").toString(),
                "--password-file", passwordFile.toString(), "--hotspot", Long.toString(hotspotId), "--registry", registry.toString(),
                "--user", "r.hallowmere", "--passphrase-file", pass2.toString());
        assertThat(r.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(Files.exists(work.resolve("no.xlsx"))).isFalse();
        // The aggregate profile takes no area: refused, not silently exported for the whole registry.
        CliTest.Result aggregate = cli("export", "--profile", "registry-aggregate", "--out", work.resolve("agg.xlsx").toString(),
                "--hotspot", Long.toString(hotspotId));
        assertThat(aggregate.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(aggregate.err()).contains("hotspot");
        CliTest.Result unknown = cli("export", "--profile", RegistryFullProfile.NAME, "--out", work.resolve("u.xlsx").toString(),
                "--password-file", passwordFile.toString(), "--hotspot", "9999");
        assertThat(unknown.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(unknown.err()).contains("no hotspot 9999");
        CliTest.Result listed = cli("geo", "hotspots");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(Long.toString(hotspotId)).contains("Central flood zone").contains("NATURAL_HAZARD");
    }
}
