package org.consulardesk.registry.ui;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.service.PersonService;

/**
 * The list of registered citizens, read one page at a time from the database and searched by
 * name prefix as the user types.
 */
public final class RegistryView implements View {
    static final int PAGE_SIZE = 100;

    private final VBox root;
    private final PersonService service;
    private final BackgroundTasks tasks;
    private final TextField search = Ui.field("registry.search");
    private final ObservableList<Person> people = FXCollections.observableArrayList();
    private final Label range = new Label();
    private final PauseTransition typingPause = new PauseTransition(Duration.millis(200));
    private int offset;
    private int total;

    public RegistryView(PersonService service, BackgroundTasks tasks) {
        this.service = service;
        this.tasks = tasks;
        search.setPromptText(Ui.text("registry.search.prompt"));
        typingPause.setOnFinished(e -> {
            offset = 0;
            load();
        });
        search.textProperty().addListener((o, a, b) -> typingPause.playFromStart());

        TableView<Person> table = new TableView<>(people);
        table.setId("registry-table");
        table.setAccessibleText(Ui.text("registry.title"));
        table.setPlaceholder(Ui.label("registry.empty"));
        table.getColumns().add(Ui.column("registry.col.family", Person::familyName, 180));
        table.getColumns().add(Ui.column("registry.col.given", Person::givenNames, 180));
        table.getColumns().add(Ui.column("registry.col.sex", p -> String.valueOf(p.sex()), 60));
        table.getColumns().add(Ui.column("registry.col.birth", p -> p.birthDate() == null ? "" : p.birthDate(), 120));
        table.getColumns().add(Ui.column("registry.col.city", p -> p.city() == null ? "" : p.city(), 140));
        table.getColumns().add(Ui.column("registry.col.purpose", p -> Ui.text("purpose." + p.purpose().name()), 120));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
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
        HBox footer = new HBox(8, previous, next, range);
        footer.setAlignment(Pos.CENTER_LEFT);
        root = Ui.page(Ui.styled(Styles.TITLE, "registry.title"), Ui.styled(Styles.MUTED, "registry.intro"), search, table, footer);
    }

    private void load() {
        String query = search.getText();
        int start = offset;
        tasks.run(Ui.text("registry.loading"), p -> new Page(service.count(query), service.search(query, start, PAGE_SIZE)),
                page -> {
                    total = page.total();
                    people.setAll(page.people());
                    range.setText(total == 0 ? "" : Ui.text("registry.range", start + 1, Math.min(total, start + PAGE_SIZE), total));
                }, failure -> range.setText(Ui.describe(failure)));
    }

    private record Page(int total, List<Person> people) {
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
