package org.consulardesk.security.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.model.AuditRecord;

/** The audit log: filter by user, action and dates; page through; check the hash chain. */
public final class AuditView implements View {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final VBox root;
    private final AuditViewModel vm;
    private final TextField actor = Ui.field("audit.filter.actor");

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
        actor.textProperty().bindBidirectional(vm.actor);
        actor.setPromptText(Ui.text("audit.filter.actor"));
        actor.setOnAction(e -> vm.search());
        ComboBox<String> action = new ComboBox<>(vm.actions);
        action.setId("audit-filter-action");
        action.setAccessibleText(Ui.text("audit.filter.action"));
        action.setPromptText(Ui.text("audit.filter.action"));
        action.valueProperty().bindBidirectional(vm.action);
        DatePicker from = new DatePicker();
        from.setAccessibleText(Ui.text("audit.filter.from"));
        from.setPromptText(Ui.text("audit.filter.from"));
        from.valueProperty().bindBidirectional(vm.from);
        DatePicker to = new DatePicker();
        to.setAccessibleText(Ui.text("audit.filter.to"));
        to.setPromptText(Ui.text("audit.filter.to"));
        to.valueProperty().bindBidirectional(vm.to);
        Button apply = Ui.button("audit.filter.apply", e -> vm.search());
        apply.setId("audit-apply");
        Button clear = Ui.button("audit.filter.clear", e -> {
            vm.actor.set("");
            vm.action.set(null);
            vm.from.set(null);
            vm.to.set(null);
            vm.search();
        });
        HBox filters = new HBox(8, actor, action, from, to, apply, clear);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<AuditRecord> table = new TableView<>(vm.entries);
        table.setId("audit-table");
        table.setAccessibleText(Ui.text("audit.title"));
        table.setPlaceholder(Ui.label("audit.empty"));
        table.getColumns().add(Ui.column("audit.col.seq", r -> Long.toString(r.seq()), 70));
        table.getColumns().add(Ui.column("audit.col.when", r -> WHEN.format(r.occurredAt()), 180));
        table.getColumns().add(Ui.column("audit.col.actor", AuditRecord::actor, 120));
        table.getColumns().add(Ui.column("audit.col.action", AuditRecord::action, 170));
        table.getColumns().add(Ui.column("audit.col.entity", r -> r.entityType() == null ? "" : r.entityType() + " " + r.entityId(), 130));
        table.getColumns().add(Ui.column("audit.col.fields", r -> r.fieldNames() == null ? "" : r.fieldNames(), 200));
        table.getColumns().add(Ui.column("audit.col.detail", r -> r.detail() == null ? "" : r.detail(), 160));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label range = new Label();
        range.setId("audit-range");
        range.textProperty().bind(Bindings.createStringBinding(() -> vm.total.get() == 0 ? ""
                : Ui.text("audit.range", vm.offset.get() + 1, Math.min(vm.total.get(), vm.offset.get() + AuditViewModel.PAGE_SIZE),
                vm.total.get()), vm.total, vm.offset));
        Button previous = Ui.button("audit.previous", e -> vm.previous());
        Button next = Ui.button("audit.next", e -> vm.next());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label verifyResult = new Label();
        verifyResult.setId("audit-verify-result");
        verifyResult.textProperty().bind(vm.verifyResult);
        vm.verifyStyle.addListener((o, a, style) -> {
            verifyResult.getStyleClass().removeAll(Styles.SUCCESS, Styles.ERROR);
            if ("ok".equals(style)) {
                verifyResult.getStyleClass().add(Styles.SUCCESS);
            } else if ("broken".equals(style)) {
                verifyResult.getStyleClass().add(Styles.ERROR);
            }
        });
        Button verify = Ui.button("audit.verify", e -> vm.verify());
        verify.setId("audit-verify");
        HBox footer = new HBox(8, previous, next, range, spacer, verifyResult, verify);
        footer.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.getStyleClass().add(Styles.ERROR);
        error.textProperty().bind(vm.error);

        root = Ui.page(Ui.styled(Styles.TITLE, "audit.title"), Ui.styled(Styles.MUTED, "audit.intro"), filters, table, footer, error);
    }


    @Override
    public Node root() {
        return root;
    }

    @Override
    public void activate() {
        vm.search();
    }

    @Override
    public Node initialFocus() {
        return actor;
    }
}
