package org.consulardesk.core.ui;

import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.consulardesk.core.Messages;
import org.consulardesk.core.UserError;

/** Small factories so every control gets its text from the bundle and an accessible name. */
public final class Ui {
    private static final double LABEL_WIDTH = 180;

    private Ui() {
    }

    public static String text(String key, Object... args) {
        return Messages.get(key, args);
    }

    public static Label label(String key, Object... args) {
        return new Label(text(key, args));
    }

    public static Label styled(String style, String key, Object... args) {
        Label label = label(key, args);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        // Without this a wrapping label in a VBox is cut to one line with an ellipsis.
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A short marker such as TRAINING: never wrapped, never squeezed. */
    public static Label badge(String style, String key) {
        Label badge = label(key);
        badge.getStyleClass().add(style);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }

    public static Button button(String key, EventHandler<ActionEvent> action) {
        Button button = new Button(text(key));
        button.setAccessibleText(button.getText().replace("_", ""));
        button.setMnemonicParsing(true);
        button.setOnAction(action);
        return button;
    }

    public static Button primary(String key, EventHandler<ActionEvent> action) {
        Button button = button(key, action);
        button.getStyleClass().add(Styles.PRIMARY);
        button.setDefaultButton(true);
        return button;
    }

    public static TextField field(String accessibleKey) {
        TextField field = new TextField();
        field.setAccessibleText(text(accessibleKey));
        field.setId(idFor(accessibleKey));
        return field;
    }

    public static PasswordField secret(String accessibleKey) {
        PasswordField field = new PasswordField();
        field.setAccessibleText(text(accessibleKey));
        field.setId(idFor(accessibleKey));
        return field;
    }

    /** Ids let tests and screen readers find controls; derived from the message key. */
    public static String idFor(String key) {
        return key.replace('.', '-');
    }

    /** A two-column form: labels on the left, fields growing on the right; labels point at their field. */
    public static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        return grid;
    }

    public static void row(GridPane grid, int row, String labelKey, Node field) {
        Label label = label(labelKey);
        label.setLabelFor(field);
        // One label width everywhere, so stacked forms line up.
        label.setMinWidth(Math.max(LABEL_WIDTH, label.prefWidth(-1)));
        if (field instanceof Region region) {
            region.setMaxWidth(Double.MAX_VALUE);
        }
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        GridPane.setHgrow(field, Priority.ALWAYS);
    }

    public static VBox card(Node... children) {
        VBox card = new VBox(children);
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(18));
        return card;
    }

    public static VBox page(Node... children) {
        VBox page = new VBox(children);
        page.getStyleClass().add(Styles.PAGE);
        return page;
    }

    /** The red line under a form where failures are explained. */
    public static Label errorLabel(String id) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add(Styles.ERROR);
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        return error;
    }

    /** A read-only text column of a table. */
    public static <T> javafx.scene.control.TableColumn<T, String> column(String key,
            java.util.function.Function<T, String> value, double width) {
        javafx.scene.control.TableColumn<T, String> column = new javafx.scene.control.TableColumn<>(text(key));
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** A card centred on an otherwise empty page (welcome, sign-in, lock, restore). */
    public static VBox centred(VBox card, double maxWidth) {
        card.setMaxWidth(maxWidth);
        VBox page = new VBox(card);
        page.getStyleClass().add(Styles.PAGE);
        page.setAlignment(javafx.geometry.Pos.CENTER);
        return page;
    }

    /** What to tell the user about a failure: our own messages as they are, anything else generically. */
    public static String describe(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof UserError user) {
                return user.getMessage();
            }
            t = t.getCause();
        }
        return text("error.unexpected");
    }
}
