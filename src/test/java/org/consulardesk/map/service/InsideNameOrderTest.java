package org.consulardesk.map.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.create;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.InsideCover;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.NameOrder;
import org.consulardesk.registry.model.GeoGrid;
import org.consulardesk.registry.model.GeoPoint;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.LocatedPoint;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.BulkRegistrations;
import org.consulardesk.registry.service.NameKeys;
import org.consulardesk.registry.store.LocationStore;
import org.consulardesk.security.service.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Who is inside" lists everyone in name order across pages (ADR 0071), on a real encrypted H2 registry. */
class InsideNameOrderTest {
    private static final String[] FAMILY = {"Zawadi", "achieng", "Mwangi", "Otieno", "Émile", "Baraka", "Kamau", "Wanjiru",
        "Odhiambo", "Chebet", "Nyambura", "Kiprono", "Mutua", "Eze", "O'Brien", "de la Cruz"};
    private static final String[] GIVEN = {"Ada", "Juma", "Zara", "Kofi", "amara", "Tendai"};

    @TempDir
    Path tmp;
    private Session head;

    @BeforeEach
    void open() {
        head = create(tmp.resolve("registry")).session();
    }

    @AfterEach
    void close() {
        head.close();
    }

    @Test
    void pagesFollowTheNamesAcrossTheWholeAreaNotTheCells() {
        // 700 registrants on a grid over central Nairobi, names shuffled against their places.
        SplittableRandom random = new SplittableRandom(11);
        Map<Long, String> expectedName = new HashMap<>();
        List<List<Registration>> groups = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            String family = FAMILY[random.nextInt(FAMILY.length)];
            String given = GIVEN[random.nextInt(GIVEN.length)];
            names.add(new String[] {family, given});
            Registration b = Registration.blank();
            Whereabouts w = new Whereabouts(null, null, null, "Test", "KE",
                    new GeoPoint(-1.30 + (i % 35) * 0.0011, 36.80 + (i / 35) * 0.0013, 50, LocationSource.GPS), null, null, null);
            groups.add(List.of(new Registration(0, 0, family, given, null, null, List.of(), 'F', "1980", null,
                    b.nationalityEvidence(), List.of(), null, b.purpose(), w, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), null)));
        }
        new BulkRegistrations(head).addHouseholds(groups, "TEST_LOADED");
        // A slanted polygon: cells wholly inside at several levels and fine cells across its outline.
        Area area = Area.polygon(List.of(new LatLon(-1.305, 36.79), new LatLon(-1.27, 36.805), new LatLon(-1.255, 36.83),
                new LatLon(-1.29, 36.832)));
        InsideService inside = new InsideService(head);
        InsideCover cover = inside.count(area, 0);
        assertThat(cover.cells()).as("cells wholly inside").isNotEmpty();
        assertThat(cover.boundaryIds()).as("registrants of cells across the outline").isNotEmpty();
        assertThat(cover.count()).isGreaterThan(2 * InsideService.PAGE);

        NameOrder order = inside.nameOrder(cover);
        assertThat(order.size()).isEqualTo(cover.count());
        List<LocatedPerson> listed = new ArrayList<>();
        for (int page = 0; (long) page * InsideService.PAGE < order.size(); page++) {
            List<LocatedPerson> p = inside.page(order, page);
            assertThat(p).hasSizeLessThanOrEqualTo(InsideService.PAGE);
            listed.addAll(p);
        }
        assertThat(inside.page(order, (order.size() + InsideService.PAGE - 1) / InsideService.PAGE)).isEmpty();

        Set<Long> truth = inside.insideByBox(AreaGeometry.of(area, 0)).stream().map(LocatedPoint::id).collect(Collectors.toSet());
        for (LocatedPerson p : listed) {
            expectedName.put(p.id(), NameKeys.searchName(p.familyName(), p.givenNames()));
        }
        List<Long> expected = truth.stream()
                .sorted(Comparator.comparing((Long id) -> expectedName.getOrDefault(id, "")).thenComparing(id -> id)).toList();
        assertThat(listed).extracting(LocatedPerson::id).containsExactlyElementsOf(expected);
        assertThat(listed).extracting(p -> NameKeys.searchName(p.familyName(), p.givenNames())).isSorted();
        // The cell order is not the name order here, so the old paging (sorted within each page) would fail above.
        List<Long> byCells = new ArrayList<>();
        for (int page = 0; (long) page * InsideService.PAGE < cover.count(); page++) {
            inside.page(cover, page).forEach(p -> byCells.add(p.id()));
        }
        assertThat(byCells).containsExactlyInAnyOrderElementsOf(expected).isNotEqualTo(expected);
    }

    @Test
    void namesOfAFineCellAreReadFromTheIndexAlone() {
        long cell = GeoGrid.fineCell(-1.2921, 36.8219);
        String plan = head.database().read(tx -> tx.dsl().explain(LocationStore.namesInFineCellsQuery(tx.dsl(), List.of(cell))).plan());
        assertThat(plan).contains("PERSON_CELL_NAMES");
        String points = head.database().read(tx -> tx.dsl().explain(LocationStore.pointsInFineCellsQuery(tx.dsl(), List.of(cell))).plan());
        assertThat(points).as("the points still come from their own covering index").contains("PERSON_CELL_POINTS");
    }
}
