package org.consulardesk.security.ui;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** Host countries by ISO 3166 code, shown by name in the user's language. */
public final class CountryChoices {
    private CountryChoices() {
    }

    public static ComboBox<String> comboBox() {
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
        selectByTyping(box);
        return box;
    }

    /** Keyboard first: typing "ken" selects Kenya, as in a native list; a pause starts a new word. */
    private static void selectByTyping(ComboBox<String> box) {
        StringBuilder typed = new StringBuilder();
        long[] last = {0};
        box.addEventHandler(javafx.scene.input.KeyEvent.KEY_TYPED, event -> {
            String ch = event.getCharacter();
            if (ch.isEmpty() || !Character.isLetter(ch.charAt(0))) {
                return;
            }
            long now = System.nanoTime();
            if (now - last[0] > 1_000_000_000L) {
                typed.setLength(0);
            }
            last[0] = now;
            typed.append(ch.toLowerCase(Locale.ROOT));
            String prefix = typed.toString();
            box.getItems().stream().filter(code -> name(code).toLowerCase(Locale.ROOT).startsWith(prefix)).findFirst()
                    .ifPresent(box::setValue);
            event.consume();
        });
    }

    public static String name(String code) {
        return new Locale("", code).getDisplayCountry();
    }
}
