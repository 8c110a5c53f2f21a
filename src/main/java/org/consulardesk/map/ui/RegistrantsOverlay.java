package org.consulardesk.map.ui;

import com.gluonhq.maps.MapLayer;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.LocationCell;
import org.consulardesk.registry.service.LocationService;

/**
 * Registrants on the map: counts per grid cell (read from the counts the registry keeps per cell,
 * ADR 0045) while many are in view, single markers coloured by the chosen attribute once few are.
 * Never reads everyone. Clusters are not coloured: the colouring applies to markers.
 */
final class RegistrantsOverlay extends OverlayLayer implements MapOverlay {
    /** Markers are shown from this zoom on (street level) when the view holds at most {@link #MARKER_LIMIT}. */
    static final double MARKER_ZOOM = 12;
    static final int MARKER_LIMIT = 400;

    private final LocationService locations;
    private final BackgroundTasks tasks;
    private final Consumer<LocatedPerson> onSelect;
    private final BiConsumer<Double, double[]> onZoomTo;
    private MarkerColouring colouring = Colourings.byVulnerability();
    private List<LocationCell> cells = List.of();
    private List<LocatedPerson> persons = List.of();
    private Map<Long, List<String>> vulnerabilities = Map.of();
    private Viewport last;
    private long generation;
    private int shown;

    RegistrantsOverlay(LocationService locations, BackgroundTasks tasks, Consumer<LocatedPerson> onSelect,
                       BiConsumer<Double, double[]> onZoomTo) {
        this.locations = locations;
        this.tasks = tasks;
        this.onSelect = onSelect;
        this.onZoomTo = onZoomTo;
        setId("map-layer-registrants");
    }

    @Override
    public String titleKey() {
        return "map.layer.registrants";
    }

    @Override
    public MapLayer layer() {
        return this;
    }

    @Override
    public List<LegendEntry> legend() {
        List<LegendEntry> out = new java.util.ArrayList<>(colouring.legend());
        out.add(new LegendEntry(CLUSTER, Ui.text("map.legend.cluster")));
        return out;
    }

    void setColouring(MarkerColouring colouring) {
        this.colouring = colouring;
        if (last != null) {
            refresh(last);
        }
    }

    MarkerColouring colouring() {
        return colouring;
    }

    /** Registrants drawn now (cluster counts summed, or markers). */
    int shown() {
        return shown;
    }

    boolean showsMarkers() {
        return !persons.isEmpty();
    }

    private record Loaded(List<LocationCell> cells, List<LocatedPerson> persons, Map<Long, List<String>> vulnerabilities) {
    }

    @Override
    public void refresh(Viewport viewport) {
        last = viewport;
        long mine = ++generation;
        GeoBox b = viewport.box();
        double zoom = viewport.zoom();
        boolean needsVulnerabilities = colouring.needsVulnerabilities();
        boolean closeEnough = zoom >= MARKER_ZOOM - 0.01;
        tasks.run(Ui.text("map.loading"), progress -> {
            // The counts per cell bound how many are in view; the exact count only when that is close.
            int bound = closeEnough ? locations.atMost(b.south(), b.west(), b.north(), b.east()) : Integer.MAX_VALUE;
            if (bound <= MARKER_LIMIT
                    || bound <= 4 * MARKER_LIMIT && locations.count(b.south(), b.west(), b.north(), b.east()) <= MARKER_LIMIT) {
                List<LocatedPerson> found = locations.inBox(b.south(), b.west(), b.north(), b.east(), MARKER_LIMIT);
                Map<Long, List<String>> v = needsVulnerabilities && !found.isEmpty()
                        ? locations.vulnerabilities(found.stream().map(LocatedPerson::id).toList()) : Map.of();
                return new Loaded(List.of(), found, v);
            }
            return new Loaded(locations.clusters(b.south(), b.west(), b.north(), b.east(), zoom), List.of(), Map.of());
        }, loaded -> {
            if (mine == generation) {
                cells = loaded.cells();
                persons = loaded.persons();
                vulnerabilities = loaded.vulnerabilities();
                rebuild();
            }
        }, failure -> { });
    }

    static final Color CLUSTER = Color.web("#c2410c");

    private void rebuild() {
        getChildren().clear();
        shown = 0;
        for (LocationCell c : cells) {
            double radius = 11 + 5 * Math.log10(c.count());
            Circle halo = new Circle(radius + 4, CLUSTER.deriveColor(0, 1, 1, 0.25));
            Circle disc = new Circle(radius, CLUSTER.deriveColor(0, 1, 1, 0.85));
            disc.setStroke(Color.WHITE);
            disc.setStrokeWidth(1.5);
            Text label = new Text(c.count() >= 10_000 ? (c.count() / 1000) + "k" : Integer.toString(c.count()));
            label.setFill(Color.WHITE);
            label.setFont(Font.font("System", FontWeight.BOLD, 11));
            label.setTextOrigin(VPos.CENTER);
            label.setTextAlignment(TextAlignment.CENTER);
            label.setX(-label.getLayoutBounds().getWidth() / 2);
            Group g = new Group(halo, disc, label);
            g.setUserData(new double[] {c.latitude(), c.longitude()});
            g.getStyleClass().add("map-cluster");
            g.setAccessibleText(Ui.text("map.cluster.accessible", c.count()));
            g.setOnMouseClicked(e -> {
                if (e.isStillSincePress()) {
                    onZoomTo.accept(Math.min(18, Math.floor(currentZoom()) + 2), new double[] {c.latitude(), c.longitude()});
                    e.consume();
                }
            });
            g.setCursor(javafx.scene.Cursor.HAND);
            getChildren().add(g);
            shown += c.count();
        }
        for (LocatedPerson p : persons) {
            Circle marker = new Circle(6.5, colouring.colour(p, vulnerabilities.getOrDefault(p.id(), List.of())));
            marker.setStroke(Color.WHITE);
            marker.setStrokeWidth(2);
            marker.setUserData(new double[] {p.latitude(), p.longitude()});
            marker.getStyleClass().add("map-marker");
            marker.setAccessibleText(p.familyName() + " " + p.givenNames());
            marker.setCursor(javafx.scene.Cursor.HAND);
            marker.setOnMouseClicked(e -> {
                if (e.isStillSincePress()) {
                    onSelect.accept(p);
                    e.consume();
                }
            });
            getChildren().add(marker);
            shown++;
        }
        changed();
    }

    @Override
    protected void layoutLayer() {
        for (Node n : getChildren()) {
            double[] ll = (double[]) n.getUserData();
            Point2D p = toLayer(ll[0], ll[1]);
            if (p != null) {
                n.setTranslateX(p.getX());
                n.setTranslateY(p.getY());
            }
        }
    }
}
