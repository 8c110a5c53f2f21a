package org.consulardesk.map.ui;

import java.util.Arrays;
import java.util.List;
import javafx.scene.paint.Color;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.PurposeOfStay;

/** The colourings the map offers out of the box. */
final class Colourings {
    private Colourings() {
    }

    static final Color[] PURPOSE_COLOURS = {Color.web("#1f77b4"), Color.web("#9467bd"), Color.web("#2ca02c"),
        Color.web("#ff7f0e"), Color.web("#7f7f7f")};

    static MarkerColouring byPurpose() {
        return new MarkerColouring() {
            @Override
            public String titleKey() {
                return "map.colour.purpose";
            }

            @Override
            public Color colour(LocatedPerson person, List<String> vulnerabilities) {
                return PURPOSE_COLOURS[person.purpose().ordinal()];
            }

            @Override
            public List<MapOverlay.LegendEntry> legend() {
                return Arrays.stream(PurposeOfStay.values())
                        .map(p -> new MapOverlay.LegendEntry(PURPOSE_COLOURS[p.ordinal()], Ui.text("purpose." + p.name()))).toList();
            }
        };
    }

    static MarkerColouring byVulnerability() {
        Color vulnerable = Color.web("#d62728");
        Color none = Color.web("#1f77b4");
        return new MarkerColouring() {
            @Override
            public String titleKey() {
                return "map.colour.vulnerability";
            }

            @Override
            public Color colour(LocatedPerson person, List<String> vulnerabilities) {
                return vulnerabilities.isEmpty() ? none : vulnerable;
            }

            @Override
            public List<MapOverlay.LegendEntry> legend() {
                return List.of(new MapOverlay.LegendEntry(vulnerable, Ui.text("map.legend.vulnerable")),
                        new MapOverlay.LegendEntry(none, Ui.text("map.legend.notVulnerable")));
            }

            @Override
            public boolean needsVulnerabilities() {
                return true;
            }
        };
    }
}
