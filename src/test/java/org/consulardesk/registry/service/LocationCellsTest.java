package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.create;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consulardesk.registry.model.GeoGrid;
import org.consulardesk.registry.model.GeoPoint;
import org.consulardesk.registry.model.LocatedPoint;
import org.consulardesk.registry.model.LocationCell;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.store.LocationStore;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counts per grid cell that low-zoom clusters read (ADR 0045) stay equal to a recount from the
 * registrants through inserts, moves, removed points and bulk loads (real encrypted H2, synthetic data).
 */
class LocationCellsTest {
    @TempDir
    Path tmp;
    private Session head;
    private RegistrationService registrations;
    private LocationService locations;

    @BeforeEach
    void open() {
        head = create(tmp.resolve("registry")).session();
        registrations = new RegistrationService(head);
        locations = new LocationService(head);
    }

    @AfterEach
    void close() {
        head.close();
    }

    private static Registration person(String family, GeoPoint point) {
        Registration b = Registration.blank();
        Whereabouts w = new Whereabouts(null, null, null, "Utopia City", "KE", point, null, null, null);
        return new Registration(0, 0, family, "Ada", null, null, List.of(), 'F', "1980", null, b.nationalityEvidence(),
                List.of(), null, b.purpose(), w, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    private static GeoPoint at(double lat, double lon) {
        return new GeoPoint(lat, lon, 50, LocationSource.GPS);
    }

    private static Registration moved(Registration r, GeoPoint point) {
        Whereabouts w = r.whereabouts();
        return new Registration(r.id(), r.version(), r.familyName(), r.givenNames(), r.familyNameOriginal(),
                r.givenNamesOriginal(), r.aliases(), r.sex(), r.birthDate(), r.placeOfBirth(), r.nationalityEvidence(),
                r.languages(), r.notes(), r.purpose(), new Whereabouts(w.addressLine1(), w.addressLine2(), w.district(),
                w.city(), w.countryCode(), point, w.confirmedOn(), w.arrivalDate(), w.plannedDeparture()), r.contacts(),
                r.emergencyContacts(), r.documents(), r.employments(), r.vulnerabilities(), r.consents(), r.householdId());
    }

    /** Cells of every level as kept now, as rows "level/row/col" to count and mean point. */
    private Map<String, double[]> kept() {
        Map<String, double[]> out = new HashMap<>();
        for (int level = GeoGrid.COARSEST_LEVEL; level <= GeoGrid.FINE_LEVEL; level++) {
            double zoom = level - 2;
            for (LocationCell c : locations.clusters(-90, -180, 90, 180, zoom)) {
                out.put(level + "/" + c.row() + "/" + c.column(), new double[] {c.count(), c.latitude(), c.longitude()});
            }
        }
        return out;
    }

    private void assertKeptEqualsRecount() {
        Map<String, double[]> before = kept();
        head.database().write(tx -> {
            new LocationStore().rebuildCells(tx);
            return null;
        });
        Map<String, double[]> recount = kept();
        assertThat(before.keySet()).containsExactlyInAnyOrderElementsOf(recount.keySet());
        recount.forEach((k, v) -> {
            assertThat(before.get(k)[0]).as(k).isEqualTo(v[0]);
            assertThat(before.get(k)[1]).as(k).isCloseTo(v[1], org.assertj.core.data.Offset.offset(1e-9));
            assertThat(before.get(k)[2]).as(k).isCloseTo(v[2], org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void countsFollowInsertsMovesAndRemovedPoints() {
        long a = registrations.save(person("Alpha", at(-1.2921, 36.8219))).id();
        long b = registrations.save(person("Beta", at(-1.2925, 36.8222))).id();
        registrations.save(person("Gamma", at(-4.0435, 39.6682)));
        registrations.save(person("Delta", null));

        // Zoom 0 reads level 2 (cells of 90 degrees): all three located registrants in one cell.
        List<LocationCell> world = locations.clusters(-90, -180, 90, 180, 0);
        assertThat(world).extracting(LocationCell::count).containsExactly(3);
        assertThat(locations.atMost(-90, -180, 90, 180)).isEqualTo(3);
        // Zoom 12 reads level 14 (cells of about 2.4 km): Nairobi and Mombasa apart.
        assertThat(locations.clusters(-5, 35, 0, 40, 12)).extracting(LocationCell::count).containsExactlyInAnyOrder(2, 1);
        LocationCell nairobi = locations.clusters(-2, 36, -1, 37, 12).get(0);
        assertThat(nairobi.latitude()).isCloseTo(-1.2923, org.assertj.core.data.Offset.offset(1e-9));

        registrations.save(moved(registrations.get(a), at(-4.05, 39.67)));
        assertThat(locations.clusters(-2, 36, -1, 37, 12)).extracting(LocationCell::count).containsExactly(1);
        assertThat(locations.clusters(-5, 39, -4, 40, 12)).extracting(LocationCell::count).containsExactly(2);

        registrations.save(moved(registrations.get(b), null));
        assertThat(locations.clusters(-2, 36, -1, 37, 12)).isEmpty();
        assertThat(locations.clusters(-90, -180, 90, 180, 0)).extracting(LocationCell::count).containsExactly(2);

        registrations.save(moved(registrations.get(b), at(-1.2925, 36.8222)));
        assertKeptEqualsRecount();
    }

    @Test
    void bulkLoadsKeepTheCountsAndCellsCrossTheAntimeridian() {
        BulkRegistrations bulk = new BulkRegistrations(head);
        List<List<Registration>> groups = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            double lat = -17.7 + random.nextDouble() * 0.4;
            double lon = 179.8 + random.nextDouble() * 0.4;
            groups.add(List.of(person("Bulk" + i, at(lat, lon > 180 ? lon - 360 : lon))));
        }
        bulk.deferIndexes();
        assertThat(bulk.addHouseholds(groups, "TEST_LOADED")).isEqualTo(300);
        bulk.buildDeferredIndexes();

        assertThat(locations.atMost(-90, -180, 90, 180)).isEqualTo(300);
        int across = locations.clusters(-18, 179, -17, -179, 8).stream().mapToInt(LocationCell::count).sum();
        assertThat(across).isEqualTo(300);
        assertThat(locations.clusters(-18, 179, -17, -179, 8)).hasSizeGreaterThan(1);
        // The exact test reads ids and points only; the box crossing 180 degrees is split in two.
        List<LocatedPoint> points = locations.pointsInBox(-18, 179, -17, -179);
        assertThat(points).hasSize(300);
        // Past the counted levels (zoom 15 and more) clusters come from the registrants in view.
        assertThat(locations.clusters(-18, 179.9, -17, -179.9, 15).stream().mapToInt(LocationCell::count).sum())
                .isEqualTo(locations.count(-18, 179.9, -17, -179.9));
        assertKeptEqualsRecount();
    }

    @Test
    void theFineCellOfAPointMatchesTheCountedCells() {
        long cell = GeoGrid.fineCell(-1.2921, 36.8219);
        assertThat(cell / GeoGrid.ROW_STRIDE).isEqualTo(GeoGrid.row(-1.2921, GeoGrid.FINE_LEVEL));
        assertThat(cell % GeoGrid.ROW_STRIDE).isEqualTo(GeoGrid.column(36.8219, GeoGrid.FINE_LEVEL));
        assertThat(GeoGrid.row(-90, 2)).isZero();
        assertThat(GeoGrid.column(-180, 2)).isZero();
        assertThat(GeoGrid.size(GeoGrid.FINE_LEVEL)).isEqualTo(0.0054931640625);
        registrations.save(person("Alpha", at(-1.2921, 36.8219)));
        Map<Long, Integer> recount = head.database().read(tx -> new LocationStore().countsByFineCell(tx));
        assertThat(recount).containsExactly(Map.entry(cell, 1));
    }

    @Test
    void pointsOfFineCellsAreReadFromTheCoveringIndexAlone() {
        long cell = GeoGrid.fineCell(-1.2921, 36.8219);
        registrations.save(person("Alpha", at(-1.2921, 36.8219)));
        assertThat(locations.pointsInFineCells(List.of(cell))).singleElement()
                .satisfies(p -> assertThat(p.latitude()).isEqualTo(-1.2921));
        // The index holds cell, merge mark and point (V20): "who is inside" reads no person row at the outline.
        String plan = head.database().read(tx -> tx.dsl().explain(LocationStore.pointsInFineCellsQuery(tx.dsl(), List.of(cell))).plan());
        assertThat(plan).contains("PERSON_CELL_POINTS");
    }
}
