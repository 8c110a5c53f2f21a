package org.consulardesk.geo.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.consulardesk.geo.model.Place;
import org.junit.jupiter.api.Test;

class GazetteerTest {
    private final Gazetteer gazetteer = Gazetteer.bundled();

    @Test
    void findsByPrefixWithTheCoordinates() {
        List<Place> found = gazetteer.suggest("Nairo", "KE", 5);
        assertThat(found).extracting(Place::name).contains("Nairobi");
        Place nairobi = found.stream().filter(p -> p.name().equals("Nairobi")).findFirst().orElseThrow();
        assertThat(nairobi.latitude()).isBetween(-1.4, -1.2);
        assertThat(nairobi.longitude()).isBetween(36.7, 36.9);
    }

    @Test
    void ignoresAccentsAndCase() {
        assertThat(gazetteer.suggest("SAO PAU", "BR", 10)).extracting(Place::name).contains("São Paulo");
        assertThat(gazetteer.suggest("são pau", "BR", 10)).extracting(Place::name).contains("São Paulo");
    }

    @Test
    void filtersByCountryAndLimits() {
        List<Place> ghana = gazetteer.suggest("A", "gh", 20);
        assertThat(ghana).hasSize(20).allMatch(p -> p.countryCode().equals("GH"));
        assertThat(gazetteer.suggest("Paris", null, 50)).extracting(Place::countryCode).contains("FR", "US");
        assertThat(gazetteer.suggest("Paris", "FR", 50)).extracting(Place::countryCode).containsOnly("FR");
    }

    @Test
    void nothingForBlankOrUnknown() {
        assertThat(gazetteer.suggest("  ", null, 10)).isEmpty();
        assertThat(gazetteer.suggest("Qxzqxzq", null, 10)).isEmpty();
    }
}
