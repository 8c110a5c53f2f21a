package org.consulardesk.security.ui;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** Host countries by ISO 3166 code, shown by name in the user's language. */
final class CountryChoices {
    private CountryChoices() {
    }

    static ComboBox<String> comboBox() {
        List<String> codes = Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing(CountryChoices::name)).toList();
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(codes);
        box.setVisibleRowCount(14);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : name(code) + " (" + code + ")";
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        return box;
    }

    static String name(String code) {
        return new Locale("", code).getDisplayCountry();
    }
}
