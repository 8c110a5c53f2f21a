package org.consulardesk.map.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.geo.service.Gazetteer;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.service.BasemapRenderer;
import org.consulardesk.map.service.BasemapService;
import org.consulardesk.map.service.HotspotService;
import org.consulardesk.map.service.InsideService;
import org.consulardesk.map.service.MapSettingsService;
import org.consulardesk.map.service.TileCache;
import org.consulardesk.registry.model.GeoPoint;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.Vulnerability;
import org.consulardesk.registry.model.VulnerabilityCode;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.LocationService;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.FxScreens;
import org.consulardesk.testsupport.FxWait;
import org.consulardesk.testsupport.ScriptedDialogs;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The crisis map's main path, headless: draw a hotspot around registrants, save it, list who is inside, open one. */
class MapScreenTest extends FxRobot {
    static final BackgroundTasks SYNC = new BackgroundTasks() {
        @Override
        public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.run(ProgressSink.NONE);
            } catch (Exception | Error e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    };

    @TempDir
    Path dir;
    Session session;
    MapScreen screen;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final List<Long> opened = Collections.synchronizedList(new ArrayList<>());
    final List<Long> inside = new ArrayList<>();

    private long at(String family, double lat, double lon, VulnerabilityCode... codes) {
        Registration b = Registration.blank();
        Whereabouts w = new Whereabouts(null, null, null, "Nairobi", "KE", new GeoPoint(lat, lon, 50, LocationSource.GPS),
                null, null, null);
        return new RegistrationService(session).save(new Registration(0, 0, family, "Ada", null, null, List.of(), 'F', "1980",
                null, b.nationalityEvidence(), List.of(), null, b.purpose(), w, List.of(), List.of(), List.of(), List.of(),
                java.util.Arrays.stream(codes).map(c -> new Vulnerability(c, null)).toList(), List.of(), null)).id();
    }

    @BeforeEach
    void show() throws Exception {
        session = TestRegistries.create(dir.resolve("registry")).session();
        inside.add(at("Achieng", -1.2921, 36.8219, VulnerabilityCode.OLDER_PERSON));
        inside.add(at("Baraka", -1.2900, 36.8250));
        inside.add(at("Chebet", -1.2950, 36.8190));
        at("Far", -4.05, 39.66);
        OfflineTileRetriever.use(new BasemapService(new TileCache(dir.resolve("tiles")), dir.resolve("mbtiles"),
                BasemapRenderer.bundled(), null));
        FxToolkit.registerPrimaryStage();
        screen = WaitForAsyncUtils.asyncFx(() -> new MapScreen(new LocationService(session), new HotspotService(session),
                new InsideService(session), new MapSettingsService(session), Gazetteer.bundled(), SYNC, dialogs, opened::add)).get();
        FxScreens.show(screen, 1300, 850);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        session.close();
    }

    private Point2D onMap(double dx, double dy) {
        Bounds b = screen.mapView().localToScreen(screen.mapView().getBoundsInLocal());
        return new Point2D(b.getMinX() + b.getWidth() / 2 + dx, b.getMinY() + b.getHeight() / 2 + dy);
    }

    /** Scrolls the side panel so the node is in view (as a user would with the wheel). */
    private String reveal(String query) {
        javafx.scene.control.ScrollPane panel = lookup("#map-panel").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.scene.Node node = lookup(query).query();
        interact(() -> {
            javafx.scene.Node content = panel.getContent();
            double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
            double range = content.getBoundsInLocal().getHeight() - panel.getViewportBounds().getHeight();
            panel.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / range)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return query;
    }

    @Test
    void drawsAHotspotSavesItAndListsWhoIsInside() {
        interact(() -> screen.goTo(-1.2921, 36.8219, 14));
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.waitFor(() -> screen.registrantsLayer().shown() == 3);
        assertThat(screen.registrantsLayer().showsMarkers()).as("few registrants in view: markers").isTrue();

        clickOn("#map-draw-polygon");
        clickOn(onMap(-150, -120));
        clickOn(onMap(150, -120));
        clickOn(onMap(150, 120));
        clickOn(onMap(-150, 120));
        clickOn("#map-draw-finish");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).isEmpty();
        assertThat(screen.drawLayer().isClosed()).as("the finished area is drawn closed, not as an open line").isTrue();

        // A drawn area, not saved, goes to the export by its geometry, with the buffer counted.
        List<org.consulardesk.map.model.InsideArea> handed = new ArrayList<>();
        interact(() -> screen.setOnExportInside(handed::add));
        interact(() -> lookup("#map-buffer").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(0.5));
        clickOn(reveal("#map-inside"));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(reveal("#map-inside-export"));
        assertThat(handed).singleElement().satisfies(a -> {
            assertThat(a.isHotspot()).isFalse();
            assertThat(a.bufferKm()).isEqualTo(0.5);
            assertThat(new InsideService(session).count(a.area(), a.bufferKm()).count()).isEqualTo(3);
        });
        interact(() -> lookup("#map-buffer").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(0.0));

        clickOn("#map-hotspot-name").write("Uhuru Park protest");
        clickOn(reveal("#map-hotspot-save"));
        WaitForAsyncUtils.waitForFxEvents();
        List<Hotspot> saved = new HotspotService(session).list();
        assertThat(saved).singleElement().satisfies(h -> assertThat(h.name()).isEqualTo("Uhuru Park protest"));
        @SuppressWarnings("unchecked")
        ListView<Hotspot> hotspots = lookup("#map-hotspots").queryAs(ListView.class);
        assertThat(hotspots.getItems()).hasSize(1);

        clickOn(reveal("#map-inside"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#map-inside-count").queryAs(Label.class).getText()).startsWith("3 ");
        assertThat(lookup("#map-inside-breakdown").queryAs(Label.class).getText()).contains("Older person: 1");
        @SuppressWarnings("unchecked")
        ListView<LocatedPerson> list = lookup("#map-inside-list").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(LocatedPerson::id).containsExactlyInAnyOrderElementsOf(inside);

        reveal("#map-inside-list");
        doubleClickOn(list.lookupAll(".list-cell").stream().filter(n -> ((javafx.scene.control.ListCell<?>) n).getIndex() == 0).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly(list.getItems().get(0).id());

        // The saved hotspot goes by its id.
        clickOn(reveal("#map-inside-export"));
        assertThat(handed).hasSize(2);
        assertThat(handed.get(1).hotspotId()).isEqualTo(saved.get(0).id());
        assertThat(handed.get(1).name()).isEqualTo("Uhuru Park protest");
    }

    @Test
    void worldViewShowsClustersAndPlaceSearchGoesThere() {
        interact(() -> screen.goTo(0, 20, 2));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#map-search").write("Nairobi");
        clickOn("#map-search-go");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<org.consulardesk.geo.model.Place> places = lookup("#map-places").queryAs(ListView.class);
        assertThat(places.getItems()).isNotEmpty();
        assertThat(places.getItems().get(0).name()).isEqualTo("Nairobi");
        type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.mapView().getCenter().getLatitude()).isCloseTo(-1.28, org.assertj.core.api.Assertions.within(0.1));
        assertThat(lookup("#map-scale-label").queryAs(Label.class).getText()).matches("[\\d,]+ (m|km)");
    }

    @Test
    void expiredHotspotsAreHiddenUntilAskedFor() {
        HotspotService service = new HotspotService(session);
        java.time.LocalDate today = java.time.LocalDate.now();
        service.save(new Hotspot(0, "Flood warning", org.consulardesk.map.model.HotspotType.NATURAL_HAZARD,
                org.consulardesk.map.model.Severity.WARNING, today.minusDays(10), today.plusDays(3), null, null,
                org.consulardesk.map.model.Area.circle(new org.consulardesk.map.model.LatLon(-1.29, 36.82), 2000), 0));
        service.save(new Hotspot(0, "Last month's riot", org.consulardesk.map.model.HotspotType.UNREST,
                org.consulardesk.map.model.Severity.SEVERE, today.minusDays(40), today.minusDays(30), null, null,
                org.consulardesk.map.model.Area.circle(new org.consulardesk.map.model.LatLon(-1.30, 36.80), 1500), 0));
        interact(screen::activate);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<Hotspot> hotspots = lookup("#map-hotspots").queryAs(ListView.class);
        assertThat(hotspots.getItems()).hasSize(2);
        assertThat(screen.hotspotsLayer().drawn()).as("expired hotspot not drawn by default").isEqualTo(1);

        clickOn(reveal("#map-show-expired"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.hotspotsLayer().drawn()).isEqualTo(2);
        clickOn("#map-show-expired");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.hotspotsLayer().drawn()).isEqualTo(1);
    }

    @Test
    void postsLayerShowsThisPostWithItsToggle() {
        PostsOverlay posts = new PostsOverlay(new org.consulardesk.map.service.PostsService(session, Gazetteer.bundled()), SYNC);
        interact(() -> screen.addOverlay(posts));
        interact(() -> screen.goTo(-1.2921, 36.8219, 8));
        FxWait.waitFor(() -> !posts.shown().isEmpty());
        assertThat(posts.shown()).singleElement().satisfies(p -> {
            assertThat(p.own()).isTrue();
            assertThat(p.name()).isEqualTo(TestRegistries.POST_NAME);
            assertThat(p.latitude()).isCloseTo(-1.28, org.assertj.core.api.Assertions.within(0.1));
        });
        // The post stands on a stem above its point with its name above it: nothing is drawn where the basemap
        // writes a place's name, right of the place's dot, and the name is centred on the marker.
        FxWait.waitFor(() -> !posts.getChildrenUnmodifiable().isEmpty());
        javafx.scene.Group drawn = (javafx.scene.Group) posts.getChildrenUnmodifiable().get(0);
        javafx.geometry.BoundingBox cityName = new javafx.geometry.BoundingBox(4, -7, 300, 14);
        javafx.geometry.Bounds mark = null;
        for (javafx.scene.Node n : drawn.getChildren()) {
            assertThat(n.getBoundsInParent().intersects(cityName)).as("%s clear of a city name right of the point", n).isFalse();
            if (n instanceof javafx.scene.shape.Rectangle) {
                mark = n.getBoundsInParent();
            }
        }
        assertThat(mark).isNotNull();
        // The name is in its own layer below the registrants' groups, placed at the same point as the marker.
        FxWait.waitFor(() -> !((javafx.scene.Parent) posts.namesLayer()).getChildrenUnmodifiable().isEmpty());
        javafx.scene.Group names = (javafx.scene.Group) ((javafx.scene.Parent) posts.namesLayer()).getChildrenUnmodifiable().get(0);
        assertThat(names.getTranslateX()).isEqualTo(drawn.getTranslateX());
        assertThat(names.getTranslateY()).isEqualTo(drawn.getTranslateY());
        List<javafx.scene.Node> layers = screen.mapView().getChildrenUnmodifiable();
        assertThat(layers.indexOf(posts.namesLayer())).as("names below the registrants")
                .isLessThan(layers.indexOf(screen.registrantsLayer()));
        assertThat(layers.indexOf(posts)).as("markers above the registrants").isGreaterThan(layers.indexOf(screen.registrantsLayer()));
        for (javafx.scene.Node label : names.getChildren()) {
            if (label instanceof javafx.scene.text.Text) {
                javafx.geometry.Bounds b = label.getBoundsInParent();
                assertThat(b.getMaxY()).as("name above the marker").isLessThanOrEqualTo(mark.getMinY() + 1);
                assertThat((b.getMinX() + b.getMaxX()) / 2).as("name centred on the marker").isCloseTo(0,
                        org.assertj.core.api.Assertions.within(2.0));
            }
        }
        clickOn(reveal("#map-toggle-map-layer-posts"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(posts.isVisible()).isFalse();
        assertThat(posts.namesLayer().isVisible()).isFalse();
    }

    @Test
    void withoutAPostTheMapOpensOnTheBoxAroundTheRegistrants() {
        // This screen was shown without a post: its registrants live in Nairobi (3) and Mombasa (1).
        FxWait.waitFor(() -> screen.mapView().getZoom() > 2);
        double lat = screen.mapView().getCenter().getLatitude();
        double lon = screen.mapView().getCenter().getLongitude();
        assertThat(lat).as("between Nairobi and Mombasa").isBetween(-4.1, -1.2);
        assertThat(lon).isBetween(36.8, 39.7);
        assertThat(screen.mapView().getZoom()).as("both cities in view, not the world").isBetween(5.0, 9.0);
        assertThat(MapScreen.registrantsView(List.of(), 900, 600)).containsExactly(MapScreen.WORLD);
    }

    @Test
    void theMapOpensOverThePostsCityNotOverTheLargestGroupOfRegistrants() throws Exception {
        // More registrants in Dubai than anywhere else: the old opening view went there.
        for (int i = 0; i < 6; i++) {
            at("Gulf" + i, 25.20 + i * 0.001, 55.27);
        }
        org.consulardesk.map.service.PostsService posts = new org.consulardesk.map.service.PostsService(session, Gazetteer.bundled());
        MapScreen second = WaitForAsyncUtils.asyncFx(() -> {
            MapScreen s = new MapScreen(new LocationService(session), new HotspotService(session), new InsideService(session),
                    new MapSettingsService(session), Gazetteer.bundled(), SYNC, dialogs, opened::add);
            s.setPostPlace(() -> posts.own().map(p -> new org.consulardesk.map.model.LatLon(p.latitude(), p.longitude())));
            return s;
        }).get();
        FxScreens.show(second, 1300, 850);
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.waitFor(() -> second.mapView().getZoom() == MapScreen.POST_ZOOM);
        assertThat(second.mapView().getCenter().getLatitude()).as("Nairobi, the post's city").isCloseTo(-1.28,
                org.assertj.core.api.Assertions.within(0.05));
        assertThat(second.mapView().getCenter().getLongitude()).isCloseTo(36.82, org.assertj.core.api.Assertions.within(0.05));
        FxWait.waitFor(() -> second.registrantsLayer().shown() == 3);
    }

    @Test
    void whoIsInsideListsNamesInOrderAcrossPagesWithMore() {
        // 250 more registrants over central Nairobi, names shuffled against their places (253 inside).
        String[] family = {"Zawadi", "Achieng", "Mwangi", "Otieno", "Baraka", "Kamau", "Wanjiru", "Odhiambo", "Chebet", "Eze"};
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        List<List<Registration>> groups = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            Registration b = Registration.blank();
            Whereabouts w = new Whereabouts(null, null, null, "Nairobi", "KE",
                    new GeoPoint(-1.296 + (i % 16) * 0.0008, 36.815 + (i / 16) * 0.0008, 50, LocationSource.GPS), null, null, null);
            groups.add(List.of(new Registration(0, 0, family[random.nextInt(family.length)], "Juma" + i, null, null, List.of(), 'M',
                    "1985", null, b.nationalityEvidence(), List.of(), null, b.purpose(), w, List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), null)));
        }
        new org.consulardesk.registry.service.BulkRegistrations(session).addHouseholds(groups, "TEST_LOADED");
        java.time.LocalDate today = java.time.LocalDate.now();
        new HotspotService(session).save(new Hotspot(0, "Central Nairobi", org.consulardesk.map.model.HotspotType.UNREST,
                org.consulardesk.map.model.Severity.WARNING, today.minusDays(1), today.plusDays(3), null, null,
                org.consulardesk.map.model.Area.polygon(List.of(new org.consulardesk.map.model.LatLon(-1.31, 36.80),
                        new org.consulardesk.map.model.LatLon(-1.31, 36.84), new org.consulardesk.map.model.LatLon(-1.27, 36.84),
                        new org.consulardesk.map.model.LatLon(-1.27, 36.80))), 0));
        interact(screen::activate);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<Hotspot> hotspots = lookup("#map-hotspots").queryAs(ListView.class);
        interact(() -> hotspots.getSelectionModel().select(0));
        clickOn(reveal("#map-inside"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#map-inside-count").queryAs(Label.class).getText()).startsWith("253 ");
        @SuppressWarnings("unchecked")
        ListView<LocatedPerson> list = lookup("#map-inside-list").queryAs(ListView.class);
        FxWait.waitFor(() -> list.getItems().size() == org.consulardesk.map.service.InsideService.PAGE);
        clickOn(reveal("#map-inside-more"));
        FxWait.waitFor(() -> list.getItems().size() == 253);
        assertThat(list.getItems()).extracting(LocatedPerson::id).doesNotHaveDuplicates();
        assertThat(list.getItems()).extracting(p -> org.consulardesk.registry.service.NameKeys.searchName(p.familyName(), p.givenNames()))
                .as("one list in name order, not page by page").isSorted();
        assertThat(lookup("#map-inside-more").query().isVisible()).as("no more pages").isFalse();
    }
}
