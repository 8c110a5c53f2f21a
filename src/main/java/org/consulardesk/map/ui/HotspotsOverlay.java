package org.consulardesk.map.ui;

import com.gluonhq.maps.MapLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.Severity;
import org.consulardesk.map.service.AreaGeometry;

/** Hotspots as filled outlines coloured by severity, with their names; a click selects one. */
final class HotspotsOverlay extends OverlayLayer implements MapOverlay {
    static final Color EXPIRED = Color.web("#8a8a8a");
    static final Color[] SEVERITY = {Color.web("#e3b505"), Color.web("#f07c00"), Color.web("#d62728"), Color.web("#7a0d0d")};

    private final Consumer<Hotspot> onSelect;
    private List<Hotspot> hotspots = List.of();
    private long selected;
    private boolean showExpired;
    private java.util.function.Supplier<java.time.LocalDate> today = java.time.LocalDate::now;
    private int drawn;

    /** One drawn ring: its polygon node and its points (longitudes unwrapped so a ring crossing 180 stays whole). */
    private record Ring(Polygon node, double[] latLon) {
    }

    private final List<Ring> rings = new ArrayList<>();
    private final List<Text> labels = new ArrayList<>();

    HotspotsOverlay(Consumer<Hotspot> onSelect) {
        this.onSelect = onSelect;
        setId("map-layer-hotspots");
    }

    @Override
    public String titleKey() {
        return "map.layer.hotspots";
    }

    @Override
    public MapLayer layer() {
        return this;
    }

    @Override
    public List<LegendEntry> legend() {
        List<LegendEntry> out = new ArrayList<>(java.util.Arrays.stream(Severity.values())
                .map(s -> new LegendEntry(SEVERITY[s.ordinal()], Ui.text("map.severity." + s.name()))).toList());
        out.add(new LegendEntry(EXPIRED, Ui.text("map.legend.expired")));
        return out;
    }

    @Override
    public void refresh(Viewport viewport) {
        // Hotspots are few and all drawn; the screen reloads them after each change.
    }

    /** Whether hotspots whose validity ended are drawn (off by default; the selected one always is). */
    void setShowExpired(boolean show) {
        showExpired = show;
        rebuild();
    }

    /** For tests: the day validity is judged on. */
    void setToday(java.util.function.Supplier<java.time.LocalDate> today) {
        this.today = today;
        rebuild();
    }

    static boolean expired(Hotspot h, java.time.LocalDate day) {
        return h.validTo() != null && h.validTo().isBefore(day);
    }

    /** Hotspots drawn now. */
    int drawn() {
        return drawn;
    }

    void show(List<Hotspot> list, long selectedId) {
        this.hotspots = List.copyOf(list);
        this.selected = selectedId;
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        rings.clear();
        labels.clear();
        drawn = 0;
        java.time.LocalDate day = today.get();
        for (Hotspot h : hotspots) {
            boolean isSelected = h.id() == selected;
            boolean isExpired = expired(h, day);
            if (isExpired && !showExpired && !isSelected) {
                continue;
            }
            drawn++;
            Color c = isExpired ? EXPIRED : SEVERITY[h.severity().ordinal()];
            List<List<LatLon>> outlines = h.area().isCircle() ? AreaGeometry.of(h.area(), 0).outlines()
                    : h.area().polygons().stream().flatMap(List::stream).toList();
            double sumLat = 0;
            double sumLon = 0;
            int n = 0;
            for (List<LatLon> outline : outlines) {
                double[] ll = unwrap(outline);
                Polygon p = new Polygon();
                p.setFill(c.deriveColor(0, 1, 1, isSelected ? 0.35 : 0.22));
                p.setStroke(c);
                p.setStrokeWidth(isSelected ? 3.5 : 2);
                if (!isSelected) {
                    p.getStrokeDashArray().setAll(8.0, 4.0);
                }
                p.setAccessibleText(h.name());
                p.setOnMouseClicked(e -> {
                    if (e.isStillSincePress()) {
                        onSelect.accept(h);
                        e.consume();
                    }
                });
                p.getStyleClass().add("map-hotspot");
                rings.add(new Ring(p, ll));
                getChildren().add(p);
                if (n == 0) {
                    // The name goes above the area's northernmost point, clear of what is inside.
                    double top = -90;
                    for (int i = 0; i < ll.length; i += 2) {
                        top = Math.max(top, ll[i]);
                        sumLon += ll[i + 1];
                        n++;
                    }
                    sumLat = top * n;
                }
            }
            Text label = new Text(h.name());
            label.setFont(Font.font("System", FontWeight.BOLD, 13));
            label.setFill(c.darker());
            label.setStroke(Color.WHITE);
            label.setStrokeWidth(0.8);
            label.setStrokeType(javafx.scene.shape.StrokeType.OUTSIDE);
            label.setUserData(new double[] {sumLat / Math.max(1, n), sumLon / Math.max(1, n)});
            label.setMouseTransparent(true);
            labels.add(label);
            getChildren().add(label);
        }
        changed();
    }

    static double[] unwrap(List<LatLon> outline) {
        double[] out = new double[outline.size() * 2];
        double offset = 0;
        double prev = outline.isEmpty() ? 0 : outline.get(0).lon();
        for (int i = 0; i < outline.size(); i++) {
            double lon = outline.get(i).lon();
            if (Math.abs(lon - prev) > 180) {
                offset += lon > prev ? -360 : 360;
            }
            prev = lon;
            out[2 * i] = outline.get(i).lat();
            out[2 * i + 1] = lon + offset;
        }
        return out;
    }

    @Override
    protected void layoutLayer() {
        for (Ring r : rings) {
            List<Double> points = new ArrayList<>(r.latLon().length);
            for (int i = 0; i < r.latLon().length; i += 2) {
                Point2D p = toLayer(r.latLon()[i], r.latLon()[i + 1]);
                if (p == null) {
                    return;
                }
                points.add(p.getX());
                points.add(p.getY());
            }
            r.node().getPoints().setAll(points);
        }
        for (Node n : labels) {
            double[] ll = (double[]) n.getUserData();
            Point2D p = toLayer(ll[0], ll[1]);
            if (p != null) {
                Text t = (Text) n;
                t.setX(p.getX() - t.getLayoutBounds().getWidth() / 2);
                t.setY(p.getY() - 8);
            }
        }
    }
}
