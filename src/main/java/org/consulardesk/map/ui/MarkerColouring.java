package org.consulardesk.map.ui;

import java.util.List;
import javafx.scene.paint.Color;
import org.consulardesk.registry.model.LocatedPerson;

/**
 * How registrant markers are coloured. Pluggable: the crisis feature will add the accountability
 * status of a crisis as one more colouring.
 */
public interface MarkerColouring {
    /** Message key of the colouring's name in the "colour by" choice. */
    String titleKey();

    /** @param vulnerabilities codes of the person's vulnerabilities (empty when none) */
    Color colour(LocatedPerson person, List<String> vulnerabilities);

    List<MapOverlay.LegendEntry> legend();

    /** Whether {@link #colour} needs the vulnerabilities (read only then). */
    default boolean needsVulnerabilities() {
        return false;
    }
}
