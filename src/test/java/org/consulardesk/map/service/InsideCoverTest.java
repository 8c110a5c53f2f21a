package org.consulardesk.map.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.create;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.InsideBreakdown;
import org.consulardesk.map.model.InsideCover;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.registry.model.GeoPoint;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.LocatedPoint;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.Vulnerability;
import org.consulardesk.registry.model.VulnerabilityCode;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.BulkRegistrations;
import org.consulardesk.registry.service.LocationService;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Who is inside" from the cell cover (ADR 0057) against the raw box query on the same registry: the same
 * registrants for polygons, circles and buffers in a city, across the antimeridian, around the North
 * Pole and on the grid's edges (latitude 90, longitude 180); pages that list each exactly once; the
 * breakdown equal to one computed person by person. Synthetic Utopia data only.
 */
class InsideCoverTest {
    @TempDir
    static Path tmp;
    static Session head;
    /** Vulnerability codes and household (null: alone) of every registrant written, by family name. */
    static final Map<String, List<String>> CODES = new HashMap<>();
    static final Map<String, String> HOUSEHOLD = new HashMap<>();

    @BeforeAll
    static void load() {
        head = create(tmp.resolve("registry")).session();
        SplittableRandom random = new SplittableRandom(11);
        List<List<Registration>> groups = new ArrayList<>();
        int n = 0;
        // A city, an archipelago across the antimeridian, a polar station, and points on the grid's edges.
        double[][] places = {{-1.29, 36.82, 0.25}, {-17.0, 179.8, 0.6}, {88.5, 0, 1.5}};
        for (double[] place : places) {
            for (int i = 0; i < 900; ) {
                int size = 1 + random.nextInt(3);
                List<Registration> household = new ArrayList<>();
                double lat = place[0] + (random.nextDouble() * 2 - 1) * place[2];
                double lon = place[1] + (random.nextDouble() * 2 - 1) * place[2] * (place[0] > 80 ? 120 : 1);
                lon = ((lon + 540) % 360) - 180;
                String label = size > 1 ? "H" + n : null;
                for (int m = 0; m < size; m++, i++) {
                    household.add(person("P" + n++, lat + m * 0.0001, lon, random, label));
                }
                groups.add(household);
            }
        }
        groups.add(List.of(person("Pole" + n++, 90, 0, random, null)));
        groups.add(List.of(person("Edge" + n++, -16.9, 180, random, null)));
        groups.add(List.of(person("Edge" + n++, -16.95, -180, random, null)));
        new BulkRegistrations(head).addHouseholds(groups, "TEST_LOADED");
    }

    private static Registration person(String family, double lat, double lon, SplittableRandom random, String household) {
        Registration b = Registration.blank();
        List<Vulnerability> v = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (VulnerabilityCode c : List.of(VulnerabilityCode.OLDER_PERSON, VulnerabilityCode.DISABILITY)) {
            if (random.nextInt(4) == 0) {
                v.add(new Vulnerability(c, null));
                codes.add(c.name());
            }
        }
        CODES.put(family, codes);
        HOUSEHOLD.put(family, household);
        Whereabouts w = new Whereabouts(null, null, null, "Test", "KE", new GeoPoint(lat, lon, 50, LocationSource.GPS), null,
                null, null);
        return new Registration(0, 0, family, "Ada", null, null, List.of(), 'F', "1980", null, b.nationalityEvidence(),
                List.of(), null, b.purpose(), w, List.of(), List.of(), List.of(), List.of(), v, List.of(), null);
    }

    @AfterAll
    static void close() {
        head.close();
    }

    private static Area polygon(LatLon centre, double radiusKm, SplittableRandom random) {
        LocalProjection p = new LocalProjection(centre);
        int n = 5 + random.nextInt(8);
        List<LatLon> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            double r = radiusKm * 1000 * (0.5 + 0.5 * random.nextDouble());
            ring.add(p.inverse(r * Math.cos(angle), r * Math.sin(angle)));
        }
        return Area.polygon(ring);
    }

    private static void sameAsRaw(InsideService inside, Area area, double bufferKm) {
        AreaGeometry g = AreaGeometry.of(area, bufferKm);
        Set<Long> raw = new HashSet<>();
        inside.insideByBox(g).forEach(p -> raw.add(p.id()));
        InsideCover cover = inside.cover(g);
        assertThat(cover.count()).as("count for %s + %s km", area, bufferKm).isEqualTo(raw.size());
        List<Long> listed = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<LocatedPerson> persons = inside.page(cover, page);
            if (persons.isEmpty()) {
                break;
            }
            persons.forEach(p -> listed.add(p.id()));
        }
        assertThat(listed).as("pages for %s", area).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(raw);
    }

    @Test
    void coverAgreesWithTheRawQueryForPolygonsCirclesAndBuffers() {
        InsideService inside = new InsideService(head);
        SplittableRandom random = new SplittableRandom(3);
        int withCells = 0;
        for (int i = 0; i < 30; i++) {
            LatLon centre = new LatLon(-1.29 + random.nextDouble() * 0.3 - 0.15, 36.82 + random.nextDouble() * 0.3 - 0.15);
            double km = 1 + random.nextDouble() * 25;
            Area area = i % 3 == 0 ? Area.circle(centre, km * 1000) : polygon(centre, km, random);
            double buffer = i % 4 == 0 ? random.nextDouble() * 5 : 0;
            sameAsRaw(inside, area, buffer);
            if (!inside.cover(AreaGeometry.of(area, buffer)).cells().isEmpty()) {
                withCells++;
            }
        }
        assertThat(withCells).as("most areas have cells wholly inside (counted without reading anyone)").isGreaterThan(15);
    }

    @Test
    void coverAgreesAcrossTheAntimeridianAndAroundThePole() {
        InsideService inside = new InsideService(head);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 12; i++) {
            LatLon centre = new LatLon(-17 + random.nextDouble() - 0.5, i % 2 == 0 ? 179.9 : -179.95);
            sameAsRaw(inside, i % 3 == 0 ? Area.circle(centre, 40_000) : polygon(centre, 60, random), i % 4 == 0 ? 3 : 0);
        }
        sameAsRaw(inside, Area.circle(new LatLon(90, 0), 300_000), 0);
        sameAsRaw(inside, Area.circle(new LatLon(89, 45), 150_000), 20);
        sameAsRaw(inside, Area.polygon(List.of(new LatLon(87, 0), new LatLon(87, 90), new LatLon(87, 180), new LatLon(87, -90))), 0);
        sameAsRaw(inside, Area.polygon(List.of(new LatLon(-17.5, 179.5), new LatLon(-17.5, -179.5), new LatLon(-16.5, -179.5),
                new LatLon(-16.5, 179.5))), 0);
        InsideCover pole = inside.cover(AreaGeometry.of(Area.circle(new LatLon(90, 0), 300_000), 0));
        assertThat(pole.cells()).as("cells wholly inside the polar cap").isNotEmpty();
        assertThat(pole.count()).isGreaterThan(500);
    }

    @Test
    void breakdownEqualsOneComputedPersonByPerson() {
        InsideService inside = new InsideService(head);
        LocationService locations = new LocationService(head);
        for (Area area : List.of(Area.circle(new LatLon(-1.29, 36.82), 12_000),
                polygon(new LatLon(-17, 179.9), 50, new SplittableRandom(9)))) {
            InsideCover cover = inside.cover(AreaGeometry.of(area, 0));
            InsideBreakdown b = inside.breakdown(cover);
            List<Long> ids = inside.insideByBox(AreaGeometry.of(area, 0)).stream().map(LocatedPoint::id).toList();
            Map<String, Integer> byCode = new TreeMap<>();
            Set<String> households = new HashSet<>();
            int alone = 0;
            int vulnerable = 0;
            for (LocatedPerson p : locations.persons(ids)) {
                List<String> codes = CODES.get(p.familyName());
                codes.forEach(c -> byCode.merge(c, 1, Integer::sum));
                vulnerable += codes.isEmpty() ? 0 : 1;
                if (HOUSEHOLD.get(p.familyName()) == null) {
                    alone++;
                } else {
                    households.add(HOUSEHOLD.get(p.familyName()));
                }
            }
            assertThat(cover.count()).isEqualTo(ids.size()).isPositive();
            assertThat(cover.boundaryIds()).as("registrants at the outline, read by cell and kept by id").isNotEmpty();
            assertThat(cover.boundaryCells()).isNotEmpty();
            assertThat(b.byVulnerability()).isEqualTo(byCode);
            assertThat(b.vulnerable()).isEqualTo(vulnerable);
            assertThat(b.withoutHousehold()).isEqualTo(alone);
            assertThat(b.households()).isEqualTo(households.size());
        }
    }
}
