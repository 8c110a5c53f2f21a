package org.consulardesk.map.ui;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.consulardesk.core.ui.Ui;

/** A map in a dialog to pick a registrant's point (person form): click to place, OK to keep. */
public final class MapPointPicker {
    private MapPointPicker() {
    }

    /** @param current the point shown first (lat, lon), or null for the given fallback centre */
    public static Optional<double[]> pick(Node owner, double[] current, double[] fallback) {
        double[] start = current != null ? current : fallback;
        MapView map = new MapView();
        map.setId("map-pick-view");
        map.setAccessibleText(Ui.text("map.pick.title"));
        map.setPrefSize(760, 520);
        map.setStyle("-fx-background-color: #f2efe9;");
        double[] chosen = current == null ? null : current.clone();
        double[][] holder = {chosen};
        Label where = new Label();
        where.setId("map-pick-value");
        PinLayer pin = new PinLayer();
        map.addLayer(pin);
        map.setZoom(current != null ? 15 : 11);
        map.setCenter(start[0], start[1]);
        if (chosen != null) {
            pin.place(chosen[0], chosen[1]);
            where.setText(format(chosen));
        } else {
            where.setText(Ui.text("map.pick.hint"));
        }
        map.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.isStillSincePress()) {
                MapPoint p = map.getMapPosition(e.getX(), e.getY());
                double lon = ((p.getLongitude() + 540) % 360) - 180;
                holder[0] = new double[] {p.getLatitude(), lon};
                pin.place(p.getLatitude(), lon);
                where.setText(format(holder[0]));
            }
        });
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(Ui.text("map.pick.title"));
        if (owner != null && owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        BorderPane content = new BorderPane(map);
        content.setBottom(where);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Optional<ButtonType> answer = dialog.showAndWait();
        return answer.filter(b -> b == ButtonType.OK).flatMap(b -> Optional.ofNullable(holder[0]));
    }

    private static String format(double[] p) {
        return Ui.text("map.pick.value", String.format(Locale.ROOT, "%.5f", p[0]), String.format(Locale.ROOT, "%.5f", p[1]));
    }

    private static final class PinLayer extends OverlayLayer {
        private final Circle pin = new Circle(7, Color.web("#d62728"));
        private double lat = Double.NaN;
        private double lon;

        PinLayer() {
            pin.setStroke(Color.WHITE);
            pin.setStrokeWidth(2);
            pin.setVisible(false);
            getChildren().add(pin);
        }

        void place(double latitude, double longitude) {
            lat = latitude;
            lon = longitude;
            pin.setVisible(true);
            changed();
        }

        @Override
        protected void layoutLayer() {
            if (!Double.isNaN(lat)) {
                Point2D p = toLayer(lat, lon);
                if (p != null) {
                    pin.setCenterX(p.getX());
                    pin.setCenterY(p.getY());
                }
            }
        }
    }
}
