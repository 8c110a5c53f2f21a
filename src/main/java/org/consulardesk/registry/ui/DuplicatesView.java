package org.consulardesk.registry.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.registry.model.DuplicateCandidate;
import org.consulardesk.registry.model.MergeEntry;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.DuplicateCursor;
import org.consulardesk.registry.model.DuplicatePage;
import org.consulardesk.registry.service.DuplicateService;
import org.consulardesk.registry.service.MergeService;
import org.consulardesk.registry.service.RegistrationService;

/**
 * Likely duplicate registrations with their score and reasons; Enter compares a pair side by side
 * ({@link MergePane}), D dismisses it as two different people. Below, the latest merges; the head
 * of post can undo one.
 */
public final class DuplicatesView implements View {
    static final int LIMIT = 200;
    /**
     * The first page: a stretch that stops at this many pairs or after a short time
     * ({@link DuplicateService#firstPage}); the rest of the first {@link #LIMIT} and the latest merges
     * follow in the background (ADR 0065, amended).
     */
    static final int FIRST_PAGE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final DuplicateService duplicates;
    private final MergeService merges;
    private final RegistrationService registrations;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final boolean canUndo;
    private final StackPane root = new StackPane();
    private final VBox list;
    private final ObservableList<DuplicateCandidate> rows = FXCollections.observableArrayList();
    private final TableView<DuplicateCandidate> table = new TableView<>(rows);
    private final ObservableList<MergeEntry> mergeRows = FXCollections.observableArrayList();
    private final TableView<MergeEntry> mergeTable = new TableView<>(mergeRows);
    private final Label status = new Label();
    private final Label error = Ui.errorLabel("duplicates-error");
    private MergePane open;
    /** Where the walk of the blocking keys goes on (ADR 0065); "Look further" continues there. */
    private DuplicateCursor next = DuplicateCursor.START;
    private final Button further = Ui.button("duplicates.further", e -> further());
    private long generation;

    public DuplicatesView(DuplicateService duplicates, MergeService merges, RegistrationService registrations,
                          BackgroundTasks tasks, DialogService dialogs, boolean canUndo) {
        this.duplicates = duplicates;
        this.merges = merges;
        this.registrations = registrations;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.canUndo = canUndo;

        table.setId("duplicates-table");
        table.setAccessibleText(Ui.text("duplicates.title"));
        table.setPlaceholder(Ui.label("duplicates.empty"));
        table.getColumns().add(Ui.column("duplicates.col.score", c -> Math.round(c.score() * 100) + " %", 70));
        table.getColumns().add(Ui.column("duplicates.col.left", c -> describe(c.left()), 260));
        table.getColumns().add(Ui.column("duplicates.col.right", c -> describe(c.right()), 260));
        table.getColumns().add(Ui.column("duplicates.col.reasons", DuplicatesView::reasons, 260));
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<DuplicateCandidate> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    compare(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            DuplicateCandidate selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && e.getCode() == KeyCode.ENTER) {
                compare(selected);
                e.consume();
            } else if (selected != null && e.getCode() == KeyCode.D) {
                dismiss(selected);
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button compare = Ui.primary("duplicates.compare", e -> {
            DuplicateCandidate selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                compare(selected);
            }
        });
        compare.setId("duplicates-compare");
        compare.setDefaultButton(false);
        compare.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button dismiss = Ui.button("duplicates.dismiss", e -> {
            DuplicateCandidate selected = table.getSelectionModel().getSelectedItem();
            if (selected != null) {
                dismiss(selected);
            }
        });
        dismiss.setId("duplicates-dismiss");
        dismiss.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button refresh = Ui.button("duplicates.refresh", e -> load());
        refresh.setId("duplicates-refresh");
        status.setId("duplicates-status");
        further.setId("duplicates-further");
        further.setDisable(true);
        HBox actions = new HBox(8, compare, dismiss, refresh, further, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        mergeTable.setId("duplicates-merges");
        mergeTable.setAccessibleText(Ui.text("duplicates.merges"));
        mergeTable.setPlaceholder(Ui.label("duplicates.merges.empty"));
        mergeTable.getColumns().add(Ui.column("duplicates.merges.col.when", m -> WHEN.format(m.mergedAt()), 130));
        mergeTable.getColumns().add(Ui.column("duplicates.merges.col.kept", m -> m.survivorName() + " (" + m.survivorId() + ")", 230));
        mergeTable.getColumns().add(Ui.column("duplicates.merges.col.merged", m -> m.mergedName() + " (" + m.mergedId() + ")", 230));
        mergeTable.getColumns().add(Ui.column("duplicates.merges.col.by", MergeEntry::mergedBy, 110));
        mergeTable.getColumns().add(Ui.column("duplicates.merges.col.state",
                m -> m.undoneAt() == null ? "" : Ui.text("duplicates.merges.undone", WHEN.format(m.undoneAt())), 150));
        mergeTable.getColumns().forEach(c -> c.setSortable(false));
        mergeTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        mergeTable.setPrefHeight(150);
        mergeTable.setMinHeight(110);
        Button undo = Ui.button("duplicates.undo", e -> undo());
        undo.setId("duplicates-undo");
        undo.disableProperty().bind(mergeTable.getSelectionModel().selectedItemProperty().isNull());
        undo.setVisible(canUndo);
        undo.setManaged(canUndo);
        Label mergesTitle = Ui.styled(Styles.SUBTITLE, "duplicates.merges");
        HBox mergesHead = new HBox(12, mergesTitle, undo);
        mergesHead.setAlignment(Pos.CENTER_LEFT);

        list = Ui.page(Ui.styled(Styles.TITLE, "duplicates.title"), Ui.styled(Styles.MUTED, "duplicates.intro"), actions,
                table, mergesHead, mergeTable, error);
        list.setId("duplicates-list");
        root.getChildren().add(list);
    }

    static String describe(Person p) {
        return p.familyName() + ", " + p.givenNames() + "  \u00b7  " + (p.birthDate() == null ? "\u2014" : p.birthDate())
                + (p.city() == null ? "" : "  \u00b7  " + p.city()) + "  (" + p.id() + ")";
    }

    static String reasons(DuplicateCandidate c) {
        return c.reasons().stream().map(r -> Ui.text(r.messageKey())).collect(Collectors.joining(" + "));
    }

    /**
     * The first page: a short stretch of the walk ({@link DuplicateService#firstPage}), shown at once;
     * then {@link #rest} reads on behind it.
     */
    private void load() {
        long mine = ++generation;
        status.setText(Ui.text("duplicates.loading"));
        further.setDisable(true);
        tasks.run(Ui.text("duplicates.loading"), p -> duplicates.firstPage(FIRST_PAGE), page -> {
            if (mine != generation) {
                return;
            }
            error.setText("");
            rows.setAll(page.candidates());
            next = page.next();
            if (!rows.isEmpty() && table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().select(0);
            }
            rest(mine, page.more());
        }, failure -> {
            status.setText("");
            error.setText(Ui.describe(failure));
        });
    }

    /** Behind the first page: the rest of the first {@link #LIMIT} pairs (when the walk goes on) and the latest merges. */
    private void rest(long mine, boolean more) {
        DuplicateCursor from = next;
        int limit = LIMIT - rows.size();
        boolean readOn = more && limit > 0;
        status.setText(Ui.text(readOn ? "duplicates.countLooking" : more ? "duplicates.countMore" : "duplicates.count", rows.size()));
        tasks.run(Ui.text("duplicates.loading"), p -> new Loaded(readOn ? duplicates.page(from, limit) : null, merges.merges(0, 50)),
                loaded -> {
                    if (mine != generation) {
                        return;
                    }
                    mergeRows.setAll(loaded.merges());
                    boolean stillMore = more;
                    if (loaded.page() != null) {
                        append(loaded.page());
                        stillMore = loaded.page().more();
                    }
                    further.setDisable(!stillMore);
                    status.setText(Ui.text(stillMore ? "duplicates.countMore" : "duplicates.count", rows.size()));
                }, failure -> {
                    further.setDisable(!more);
                    status.setText(Ui.text(more ? "duplicates.countMore" : "duplicates.count", rows.size()));
                    error.setText(Ui.describe(failure));
                });
    }

    private record Loaded(DuplicatePage page, List<MergeEntry> merges) {
    }

    /** Continues the walk where it stopped and adds what it finds below the pairs listed. */
    private void further() {
        long mine = ++generation;
        DuplicateCursor from = next;
        further.setDisable(true);
        status.setText(Ui.text("duplicates.countLooking", rows.size()));
        tasks.run(Ui.text("duplicates.loading"), p -> duplicates.page(from, LIMIT), page -> {
            if (mine != generation) {
                return;
            }
            error.setText("");
            append(page);
            further.setDisable(!page.more());
            status.setText(Ui.text(page.more() ? "duplicates.countMore" : "duplicates.count", rows.size()));
        }, failure -> {
            status.setText("");
            error.setText(Ui.describe(failure));
        });
    }

    /** Adds the pairs of a further stretch below those listed (a pair already listed stays where it is). */
    private void append(DuplicatePage page) {
        java.util.Set<String> listed = new java.util.HashSet<>();
        rows.forEach(c -> listed.add(c.left().id() + "/" + c.right().id()));
        page.candidates().stream().filter(c -> listed.add(c.left().id() + "/" + c.right().id())).forEach(rows::add);
        next = page.next();
    }

    private record Pair(Registration left, Registration right) {
    }

    private void compare(DuplicateCandidate c) {
        tasks.run(Ui.text("duplicates.opening"), p -> new Pair(registrations.get(c.left().id()), registrations.get(c.right().id())),
                pair -> {
                    error.setText("");
                    open = new MergePane(pair.left(), pair.right(), merges, tasks, this::closeMerge, id -> {
                        closeMerge();
                        dialogs.showInfo(Ui.text("merge.title"), Ui.text("merge.done", pair.left().id(), pair.right().id()));
                        load();
                    });
                    list.setVisible(false);
                    root.getChildren().add(open.root());
                    MergePane pane = open;
                    // After the pulse that moves focus away from the hidden list.
                    javafx.application.Platform.runLater(() -> pane.initialFocus().requestFocus());
                }, failure -> error.setText(Ui.describe(failure)));
    }

    private void closeMerge() {
        if (open != null) {
            root.getChildren().remove(open.root());
            open = null;
        }
        list.setVisible(true);
        table.requestFocus();
    }

    private void dismiss(DuplicateCandidate c) {
        if (!dialogs.confirm(Ui.text("duplicates.dismiss.title"), Ui.text("duplicates.dismiss.question",
                c.left().familyName() + ", " + c.left().givenNames(), c.right().familyName() + ", " + c.right().givenNames()))) {
            return;
        }
        tasks.run(Ui.text("duplicates.dismissing"), p -> {
            duplicates.dismiss(c.left().id(), c.right().id());
            return null;
        }, done -> {
            rows.remove(c);
            status.setText(Ui.text("duplicates.count", rows.size()));
        }, failure -> error.setText(Ui.describe(failure)));
    }

    private void undo() {
        MergeEntry m = mergeTable.getSelectionModel().getSelectedItem();
        if (m == null || m.undoneAt() != null) {
            return;
        }
        if (!dialogs.confirm(Ui.text("duplicates.undo.title"), Ui.text("duplicates.undo.question", m.survivorId(), m.mergedId()))) {
            return;
        }
        tasks.run(Ui.text("duplicates.undoing"), p -> {
            merges.undo(m.id(), false);
            return null;
        }, done -> load(), failure -> {
            String message = Ui.describe(failure);
            if (isKey(failure, "error.merge.editedAfter")
                    && dialogs.confirm(Ui.text("duplicates.undo.title"), Ui.text("duplicates.undo.discard", m.survivorId()))) {
                tasks.run(Ui.text("duplicates.undoing"), p -> {
                    merges.undo(m.id(), true);
                    return null;
                }, done -> load(), again -> error.setText(Ui.describe(again)));
            } else {
                error.setText(message);
            }
        });
    }

    private static boolean isKey(Throwable failure, String key) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.consulardesk.core.UserError u) {
                return u.key().equals(key);
            }
        }
        return false;
    }

    boolean merging() {
        return open != null;
    }

    MergePane openPane() {
        return open;
    }

    @Override
    public void activate() {
        load();
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return table;
    }

    @Override
    public boolean mayLeave() {
        return true;
    }
}
