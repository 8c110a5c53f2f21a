package org.consulardesk.map.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import org.consulardesk.map.model.LatLon;

/**
 * What is being drawn or edited: the outline so far and, when editing, a handle on each vertex that
 * can be dragged (the handle takes the mouse so the map does not pan).
 */
final class DrawOverlay extends OverlayLayer {
    private final List<LatLon> points = new ArrayList<>();
    private final Polyline line = new Polyline();
    private final Polygon shape = new Polygon();
    private final List<Circle> handles = new ArrayList<>();
    private LatLon circleCentre;
    private double circleRadius;
    private boolean editable;
    /** A finished area not yet saved: drawn closed and filled, without draggable handles. */
    private boolean closed;
    private Consumer<List<LatLon>> onEdited = p -> { };
    private java.util.function.BiFunction<Double, Double, LatLon> toMap;

    DrawOverlay() {
        setId("map-layer-draw");
        line.setStroke(Color.web("#0b5cad"));
        line.setStrokeWidth(2.5);
        line.getStrokeDashArray().setAll(6.0, 4.0);
        shape.setFill(Color.web("#0b5cad", 0.15));
        shape.setStroke(Color.web("#0b5cad"));
        shape.setStrokeWidth(2.5);
        line.setMouseTransparent(true);
        shape.setMouseTransparent(true);
        getChildren().addAll(shape, line);
    }

    void setMapPosition(java.util.function.BiFunction<Double, Double, LatLon> toMap) {
        this.toMap = toMap;
    }

    void clear() {
        points.clear();
        circleCentre = null;
        editable = false;
        closed = false;
        rebuildHandles();
        changed();
    }

    List<LatLon> points() {
        return List.copyOf(points);
    }

    void addPoint(LatLon p) {
        points.add(p);
        rebuildHandles();
        changed();
    }

    void setCircle(LatLon centre, double radiusMetres) {
        circleCentre = centre;
        circleRadius = radiusMetres;
        changed();
    }

    /** Shows a finished polygon (not yet saved) closed and filled, its vertices marked. */
    void showFinished(List<LatLon> ring) {
        points.clear();
        points.addAll(ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1)) ? ring.subList(0, ring.size() - 1) : ring);
        editable = false;
        closed = true;
        rebuildHandles();
        changed();
    }

    /** Whether the outline is drawn closed (a finished or edited polygon) rather than as the open line of one being drawn. */
    boolean isClosed() {
        return !shape.getPoints().isEmpty() && line.getPoints().isEmpty();
    }

    /** Shows a polygon with draggable vertices; {@code onEdited} receives the new ring after each drag. */
    void edit(List<LatLon> ring, Consumer<List<LatLon>> onEdited) {
        points.clear();
        points.addAll(ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1)) ? ring.subList(0, ring.size() - 1) : ring);
        editable = true;
        this.onEdited = onEdited;
        rebuildHandles();
        changed();
    }

    private void rebuildHandles() {
        getChildren().removeAll(handles);
        handles.clear();
        for (int i = 0; i < points.size(); i++) {
            int index = i;
            Circle h = new Circle(editable ? 7 : 4, Color.WHITE);
            h.setStroke(Color.web("#0b5cad"));
            h.setStrokeWidth(2);
            h.getStyleClass().add("map-vertex");
            if (editable) {
                h.setCursor(Cursor.MOVE);
                h.setOnMousePressed(e -> e.consume());
                h.setOnMouseDragged(e -> {
                    Point2D local = getParent().sceneToLocal(e.getSceneX(), e.getSceneY());
                    LatLon moved = toMap.apply(local.getX(), local.getY());
                    if (moved != null) {
                        points.set(index, moved);
                        changed();
                    }
                    e.consume();
                });
                h.setOnMouseReleased(e -> {
                    onEdited.accept(List.copyOf(points));
                    e.consume();
                });
            } else {
                h.setMouseTransparent(true);
            }
            handles.add(h);
        }
        getChildren().addAll(handles);
    }

    @Override
    protected void layoutLayer() {
        List<Double> xy = new ArrayList<>();
        double[] ll = HotspotsOverlay.unwrap(points);
        for (int i = 0; i < ll.length; i += 2) {
            Point2D p = toLayer(ll[i], ll[i + 1]);
            if (p == null) {
                return;
            }
            xy.add(p.getX());
            xy.add(p.getY());
            handles.get(i / 2).setCenterX(p.getX());
            handles.get(i / 2).setCenterY(p.getY());
        }
        if (editable || closed) {
            shape.getPoints().setAll(xy);
            line.getPoints().clear();
        } else {
            shape.getPoints().clear();
            line.getPoints().setAll(xy);
        }
        if (circleCentre != null) {
            List<LatLon> ring = org.consulardesk.map.service.AreaGeometry.of(
                    org.consulardesk.map.model.Area.circle(circleCentre, Math.max(1, circleRadius)), 0).outlines().get(0);
            List<Double> c = new ArrayList<>();
            double[] u = HotspotsOverlay.unwrap(ring);
            for (int i = 0; i < u.length; i += 2) {
                Point2D p = toLayer(u[i], u[i + 1]);
                if (p == null) {
                    return;
                }
                c.add(p.getX());
                c.add(p.getY());
            }
            shape.getPoints().setAll(c);
        }
    }
}
