package org.consulardesk.registry.ui;

import java.util.List;
import java.util.function.LongConsumer;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.registry.model.ConsentPurpose;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.RegistrySearch;
import org.consulardesk.registry.model.SearchSort;
import org.consulardesk.registry.model.VulnerabilityCode;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.registry.service.SearchService;

/**
 * The list of registered citizens, read one page at a time from the database (sorted there too)
 * and searched as the user types: names in any order or script with typos, document numbers,
 * phones; with filters. Keyboard: type, Down into the list, Enter opens.
 */
public final class RegistryView implements View {
    static final int PAGE_SIZE = 100;
    static final int COUNT_CAP = 1_000;

    private final VBox root;
    private final SearchService service;
    private final BackgroundTasks tasks;
    private final TextField search = Ui.field("registry.search");
    private final TextField city = Ui.field("registry.filter.city");
    private final TextField district = Ui.field("registry.filter.district");
    private final TextField expiring = Ui.field("registry.filter.expiring");
    private final ComboBox<VulnerabilityCode> vulnerability = combo(VulnerabilityCode.values(), "registry.vulnerability.", "registry-vulnerability");
    private final ComboBox<PurposeOfStay> purpose = combo(PurposeOfStay.values(), "purpose.", "registry-purpose");
    private final ComboBox<ConsentPurpose> consent = combo(ConsentPurpose.values(), "registry.consent.", "registry-consent");
    private final ObservableList<PersonHit> people = FXCollections.observableArrayList();
    private final TableView<PersonHit> table = new TableView<>(people);
    private final Label range = new Label();
    private final PauseTransition typingPause = new PauseTransition(Duration.millis(150));
    private SearchSort sort = SearchSort.RELEVANCE;
    private boolean descending;
    private LongConsumer onOpen = id -> { };
    private int offset;
    private int total;
    private long generation;

    public RegistryView(PersonService persons, BackgroundTasks tasks) {
        this.service = persons.searching();
        this.tasks = tasks;
        search.setPromptText(Ui.text("registry.search.prompt"));
        city.setPromptText(Ui.text("registry.filter.city"));
        district.setPromptText(Ui.text("registry.filter.district"));
        expiring.setPromptText(Ui.text("registry.filter.expiring"));
        expiring.setPrefColumnCount(16);
        typingPause.setOnFinished(e -> {
            offset = 0;
            load();
        });
        for (TextField f : List.of(search, city, district, expiring)) {
            f.textProperty().addListener((o, a, b) -> typingPause.playFromStart());
        }
        for (ComboBox<?> c : List.of(vulnerability, purpose, consent)) {
            c.valueProperty().addListener((o, a, b) -> {
                offset = 0;
                load();
            });
        }
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !people.isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
                table.getFocusModel().focus(0);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && !people.isEmpty()) {
                onOpen.accept(people.get(0).id());
                e.consume();
            }
        });

        table.setId("registry-table");
        table.setAccessibleText(Ui.text("registry.title"));
        table.setPlaceholder(Ui.label("registry.empty"));
        table.getColumns().add(sortable(Ui.column("registry.col.family", PersonHit::familyName, 180), SearchSort.NAME));
        table.getColumns().add(unsortable(Ui.column("registry.col.given", PersonHit::givenNames, 180)));
        table.getColumns().add(sortable(Ui.column("registry.col.birth", p -> p.birthDate() == null ? "" : p.birthDate(), 110),
                SearchSort.BIRTH_DATE));
        table.getColumns().add(sortable(Ui.column("registry.col.city", p -> p.city() == null ? "" : p.city(), 130), SearchSort.CITY));
        table.getColumns().add(unsortable(Ui.column("registry.col.district", p -> p.district() == null ? "" : p.district(), 130)));
        table.getColumns().add(unsortable(Ui.column("registry.col.purpose", p -> Ui.text("purpose." + p.purpose().name()), 110)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // The database sorts: the table only reports which column the user asked for.
        table.setSortPolicy(t -> {
            TableColumn<PersonHit, ?> first = t.getSortOrder().isEmpty() ? null : t.getSortOrder().get(0);
            SearchSort wanted = first == null ? SearchSort.RELEVANCE : (SearchSort) first.getUserData();
            boolean desc = first != null && first.getSortType() == TableColumn.SortType.DESCENDING;
            if (wanted != sort || desc != descending) {
                sort = wanted;
                descending = desc;
                offset = 0;
                load();
            }
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<PersonHit> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            PersonHit selected = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                onOpen.accept(selected.id());
                e.consume();
            } else if (e.getCode() == KeyCode.UP && table.getSelectionModel().getSelectedIndex() <= 0) {
                search.requestFocus();
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        range.setId("registry-range");
        Button previous = Ui.button("registry.previous", e -> {
            if (offset > 0) {
                offset = Math.max(0, offset - PAGE_SIZE);
                load();
            }
        });
        Button next = Ui.button("registry.next", e -> {
            if (offset + PAGE_SIZE < total) {
                offset += PAGE_SIZE;
                load();
            }
        });
        Button clear = Ui.button("registry.filter.clear", e -> {
            city.clear();
            district.clear();
            expiring.clear();
            vulnerability.setValue(null);
            purpose.setValue(null);
            consent.setValue(null);
        });
        FlowPane filters = new FlowPane(8, 8, city, district, vulnerability, purpose, expiring, consent, clear);
        HBox footer = new HBox(8, previous, next, range);
        footer.setAlignment(Pos.CENTER_LEFT);
        root = Ui.page(Ui.styled(Styles.TITLE, "registry.title"), Ui.styled(Styles.MUTED, "registry.intro"), search, filters,
                table, footer);
    }

    /** Called with the person's id when the user presses Enter on a row or double-clicks it. */
    public void setOnOpen(LongConsumer onOpen) {
        this.onOpen = onOpen == null ? id -> { } : onOpen;
    }

    RegistrySearch query() {
        Integer days = null;
        String d = expiring.getText() == null ? "" : expiring.getText().strip();
        if (d.matches("\\d{1,5}")) {
            days = Integer.parseInt(d);
        }
        return new RegistrySearch(search.getText(), city.getText(), district.getText(), vulnerability.getValue(),
                purpose.getValue(), days, consent.getValue(), sort, descending);
    }

    private void load() {
        RegistrySearch query = query();
        int start = offset;
        long mine = ++generation;
        // A broad search is counted only up to a cap: nobody pages through ten thousand names.
        tasks.run(Ui.text("registry.loading"), p -> new Page(service.countUpTo(query, COUNT_CAP), service.search(query, start, PAGE_SIZE)),
                page -> {
                    if (mine != generation) {
                        return; // a later keystroke asked for something else
                    }
                    total = page.total();
                    people.setAll(page.people());
                    int last = Math.min(total, start + PAGE_SIZE);
                    range.setText(total == 0 ? "" : total >= COUNT_CAP
                            ? Ui.text("registry.rangeMore", start + 1, last, COUNT_CAP)
                            : Ui.text("registry.range", start + 1, last, total));
                }, failure -> range.setText(Ui.describe(failure)));
    }

    private record Page(int total, List<PersonHit> people) {
    }

    private static <T> TableColumn<PersonHit, T> sortable(TableColumn<PersonHit, T> column, SearchSort sort) {
        column.setUserData(sort);
        column.setSortable(true);
        return column;
    }

    private static <T> TableColumn<PersonHit, T> unsortable(TableColumn<PersonHit, T> column) {
        column.setSortable(false);
        return column;
    }

    private static <E extends Enum<E>> ComboBox<E> combo(E[] values, String keyPrefix, String id) {
        ComboBox<E> box = new ComboBox<>();
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setId(id);
        box.setPromptText(Ui.text(keyPrefix + "any"));
        box.setAccessibleText(Ui.text(keyPrefix + "any"));
        box.setButtonCell(new EnumCell<>(keyPrefix));
        box.setCellFactory(l -> new EnumCell<>(keyPrefix));
        return box;
    }

    private static final class EnumCell<E extends Enum<E>> extends ListCell<E> {
        private final String keyPrefix;

        EnumCell(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        @Override
        protected void updateItem(E item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : Ui.text(keyPrefix + (item == null ? "any" : item.name())));
        }
    }

    @Override
    public void activate() {
        load();
    }

    @Override
    public void deactivate() {
        typingPause.stop();
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return search;
    }
}
