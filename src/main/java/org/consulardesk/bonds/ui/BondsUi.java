package org.consulardesk.bonds.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import org.consulardesk.core.UserError;
import org.consulardesk.core.ui.Ui;

/** Parsing and small controls shared by the bond screens. */
final class BondsUi {
    private BondsUi() {
    }

    /** A positive or zero amount typed by a user: digits, one dot, spaces and commas as grouping ignored. */
    static BigDecimal amount(TextField field) {
        String text = field.getText() == null ? "" : field.getText().strip().replace(" ", "").replace(",", "")
                .replace("\u00a0", "");
        try {
            if (!text.matches("\\d{1,15}(\\.\\d{1,4})?")) {
                throw new NumberFormatException();
            }
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new UserError("error.bonds.amountFormat", field.getText() == null ? "" : field.getText());
        }
    }

    static Optional<BigDecimal> optionalAmount(TextField field) {
        return blank(field) ? Optional.empty() : Optional.of(amount(field));
    }

    static Currency currency(TextField field) {
        String code = field.getText() == null ? "" : field.getText().strip().toUpperCase(java.util.Locale.ROOT);
        try {
            if (!code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException();
            }
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new UserError("error.bonds.currencyFormat", code);
        }
    }

    static LocalDate date(TextField field) {
        try {
            return LocalDate.parse(field.getText() == null ? "" : field.getText().strip());
        } catch (DateTimeParseException e) {
            throw new UserError("error.bonds.dateFormat", field.getText() == null ? "" : field.getText());
        }
    }

    static Optional<LocalDate> optionalDate(TextField field) {
        return blank(field) ? Optional.empty() : Optional.of(date(field));
    }

    static long number(TextField field) {
        String text = field.getText() == null ? "" : field.getText().strip();
        if (!text.matches("\\d{1,18}")) {
            throw new UserError("error.bonds.numberFormat", text);
        }
        return Long.parseLong(text);
    }

    static Optional<Long> optionalNumber(TextField field) {
        return blank(field) ? Optional.empty() : Optional.of(number(field));
    }

    static boolean blank(TextField field) {
        return field.getText() == null || field.getText().isBlank();
    }

    /** A combo box showing each value through the bundle ({@code prefix + name()}). */
    static <E extends Enum<E>> ComboBox<E> choice(String id, String accessibleKey, String prefix, E[] values, E initial) {
        ComboBox<E> box = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(values));
        box.setId(id);
        box.setAccessibleText(Ui.text(accessibleKey));
        box.setValue(initial);
        Function<E, String> text = v -> v == null ? Ui.text("bonds.all") : Ui.text(prefix + v.name());
        box.setButtonCell(new Cell<>(text));
        box.setCellFactory(l -> new Cell<>(text));
        return box;
    }

    private static final class Cell<E> extends ListCell<E> {
        private final Function<E, String> text;

        Cell(Function<E, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(E item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : text.apply(item));
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
