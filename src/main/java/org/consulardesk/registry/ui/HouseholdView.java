package org.consulardesk.registry.ui;

import java.util.Optional;
import java.util.function.LongConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.UserError;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.registry.model.Household;
import org.consulardesk.registry.model.HouseholdMember;
import org.consulardesk.registry.model.HouseholdRelationship;
import org.consulardesk.registry.service.HouseholdService;

/**
 * A household found through one of its registered members: its members (registered ones open the
 * person form), adding a relative who is not registered or a registrant by registration number,
 * removing members. Every change carries the household version shown, so a stale screen is refused.
 */
public final class HouseholdView implements View {
    private final VBox root;
    private final HouseholdService service;
    private final BackgroundTasks tasks;
    private final TextField personNumber = Ui.field("household.personNumber");
    private final Label heading = new Label();
    private final Label error = Ui.errorLabel("household-error");
    private final ObservableList<HouseholdMember> members = FXCollections.observableArrayList();
    private final TableView<HouseholdMember> table = new TableView<>(members);
    private final TextField newLabel = Ui.field("household.label");
    private final HBox createBox;
    private final VBox editBox;
    private final TextField relFamily = Ui.field("household.relative.family");
    private final TextField relGiven = Ui.field("household.relative.given");
    private final TextField relBirth = Ui.field("household.relative.birth");
    private final ComboBox<HouseholdRelationship> relRelationship = relationshipBox("household-relative-relationship");
    private final CheckBox relTravelling = new CheckBox(Ui.text("household.travellingWith"));
    private final TextField regNumber = Ui.field("household.registrant.number");
    private final ComboBox<HouseholdRelationship> regRelationship = relationshipBox("household-registrant-relationship");
    private final CheckBox regTravelling = new CheckBox(Ui.text("household.travellingWith"));
    private LongConsumer onOpen = id -> { };
    private Household household;
    private long searchedPerson;

    public HouseholdView(HouseholdService service, BackgroundTasks tasks) {
        this.service = service;
        this.tasks = tasks;
        personNumber.setPromptText(Ui.text("household.personNumber"));
        personNumber.setPrefColumnCount(10);
        personNumber.setOnAction(e -> find());
        Button find = Ui.button("household.find", e -> find());
        find.setId("household-find");
        HBox search = new HBox(8, personNumber, find);
        search.setAlignment(Pos.CENTER_LEFT);

        newLabel.setPromptText(Ui.text("household.label"));
        Button create = Ui.button("household.create", e -> create());
        create.setId("household-create");
        createBox = new HBox(8, newLabel, create);
        createBox.setAlignment(Pos.CENTER_LEFT);

        heading.setId("household-heading");
        heading.getStyleClass().add(Styles.SUBTITLE);
        table.setId("household-table");
        table.setAccessibleText(Ui.text("household.title"));
        table.setPlaceholder(Ui.label("household.empty"));
        table.getColumns().add(Ui.column("household.col.family", m -> nz(m.familyName()), 160));
        table.getColumns().add(Ui.column("household.col.given", m -> nz(m.givenNames()), 160));
        table.getColumns().add(Ui.column("household.col.birth", m -> nz(m.birthDate()), 100));
        table.getColumns().add(Ui.column("household.col.relationship",
                m -> Ui.text("household.relationship." + m.relationship().name()), 150));
        table.getColumns().add(Ui.column("household.col.travelling",
                m -> Ui.text(m.travellingWith() ? "household.yes" : "household.no"), 110));
        table.getColumns().add(Ui.column("household.col.registered", m -> m.personId() == null
                ? Ui.text("household.notRegistered") : Ui.text("household.registered", m.personId().toString()), 120));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(220);
        table.setRowFactory(t -> {
            TableRow<HouseholdMember> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        Button openPerson = Ui.button("household.open", e -> open(table.getSelectionModel().getSelectedItem()));
        openPerson.setId("household-open");
        Button remove = Ui.button("household.remove", e -> remove());
        remove.setId("household-remove");
        openPerson.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        VBox.setVgrow(table, Priority.ALWAYS);

        GridPane relative = Ui.form();
        Ui.row(relative, 0, "household.relative.family", relFamily);
        Ui.row(relative, 1, "household.relative.given", relGiven);
        Ui.row(relative, 2, "household.relative.birth", relBirth);
        Ui.row(relative, 3, "household.relationship", relRelationship);
        relative.add(relTravelling, 1, 4);
        relTravelling.setId("household-relative-travelling");
        Button addRelative = Ui.button("household.relative.add", e -> addRelative());
        addRelative.setId("household-relative-add");
        relative.add(addRelative, 1, 5);

        GridPane registrant = Ui.form();
        Ui.row(registrant, 0, "household.registrant.number", regNumber);
        Ui.row(registrant, 1, "household.relationship", regRelationship);
        registrant.add(regTravelling, 1, 2);
        regTravelling.setId("household-registrant-travelling");
        Button addRegistrant = Ui.button("household.registrant.add", e -> addRegistrant());
        addRegistrant.setId("household-registrant-add");
        registrant.add(addRegistrant, 1, 3);

        HBox forms = new HBox(24,
                Ui.card(Ui.styled(Styles.SUBTITLE, "household.relative.heading"), relative),
                Ui.card(Ui.styled(Styles.SUBTITLE, "household.registrant.heading"), registrant));
        editBox = new VBox(12, heading, table, new HBox(8, openPerson, remove), forms);
        show(null);
        root = Ui.page(Ui.styled(Styles.TITLE, "household.title"), Ui.styled(Styles.MUTED, "household.intro"), search,
                createBox, error, editBox);
    }

    /** Called with a registered member's id to open the person form. */
    public void setOnOpen(LongConsumer onOpen) {
        this.onOpen = onOpen == null ? id -> { } : onOpen;
    }

    /** Shows the household of a registrant (e.g. opened from the person form). */
    public void showPerson(long personId) {
        personNumber.setText(Long.toString(personId));
        find();
    }

    private void find() {
        Optional<Long> id = number(personNumber);
        if (id.isEmpty()) {
            error.setText(Ui.text("error.person.notFound", nz(personNumber.getText())));
            return;
        }
        long person = id.get();
        tasks.run(Ui.text("household.loading"), p -> new Found(service.householdOf(person).orElse(null)), found -> {
            searchedPerson = person;
            error.setText(found.household() == null ? Ui.text("household.none", Long.toString(person)) : "");
            show(found.household());
            createBox.setVisible(found.household() == null);
            createBox.setManaged(found.household() == null);
        }, failure -> error.setText(Ui.describe(failure)));
    }

    private void create() {
        long person = searchedPerson;
        String label = newLabel.getText();
        tasks.run(Ui.text("household.saving"), p -> {
            Household h = service.create(label);
            return service.addRegistrant(h.id(), h.version(), person, HouseholdRelationship.HEAD, false);
        }, h -> {
            newLabel.clear();
            error.setText("");
            show(h);
        }, failure -> error.setText(Ui.describe(failure)));
    }

    private void addRelative() {
        if (household == null) {
            return;
        }
        long id = household.id();
        int version = household.version();
        String family = relFamily.getText();
        String given = relGiven.getText();
        String birth = relBirth.getText();
        HouseholdRelationship rel = relRelationship.getValue();
        boolean travelling = relTravelling.isSelected();
        change(() -> service.addRelative(id, version, family, given, birth, rel, travelling), () -> {
            relFamily.clear();
            relGiven.clear();
            relBirth.clear();
            relTravelling.setSelected(false);
        });
    }

    private void addRegistrant() {
        if (household == null) {
            return;
        }
        Optional<Long> person = number(regNumber);
        if (person.isEmpty()) {
            error.setText(Ui.text("error.person.notFound", nz(regNumber.getText())));
            return;
        }
        long id = household.id();
        int version = household.version();
        HouseholdRelationship rel = regRelationship.getValue();
        boolean travelling = regTravelling.isSelected();
        change(() -> service.addRegistrant(id, version, person.get(), rel, travelling), () -> {
            regNumber.clear();
            regTravelling.setSelected(false);
        });
    }

    private void remove() {
        HouseholdMember selected = table.getSelectionModel().getSelectedItem();
        if (household == null || selected == null) {
            return;
        }
        long id = household.id();
        int version = household.version();
        change(() -> service.removeMember(id, version, selected.id()), () -> { });
    }

    private void change(java.util.function.Supplier<Household> work, Runnable after) {
        tasks.run(Ui.text("household.saving"), p -> work.get(), h -> {
            error.setText("");
            after.run();
            show(h);
        }, failure -> {
            error.setText(Ui.describe(failure));
            if (failure instanceof UserError u && "error.concurrentChange".equals(u.key()) && household != null) {
                long id = household.id();
                tasks.run(Ui.text("household.loading"), p -> service.get(id), this::show, f -> { });
            }
        });
    }

    private void show(Household h) {
        household = h;
        editBox.setVisible(h != null);
        editBox.setManaged(h != null);
        if (h == null) {
            members.clear();
            heading.setText("");
        } else {
            members.setAll(h.members());
            heading.setText(Ui.text("household.heading", h.label(), h.members().size()));
            createBox.setVisible(false);
            createBox.setManaged(false);
        }
    }

    private void open(HouseholdMember member) {
        if (member != null && member.personId() != null) {
            onOpen.accept(member.personId());
        }
    }

    private static Optional<Long> number(TextField field) {
        String text = field.getText() == null ? "" : field.getText().strip();
        return text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private record Found(Household household) {
    }

    private static ComboBox<HouseholdRelationship> relationshipBox(String id) {
        ComboBox<HouseholdRelationship> box = new ComboBox<>(FXCollections.observableArrayList(HouseholdRelationship.values()));
        box.setId(id);
        box.setValue(HouseholdRelationship.OTHER);
        box.setAccessibleText(Ui.text("household.relationship"));
        box.setButtonCell(new RelationshipCell());
        box.setCellFactory(l -> new RelationshipCell());
        return box;
    }

    private static final class RelationshipCell extends ListCell<HouseholdRelationship> {
        @Override
        protected void updateItem(HouseholdRelationship item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Ui.text("household.relationship." + item.name()));
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return personNumber;
    }
}
