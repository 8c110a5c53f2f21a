package org.consulardesk.map.ui;

import com.gluonhq.maps.MapLayer;
import java.util.List;
import javafx.scene.paint.Color;
import org.consulardesk.map.model.GeoBox;

/**
 * A layer of the crisis map that the layers panel can switch on and off, with its legend. Features
 * add their own (assembly points and evacuation routes with evacuation planning) through
 * {@link MapScreen#addOverlay(MapOverlay)}.
 */
public interface MapOverlay {
    /** What the map shows now: the visible box and the (fractional) zoom. */
    record Viewport(GeoBox box, double zoom) {
    }

    /** One legend line: a swatch colour and its (localised) meaning. */
    record LegendEntry(Color colour, String text) {
    }

    /** Message key of the layer's name in the layers panel. */
    String titleKey();

    /** The node added to the map (a Gluon {@link MapLayer}). */
    MapLayer layer();

    List<LegendEntry> legend();

    /**
     * A second layer drawn below the registrants' layer, or null: names that must not hide the registrant
     * groups (a post's name at city zoom), while the layer's markers stay on top. Switched with the layer.
     */
    default MapLayer underLayer() {
        return null;
    }

    /** Called (debounced) after the map moved or zoomed, and when switched on; loads in the background. */
    void refresh(Viewport viewport);
}
