package org.consulardesk.map.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.create;
import static org.consulardesk.testsupport.TestRegistries.userError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotType;
import org.consulardesk.map.model.InsideResult;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.Severity;
import org.consulardesk.registry.model.GeoPoint;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.LocationCell;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.Vulnerability;
import org.consulardesk.registry.model.VulnerabilityCode;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.HouseholdService;
import org.consulardesk.registry.service.LocationService;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.registry.model.HouseholdRelationship;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registrants by place and hotspots against a real encrypted H2 registry (synthetic Utopia data). */
class InsideServiceTest {
    @TempDir
    Path tmp;
    private Session head;
    private RegistrationService registrations;

    @BeforeEach
    void open() {
        head = create(tmp.resolve("registry")).session();
        registrations = new RegistrationService(head);
    }

    @AfterEach
    void close() {
        head.close();
    }

    private long at(String family, double lat, double lon, VulnerabilityCode... codes) {
        Registration b = Registration.blank();
        Whereabouts w = new Whereabouts(null, null, null, "Test", "KE", new GeoPoint(lat, lon, 50, LocationSource.GPS), null, null, null);
        List<Vulnerability> v = java.util.Arrays.stream(codes).map(c -> new Vulnerability(c, null)).toList();
        return registrations.save(new Registration(0, 0, family, "Ada", null, null, List.of(), 'F', "1980", null,
                b.nationalityEvidence(), List.of(), null, b.purpose(), w, List.of(), List.of(), List.of(), List.of(), v,
                List.of(), null)).id();
    }

    @Test
    void countsWhoIsInsideWithBreakdownAndBuffer() {
        long a = at("Inside", -1.29, 36.82, VulnerabilityCode.OLDER_PERSON, VulnerabilityCode.DISABILITY);
        long b = at("Also", -1.30, 36.83, VulnerabilityCode.OLDER_PERSON);
        long c = at("Alone", -1.27, 36.81);
        long near = at("Near", -1.20, 36.82);
        at("Far", 4.05, 39.66);
        HouseholdService households = new HouseholdService(head);
        var h = households.create("Inside family");
        h = households.addRegistrant(h.id(), h.version(), a, HouseholdRelationship.HEAD, true);
        households.addRegistrant(h.id(), h.version(), b, HouseholdRelationship.SPOUSE, true);

        Area square = Area.polygon(List.of(new LatLon(-1.35, 36.75), new LatLon(-1.35, 36.85), new LatLon(-1.25, 36.85),
                new LatLon(-1.25, 36.75)));
        InsideService inside = new InsideService(head);
        InsideResult r = inside.inside(square, 0);
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.persons()).extracting(LocatedPerson::id).containsExactlyInAnyOrder(a, b, c);
        assertThat(r.byVulnerability()).containsEntry("OLDER_PERSON", 2).containsEntry("DISABILITY", 1);
        assertThat(r.vulnerable()).isEqualTo(2);
        assertThat(r.households()).isEqualTo(1);
        assertThat(r.withoutHousehold()).isEqualTo(1);

        assertThat(inside.inside(square, 6).persons()).extracting(LocatedPerson::id).contains(near).hasSize(4);
        assertThat(head.audit().page(new AuditFilter(null, "AREA_QUERIED", null, null, null), 0, 10)).hasSize(2);
    }

    @Test
    void findsRegistrantsOnBothSidesOfTheAntimeridian() {
        long west = at("Suva", -18.14, 178.44);
        long east = at("Taveuni", -16.9, -179.9);
        at("Tonga", -21.1, -175.2);
        Area fiji = Area.polygon(List.of(new LatLon(-19, 177), new LatLon(-19, -179), new LatLon(-16, -179), new LatLon(-16, 177)));
        InsideResult r = new InsideService(head).inside(fiji, 0);
        assertThat(r.persons()).extracting(LocatedPerson::id).containsExactlyInAnyOrder(west, east);
    }

    @Test
    void listsNamesOnePageAtATime() {
        List<List<Registration>> groups = new java.util.ArrayList<>();
        for (int i = 0; i < 450; i++) {
            Registration b = Registration.blank();
            Whereabouts w = new Whereabouts(null, null, null, "Test", "KE",
                    new GeoPoint(-1.29 + (i % 30) * 0.001, 36.82 + (i / 30) * 0.001, 50, LocationSource.GPS), null, null, null);
            groups.add(List.of(new Registration(0, 0, "Page" + i, "Ada", null, null, List.of(), 'F', "1980", null,
                    b.nationalityEvidence(), List.of(), null, b.purpose(), w, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), null)));
        }
        new org.consulardesk.registry.service.BulkRegistrations(head).addHouseholds(groups, "TEST_LOADED");
        Area square = Area.polygon(List.of(new LatLon(-1.35, 36.75), new LatLon(-1.35, 36.85), new LatLon(-1.25, 36.85),
                new LatLon(-1.25, 36.75)));
        InsideService inside = new InsideService(head);
        InsideResult r = inside.inside(square, 0);
        assertThat(r.count()).isEqualTo(450);
        assertThat(r.withoutHousehold()).isEqualTo(450);
        assertThat(r.persons()).hasSize(InsideService.PAGE);
        assertThat(r.persons()).extracting(LocatedPerson::familyName).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        List<LocatedPerson> all = new java.util.ArrayList<>(r.persons());
        all.addAll(inside.page(r.cover(), 1));
        all.addAll(inside.page(r.cover(), 2));
        assertThat(inside.page(r.cover(), 3)).isEmpty();
        assertThat(all).hasSize(450).extracting(LocatedPerson::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(inside.insideByBox(AreaGeometry.of(square, 0)).stream()
                        .map(org.consulardesk.registry.model.LocatedPoint::id).toList());
    }

    @Test
    void gridCountsClusterWithoutReadingPersons() {
        for (int i = 0; i < 5; i++) {
            at("Cluster" + i, -1.29 + i * 0.001, 36.82);
        }
        at("Other", 4.05, 39.66);
        LocationService locations = new LocationService(head);
        List<LocationCell> cells = locations.grid(-5, 30, 5, 45, 1.0);
        assertThat(cells).hasSize(2);
        assertThat(cells).filteredOn(c -> c.count() == 5).singleElement()
                .satisfies(c -> assertThat(c.latitude()).isBetween(-1.29, -1.28));
        assertThat(locations.count(-5, 30, 5, 45)).isEqualTo(6);
        assertThat(locations.grid(-5, 170, 5, -170, 1.0)).isEmpty();
    }

    @Test
    void hotspotsAreSavedEditedExportedImportedAndAudited() throws Exception {
        HotspotService hotspots = new HotspotService(head);
        Area circle = Area.circle(new LatLon(-1.28, 36.82), 2000);
        Hotspot saved = hotspots.save(new Hotspot(0, "Market protest", HotspotType.UNREST, Severity.WARNING,
                java.time.LocalDate.of(2026, 11, 25), null, "Police", "Peaceful so far", circle, 0));
        assertThat(saved.id()).isPositive();
        assertThat(saved.area()).isEqualTo(circle);
        Area polygon = Area.polygon(List.of(new LatLon(-1.3, 36.8), new LatLon(-1.3, 36.9), new LatLon(-1.2, 36.9)));
        Hotspot edited = hotspots.save(saved.withArea(polygon));
        assertThat(edited.rowVersion()).isEqualTo(2);
        assertThat(edited.area().polygons().get(0).get(0)).hasSize(3);
        assertThat(userError(() -> hotspots.save(saved)).key()).as("stale version").isEqualTo("error.map.hotspot.changed");
        assertThat(userError(() -> hotspots.save(new Hotspot(0, " ", HotspotType.OTHER, Severity.WARNING, null, null, null,
                null, circle, 0))).key()).isEqualTo("error.map.hotspot.nameRequired");

        Path file = tmp.resolve("hotspots.geojson");
        Files.writeString(file, hotspots.exportGeoJson(hotspots.list()));
        List<Hotspot> imported = hotspots.importFile(file);
        assertThat(imported).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("Market protest");
            assertThat(h.type()).isEqualTo(HotspotType.UNREST);
            assertThat(h.source()).isEqualTo("hotspots.geojson");
        });
        hotspots.delete(edited);
        assertThat(hotspots.list()).hasSize(1);
        for (String action : List.of("HOTSPOT_ADDED", "HOTSPOT_CHANGED", "HOTSPOTS_IMPORTED", "HOTSPOTS_EXPORTED", "HOTSPOT_DELETED")) {
            assertThat(head.audit().page(new AuditFilter(null, action, null, null, null), 0, 10)).as(action).isNotEmpty();
        }
    }

    @Test
    void onlyEntitledRolesEditHotspots() {
        assertThat(Role.HEAD_OF_POST.allows(Permission.EDIT_HOTSPOTS)).isTrue();
        assertThat(Role.CONSULAR_OFFICER.allows(Permission.EDIT_HOTSPOTS)).isTrue();
        assertThat(Role.TRAINER.allows(Permission.EDIT_HOTSPOTS)).isTrue();
        assertThat(Role.SURGE_STAFF.allows(Permission.EDIT_HOTSPOTS)).isFalse();
        assertThat(Role.HQ_REVIEWER.allows(Permission.EDIT_HOTSPOTS)).isFalse();
    }
}
