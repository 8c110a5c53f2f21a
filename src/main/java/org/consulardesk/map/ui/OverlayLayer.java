package org.consulardesk.map.ui;

import com.gluonhq.maps.MapLayer;
import javafx.geometry.Point2D;

/** A Gluon map layer that knows the current zoom and places nodes by latitude and longitude. */
abstract class OverlayLayer extends MapLayer {
    /** The zoom the map shows now (Gluon's MapView#getZoom returns the last requested one). */
    double currentZoom() {
        return baseMap == null ? 0 : baseMap.zoom().get();
    }

    /** Position in this layer of a point; longitudes outside -180..180 continue the map (for unwrapped rings). */
    Point2D toLayer(double lat, double lon) {
        return baseMap == null || baseMap.getScene() == null ? null : getMapPoint(lat, lon);
    }

    void changed() {
        markDirty();
    }

    private Runnable onViewChanged = () -> { };

    /** Called whenever the map is panned or zoomed. */
    void setOnViewChanged(Runnable listener) {
        this.onViewChanged = listener;
    }

    @Override
    protected void initialize() {
        baseMap.centerLat().addListener((o, a, b) -> onViewChanged.run());
        baseMap.centerLon().addListener((o, a, b) -> onViewChanged.run());
        baseMap.zoom().addListener((o, a, b) -> onViewChanged.run());
    }
}
