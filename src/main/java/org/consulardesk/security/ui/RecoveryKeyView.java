package org.consulardesk.security.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.consulardesk.core.crypto.Randoms;
import org.consulardesk.core.crypto.RecoveryKey;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;

/**
 * Shows the recovery key once, in print-friendly groups, and asks the head of post to retype two
 * groups chosen at random before going on: proof that it was written down.
 */
public final class RecoveryKeyView implements View {
    private final VBox root;
    private final TextField first = Ui.field("recovery.confirm.first");
    private final int firstGroup;
    private final int secondGroup;

    public RecoveryKeyView(RecoveryKey key, String postName, Runnable onConfirmed) {
        List<String> groups = key.groups();
        int one = Randoms.nextInt(groups.size());
        int other = (one + 1 + Randoms.nextInt(groups.size() - 1)) % groups.size();
        firstGroup = Math.min(one, other);
        secondGroup = Math.max(one, other);

        GridPane grid = new GridPane();
        grid.setHgap(32);
        grid.setVgap(6);
        grid.setId("recovery-key-groups");
        for (int i = 0; i < groups.size(); i++) {
            Label number = new Label(Integer.toString(i + 1));
            number.getStyleClass().add(Styles.MUTED);
            Label group = new Label(groups.get(i));
            group.getStyleClass().add(Styles.RECOVERY_KEY);
            group.setAccessibleText(Ui.text("recovery.group", i + 1, String.join(" ", groups.get(i).split(""))));
            grid.add(number, i % 4, (i / 4) * 2);
            grid.add(group, i % 4, (i / 4) * 2 + 1);
        }
        VBox printable = Ui.card(Ui.styled(Styles.SUBTITLE, "recovery.printHeading", postName), grid,
                Ui.styled(Styles.MUTED, "recovery.printNote"));
        printable.setId("recovery-key-card");

        TextField second = Ui.field("recovery.confirm.second");
        first.setPromptText(Ui.text("recovery.groupNumber", firstGroup + 1));
        second.setPromptText(Ui.text("recovery.groupNumber", secondGroup + 1));
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR);
        error.setId("recovery-error");
        Button print = Ui.button("recovery.print", e -> print(printable));
        Button proceed = Ui.primary("recovery.continue", e -> {
            boolean ok = RecoveryKey.normalise(first.getText()).equals(groups.get(firstGroup))
                    && RecoveryKey.normalise(second.getText()).equals(groups.get(secondGroup));
            if (ok) {
                onConfirmed.run();
            } else {
                error.setText(Ui.text("recovery.mismatch"));
            }
        });
        GridPane confirm = Ui.form();
        confirmRow(confirm, 0, firstGroup, first);
        confirmRow(confirm, 1, secondGroup, second);

        HBox actions = new HBox(10, print, proceed);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox content = Ui.page(Ui.styled(Styles.TITLE, "recovery.title"), Ui.styled(Styles.MUTED, "recovery.intro"),
                printable, Ui.card(Ui.styled(Styles.SUBTITLE, "recovery.confirm.heading"), confirm, error), actions);
        content.setMaxWidth(760);
        root = new VBox(content);
        root.setAlignment(Pos.TOP_CENTER);
    }

    private static void confirmRow(GridPane grid, int row, int group, TextField field) {
        Label label = new Label(Ui.text("recovery.groupNumber", group + 1));
        label.setLabelFor(field);
        field.setAccessibleText(label.getText());
        grid.add(label, 0, row);
        grid.add(field, 1, row);
    }

    /** Groups the user must retype (1-based), for tests and for the prompt. */
    public int[] groupsToRetype() {
        return new int[] {firstGroup + 1, secondGroup + 1};
    }

    private static void print(Node node) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job != null && job.showPrintDialog(node.getScene().getWindow()) && job.printPage(node)) {
            job.endJob();
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return first;
    }
}
