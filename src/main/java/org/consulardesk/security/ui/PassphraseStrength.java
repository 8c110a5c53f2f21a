package org.consulardesk.security.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.security.service.PassphrasePolicy;

/** A strength meter under a passphrase field: a coloured bar and a word, updated as the user types. */
public final class PassphraseStrength extends HBox {
    private final ProgressBar bar = new ProgressBar(0);
    private final Label verdict = new Label();

    public PassphraseStrength(PasswordField field, Supplier<List<String>> context) {
        super(10);
        bar.getStyleClass().add(Styles.STRENGTH_BAR);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText(Ui.text("passphrase.strength"));
        HBox.setHgrow(bar, Priority.ALWAYS);
        verdict.setId("passphrase-strength-verdict");
        verdict.setMinWidth(120);
        getChildren().addAll(bar, verdict);
        field.textProperty().addListener((obs, old, text) -> update(text.toCharArray(), context.get()));
        update(new char[0], List.of());
    }

    private void update(char[] passphrase, List<String> context) {
        int score = PassphrasePolicy.score(passphrase, context);
        bar.setProgress(passphrase.length == 0 ? 0 : (score + 1) / 5.0);
        bar.getStyleClass().removeAll("weak", "fair", "strong");
        bar.getStyleClass().add(score < 2 ? "weak" : score < PassphrasePolicy.MIN_SCORE ? "fair" : "strong");
        verdict.setText(passphrase.length == 0 ? "" : Ui.text("passphrase.score." + score));
    }
}
