package org.consulardesk.registry.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.geo.model.Place;
import org.consulardesk.registry.model.ConsentChannel;
import org.consulardesk.registry.model.ConsentPurpose;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactLocation;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.GeoPoint;
import org.consulardesk.registry.model.Household;
import org.consulardesk.registry.model.HouseholdMember;
import org.consulardesk.registry.model.HouseholdRelationship;
import org.consulardesk.registry.model.LocationSource;
import org.consulardesk.registry.model.NationalityEvidence;
import org.consulardesk.registry.model.Organisation;
import org.consulardesk.registry.model.OrganisationKind;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.VulnerabilityCode;
import org.consulardesk.security.ui.CountryChoices;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * The whole registration of one citizen on one scrolling page, in sections from identity to
 * restricted details. Ctrl+S saves, Escape goes back (asking first when something is unsaved).
 */
public final class PersonFormView implements View {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final PersonFormViewModel vm;
    private final java.util.function.Function<GeoPoint, java.util.Optional<double[]>> pointPicker;
    private final DialogService dialogs;
    private final Runnable onBack;
    private final long personId;
    private final VBox root;
    private final ScrollPane scroll;
    private final ValidationSupport validation = new ValidationSupport();
    private final TextField familyName = Ui.field("person.familyName");
    private final Button save = Ui.primary("person.save", e -> save());
    private final Label error = Ui.errorLabel("person-error");
    private final AutoCompletionBinding<Place> cityCompletion;
    private final ChangeListener<Node> focusFollower = (o, a, node) -> ensureVisible(node);
    /** The employment lines' auto-completions, disposed when the lines are rebuilt. */
    private final List<AutoCompletionBinding<?>> completions = new ArrayList<>();
    private java.util.function.LongConsumer onOpenPerson = id -> { };

    public PersonFormView(PersonFormViewModel vm, DialogService dialogs, long personId, Runnable onBack) {
        this(vm, dialogs, personId, onBack, null);
    }

    /**
     * @param pointPicker shows a map to pick the address's point (given the current one, may be null);
     *                    returns latitude and longitude, or empty when cancelled. Null: no map button.
     */
    public PersonFormView(PersonFormViewModel vm, DialogService dialogs, long personId, Runnable onBack,
                          java.util.function.Function<GeoPoint, java.util.Optional<double[]>> pointPicker) {
        this.pointPicker = pointPicker;
        this.vm = vm;
        this.dialogs = dialogs;
        this.personId = personId;
        this.onBack = onBack;
        validation.setErrorDecorationEnabled(false);

        TextField city = text("person.city", vm.city);
        ComboBox<String> country = CountryChoices.comboBox();
        country.setId("person-country");
        country.setAccessibleText(Ui.text("person.country"));
        country.valueProperty().bindBidirectional(vm.country);
        cityCompletion = TextFields.bindAutoCompletion(city,
                request -> vm.suggestCities(request.getUserText(), vm.country.get()), new StringConverter<>() {
                    @Override
                    public String toString(Place place) {
                        return place == null ? "" : place.name();
                    }

                    @Override
                    public Place fromString(String s) {
                        return null;
                    }
                });
        // The list shows the country too ("Paris (FR)", "Paris (US)"); choosing puts just the name in the field.
        cityCompletion.getAutoCompletionPopup().setConverter(new StringConverter<>() {
            @Override
            public String toString(Place place) {
                return place == null ? "" : Ui.text("person.citySuggestion", place.name(), CountryChoices.name(place.countryCode()),
                        place.countryCode());
            }

            @Override
            public Place fromString(String s) {
                return null;
            }
        });
        cityCompletion.setVisibleRowCount(10);
        cityCompletion.setOnAutoCompleted(e -> vm.choosePlace(e.getCompletion()));

        Label title = Ui.styled(Styles.TITLE, "person.title.new");
        title.textProperty().bind(vm.title);
        Button back = Ui.button("common.back", e -> onBack.run());
        back.setId("person-back");
        save.setId("person-save");
        save.disableProperty().bind(vm.busy);
        Label message = new Label();
        message.setId("person-message");
        message.getStyleClass().add(Styles.SUCCESS);
        message.textProperty().bind(vm.message);
        error.textProperty().bind(vm.error);
        for (Label l : List.of(message, error)) {
            // No empty gap above the form when there is nothing to say.
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label dirty = Ui.styled(Styles.MUTED, "person.unsavedMark");
        dirty.setWrapText(false);
        dirty.visibleProperty().bind(vm.dirty);
        HBox header = new HBox(12, back, title, spacer, dirty, save);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox sections = new VBox(16, identity(), whereabouts(city, country), contacts(), emergencyContacts(), documents(),
                employment(), household(), vulnerabilities(), consents(), restricted());
        sections.getStyleClass().add("cd-form-sections");
        scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setId("person-scroll");
        scroll.getStyleClass().add("cd-form-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root = Ui.page(header, Ui.styled(Styles.MUTED, "person.intro"), message, error, scroll);
        root.setId("person-form");

        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SAVE.match(e)) {
                e.consume();
                save();
            } else if (e.getCode() == KeyCode.ESCAPE && !popupOpen(root.getScene())) {
                e.consume();
                onBack.run();
            }
        });
    }

    private boolean popupOpen(Scene scene) {
        if (cityCompletion.getAutoCompletionPopup().isShowing()
                || completions.stream().anyMatch(c -> c.getAutoCompletionPopup().isShowing())
                || completionsFixed.stream().anyMatch(c -> c.getAutoCompletionPopup().isShowing())) {
            return true;
        }
        Node focus = scene == null ? null : scene.getFocusOwner();
        while (focus != null) {
            if (focus instanceof ComboBoxBase<?> box && box.isShowing()) {
                return true;
            }
            focus = focus.getParent();
        }
        return false;
    }

    // --- sections ---

    private Node identity() {
        GridPane grid = Ui.form();
        int r = 0;
        familyName.textProperty().bindBidirectional(vm.familyName);
        Ui.row(grid, r++, "person.familyName", familyName);
        Ui.row(grid, r++, "person.givenNames", text("person.givenNames", vm.givenNames));
        Ui.row(grid, r++, "person.familyNameOriginal", text("person.familyNameOriginal", vm.familyNameOriginal));
        Ui.row(grid, r++, "person.givenNamesOriginal", text("person.givenNamesOriginal", vm.givenNamesOriginal));
        TextArea aliases = area("person.aliases", vm.aliases, 2);
        aliases.setPromptText(Ui.text("person.aliases.prompt"));
        Ui.row(grid, r++, "person.aliases", aliases);
        ComboBox<Character> sex = combo("person.sex", List.of('F', 'M', 'X'), c -> Ui.text("person.sex." + c));
        sex.valueProperty().bindBidirectional(vm.sex);
        Ui.row(grid, r++, "person.sex", sex);
        TextField birth = text("person.birthDate", vm.birthDate);
        birth.setPromptText(Ui.text("person.birthDate.prompt"));
        Ui.row(grid, r++, "person.birthDate", birth);
        Ui.row(grid, r++, "person.placeOfBirth", text("person.placeOfBirth", vm.placeOfBirth));
        ComboBox<NationalityEvidence> evidence = combo("person.evidence", List.of(NationalityEvidence.values()),
                v -> Ui.text("person.evidence." + v.name()));
        evidence.valueProperty().bindBidirectional(vm.evidence);
        Ui.row(grid, r++, "person.evidence", evidence);
        TextField languages = text("person.languages", vm.languages);
        languages.setPromptText(Ui.text("person.languages.prompt"));
        Ui.row(grid, r++, "person.languages", languages);
        ComboBox<PurposeOfStay> purpose = combo("person.purpose", List.of(PurposeOfStay.values()),
                v -> Ui.text("purpose." + v.name()));
        purpose.valueProperty().bindBidirectional(vm.purpose);
        Ui.row(grid, r++, "person.purpose", purpose);
        Ui.row(grid, r++, "person.notes", area("person.notes", vm.notes, 3));

        validation.registerValidator(familyName, Validator.createEmptyValidator(Ui.text("error.person.familyNameRequired")));
        validation.registerValidator(sex, Validator.createEmptyValidator(Ui.text("person.invalid.sex")));
        validation.registerValidator(purpose, Validator.createEmptyValidator(Ui.text("error.person.purposeRequired")));
        validation.registerValidator(birth, false, check(s -> s == null || s.isBlank()
                || PersonFormViewModel.BIRTH_DATE.matcher(s.strip()).matches(), "person.invalid.birthDate"));
        return section("person.section.identity", grid);
    }

    private Node whereabouts(TextField city, ComboBox<String> country) {
        GridPane grid = Ui.form();
        int r = 0;
        Ui.row(grid, r++, "person.address1", text("person.address1", vm.address1));
        Ui.row(grid, r++, "person.address2", text("person.address2", vm.address2));
        Ui.row(grid, r++, "person.district", text("person.district", vm.district));
        city.setPromptText(Ui.text("person.city.prompt"));
        Ui.row(grid, r++, "person.city", city);
        Ui.row(grid, r++, "person.country", country);
        Label point = new Label();
        point.setId("person-point");
        point.setWrapText(true);
        point.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.point.get()), vm.point));
        point.setAccessibleText(Ui.text("person.point"));
        Button clear = Ui.button("person.point.clear", e -> vm.clearPoint());
        clear.setId("person-point-clear");
        clear.disableProperty().bind(vm.point.isNull());
        HBox pointRow = new HBox(12, point, clear);
        if (pointPicker != null) {
            Button pick = Ui.button("person.point.pick", e -> pointPicker.apply(vm.point.get()).ifPresent(ll ->
                    vm.point.set(new GeoPoint(ll[0], ll[1], PICKED_ACCURACY_METRES, LocationSource.MAP_PICK))));
            pick.setId("person-point-pick");
            pointRow.getChildren().add(1, pick);
        }
        pointRow.setAlignment(Pos.CENTER_LEFT);
        Ui.row(grid, r++, "person.point", pointRow);
        Ui.row(grid, r++, "person.confirmedOn", date("person.confirmedOn", vm.confirmedOn));
        Ui.row(grid, r++, "person.arrival", date("person.arrival", vm.arrival));
        Ui.row(grid, r++, "person.departure", date("person.departure", vm.departure));
        return section("person.section.whereabouts", grid);
    }

    /** A point picked on the map at street zoom is good to a few tens of metres. */
    static final int PICKED_ACCURACY_METRES = 30;

    private static String describe(GeoPoint p) {
        if (p == null) {
            return Ui.text("person.point.none");
        }
        return Ui.text("person.point.value", String.format(Locale.ROOT, "%.4f", p.latitude()),
                String.format(Locale.ROOT, "%.4f", p.longitude()), Ui.text("person.source." + p.source().name()),
                p.accuracyMetres() == null ? "?" : p.accuracyMetres());
    }

    private Node contacts() {
        return listSection("person.section.contacts", "person.contact.add", vm.contacts, vm::addContact, (row, i) -> {
            ComboBox<ContactKind> kind = combo("person.contact.kind", List.of(ContactKind.values()),
                    k -> Ui.text("person.contactKind." + k.name()));
            kind.valueProperty().bindBidirectional(row.kind);
            TextField value = text("person.contact.value", row.value);
            TextField app = text("person.contact.app", row.app);
            app.setPromptText(Ui.text("person.contact.app.prompt"));
            app.setPrefColumnCount(8);
            CheckBox preferred = new CheckBox(Ui.text("person.contact.preferred"));
            preferred.setAccessibleText(preferred.getText());
            preferred.selectedProperty().bindBidirectional(row.preferred);
            validation.registerValidator(value, false, check(v -> row.kind.get() != ContactKind.PHONE
                    || v == null || v.isBlank() || PersonFormViewModel.PHONE.matcher(v.strip()).matches(), "person.invalid.phone"));
            kind.valueProperty().addListener((o, a, b) -> validation.revalidate(value));
            HBox.setHgrow(value, Priority.ALWAYS);
            return List.of(kind, value, app, preferred);
        }, vm.contacts::remove);
    }

    private Node emergencyContacts() {
        return listSection("person.section.emergency", "person.emergency.add", vm.emergencyContacts, vm::addEmergencyContact,
                (row, i) -> {
                    TextField name = text("person.emergency.name", row.fullName);
                    TextField relationship = text("person.emergency.relationship", row.relationship);
                    relationship.setPrefColumnCount(8);
                    TextField phone = text("person.emergency.phone", row.phone);
                    TextField email = text("person.emergency.email", row.email);
                    ComboBox<ContactLocation> located = combo("person.emergency.located", List.of(ContactLocation.values()),
                            l -> Ui.text("person.located." + l.name()));
                    located.valueProperty().bindBidirectional(row.located);
                    validation.registerValidator(phone, false, check(v -> v == null || v.isBlank()
                            || PersonFormViewModel.PHONE.matcher(v.strip()).matches(), "person.invalid.phone"));
                    HBox.setHgrow(name, Priority.ALWAYS);
                    return List.of(name, relationship, phone, email, located);
                }, vm.emergencyContacts::remove);
    }

    private Node documents() {
        return listSection("person.section.documents", "person.document.add", vm.documents, vm::addDocument, (row, i) -> {
            ComboBox<DocumentType> type = combo("person.document.type", List.of(DocumentType.values()),
                    t -> Ui.text("person.documentType." + t.name()));
            type.valueProperty().bindBidirectional(row.type);
            TextField number = text("person.document.number", row.number);
            TextField authority = text("person.document.authority", row.authority);
            DatePicker issued = date("person.document.issued", row.issued);
            DatePicker expires = date("person.document.expires", row.expires);
            validation.registerValidator(number, false, check(v -> v != null && !v.isBlank(), "error.document.numberRequired"));
            HBox.setHgrow(number, Priority.ALWAYS);
            HBox.setHgrow(authority, Priority.ALWAYS);
            return List.of(type, number, authority, issued, expires);
        }, vm.documents::remove);
    }

    /**
     * Employments: employer and agency picked from the shared organisation records as the user types
     * (or created under the typed name), sector, workplace and contract dates.
     */
    private Node employment() {
        VBox lines = new VBox(10);
        Label empty = Ui.styled(Styles.MUTED, "person.list.empty");
        Runnable rebuild = () -> {
            completions.forEach(AutoCompletionBinding::dispose);
            completions.clear();
            lines.getChildren().clear();
            if (vm.employments.isEmpty()) {
                lines.getChildren().add(empty);
            }
            for (int i = 0; i < vm.employments.size(); i++) {
                if (i > 0) {
                    lines.getChildren().add(new Separator());
                }
                lines.getChildren().add(employmentLine(vm.employments.get(i), i));
            }
            validation.revalidate();
        };
        boolean[] userAdded = new boolean[1];
        vm.employments.addListener((ListChangeListener<PersonFormViewModel.EmploymentRow>) change -> {
            rebuild.run();
            if (userAdded[0] && !vm.employments.isEmpty()) {
                userAdded[0] = false;
                int last = vm.employments.size() - 1;
                Platform.runLater(() -> lines.lookup("#person-employment-employer-" + last).requestFocus());
            }
        });
        rebuild.run();
        Button add = Ui.button("person.employment.add", e -> {
            userAdded[0] = true;
            vm.addEmployment();
        });
        add.setId("person-employment-add");
        add.setDisable(!vm.mayPickOrganisations());
        Label message = new Label();
        message.setId("person-employment-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.employmentMessage);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        return section("person.section.employment", new VBox(10, Ui.styled(Styles.MUTED, "person.employment.intro"), lines,
                message, add));
    }

    private Node employmentLine(PersonFormViewModel.EmploymentRow row, int i) {
        TextField employer = organisationField(row, OrganisationKind.EMPLOYER, row.employerName, i);
        TextField agency = organisationField(row, OrganisationKind.AGENCY, row.agencyName, i);
        Button newEmployer = Ui.button("person.employment.newEmployer", e -> createOrganisation(row, OrganisationKind.EMPLOYER));
        newEmployer.setId("person-employment-newEmployer-" + i);
        newEmployer.setMinWidth(Region.USE_PREF_SIZE);
        newEmployer.disableProperty().bind(Bindings.createBooleanBinding(() -> !row.unpicked(OrganisationKind.EMPLOYER),
                row.employerId, row.employerName));
        Button newAgency = Ui.button("person.employment.newAgency", e -> createOrganisation(row, OrganisationKind.AGENCY));
        newAgency.setId("person-employment-newAgency-" + i);
        newAgency.setMinWidth(Region.USE_PREF_SIZE);
        newAgency.disableProperty().bind(Bindings.createBooleanBinding(() -> !row.unpicked(OrganisationKind.AGENCY),
                row.agencyId, row.agencyName));
        TextField sector = text("person.employment.sector", row.sector);
        sector.setId("person-employment-sector-" + i);
        sector.setPromptText(Ui.text("person.employment.sector.prompt"));
        TextField workplace = text("person.employment.workplace", row.workplace);
        workplace.setId("person-employment-workplace-" + i);
        DatePicker start = date("person.employment.start", row.start);
        start.setId("person-employment-start-" + i);
        DatePicker end = date("person.employment.end", row.end);
        end.setId("person-employment-end-" + i);
        Button remove = Ui.button("person.list.remove", e -> vm.employments.remove(row));
        remove.setId("person-employment-remove-" + i);
        remove.setAccessibleText(Ui.text("person.list.removeLine", i + 1));
        remove.setMinWidth(Region.USE_PREF_SIZE);

        validation.registerValidator(employer, false, check(v -> !row.unpicked(OrganisationKind.EMPLOYER),
                "person.invalid.employer"));
        validation.registerValidator(agency, false, check(v -> !row.unpicked(OrganisationKind.AGENCY), "person.invalid.agency"));
        row.employerId.addListener((o, a, b) -> validation.revalidate(employer));
        row.agencyId.addListener((o, a, b) -> validation.revalidate(agency));
        validation.registerValidator(end, false, (Control c, LocalDate v) -> ValidationResult.fromErrorIf(c,
                Ui.text("person.invalid.contractEnd"), c.getScene() != null && v != null && row.start.get() != null
                        && v.isBefore(row.start.get())));
        row.start.addListener((o, a, b) -> validation.revalidate(end));
        validation.registerValidator(sector, false, check(v -> v == null || v.strip().length() <= 60,
                "person.invalid.sector"));

        GridPane grid = Ui.form();
        grid.add(caption("person.employment.employer", employer), 0, 0);
        grid.add(employer, 1, 0);
        grid.add(newEmployer, 2, 0);
        grid.add(caption("person.employment.agency", agency), 3, 0);
        grid.add(agency, 4, 0);
        grid.add(newAgency, 5, 0);
        grid.add(caption("person.employment.sector", sector), 0, 1);
        grid.add(sector, 1, 1, 2, 1);
        grid.add(caption("person.employment.workplace", workplace), 3, 1);
        grid.add(workplace, 4, 1, 2, 1);
        grid.add(caption("person.employment.start", start), 0, 2);
        HBox dates = new HBox(8, start, caption("person.employment.end", end), end);
        dates.setAlignment(Pos.CENTER_LEFT);
        grid.add(dates, 1, 2, 4, 1);
        grid.add(remove, 5, 2);
        for (Node n : List.of(employer, agency, sector, workplace)) {
            GridPane.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setMaxWidth(Double.MAX_VALUE);
        }
        // Employer and agency share the width equally; labels and buttons keep their size.
        for (int c = 0; c < 6; c++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            if (c == 1 || c == 4) {
                cc.setHgrow(Priority.ALWAYS);
                cc.setPercentWidth(-1);
                cc.setMinWidth(120);
                cc.setPrefWidth(240);
            }
            grid.getColumnConstraints().add(cc);
        }
        return grid;
    }

    private static Label caption(String key, Node field) {
        Label label = Ui.label(key);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private TextField organisationField(PersonFormViewModel.EmploymentRow row, OrganisationKind kind,
                                        javafx.beans.property.StringProperty name, int i) {
        String key = kind == OrganisationKind.EMPLOYER ? "person.employment.employer" : "person.employment.agency";
        TextField field = text(key, name);
        field.setId(Ui.idFor(key) + "-" + i);
        field.setPromptText(Ui.text("person.employment.search.prompt"));
        field.setPrefColumnCount(14);
        AutoCompletionBinding<Organisation> binding = TextFields.bindAutoCompletion(field,
                request -> vm.suggestOrganisations(kind, request.getUserText()), new StringConverter<>() {
                    @Override
                    public String toString(Organisation o) {
                        return o == null ? "" : o.legalName();
                    }

                    @Override
                    public Organisation fromString(String s) {
                        return null;
                    }
                });
        binding.getAutoCompletionPopup().setConverter(new StringConverter<>() {
            @Override
            public String toString(Organisation o) {
                return o == null ? "" : o.countryCode() == null ? o.legalName()
                        : Ui.text("person.employment.suggestion", o.legalName(), o.countryCode());
            }

            @Override
            public Organisation fromString(String s) {
                return null;
            }
        });
        binding.setVisibleRowCount(8);
        binding.setOnAutoCompleted(e -> row.pick(kind, e.getCompletion()));
        completions.add(binding);
        return field;
    }

    private void createOrganisation(PersonFormViewModel.EmploymentRow row, OrganisationKind kind) {
        String name = PersonFormViewModel.strip((kind == OrganisationKind.EMPLOYER ? row.employerName : row.agencyName).get());
        String what = Ui.text(kind == OrganisationKind.EMPLOYER ? "person.employment.kind.employer" : "person.employment.kind.agency");
        if (dialogs.confirm(Ui.text("person.employment.create.title", what), Ui.text("person.employment.create.message", what, name))) {
            vm.createOrganisation(row, kind);
        }
    }

    /** Sets what the household section's "open" command does with a registered member's id. */
    public void setOnOpenPerson(java.util.function.LongConsumer onOpen) {
        this.onOpenPerson = onOpen == null ? id -> { } : onOpen;
    }

    /**
     * The registrant's household: its members with their relationship (changed in place), opening
     * a registered member, creating or joining a household, adding a registrant or a relative who is
     * not registered. These changes are saved at once, apart from the form.
     */
    private Node household() {
        Label status = new Label();
        status.setId("person-household-status");
        status.setWrapText(true);
        VBox members = new VBox(6);
        members.setId("person-household-members");

        TextField label = Ui.field("person.household.label");
        label.setPromptText(Ui.text("person.household.label.prompt"));
        label.setPrefColumnCount(16);
        Button create = Ui.button("person.household.create", e -> vm.createHousehold(label.getText()));
        create.setId("person-household-create");
        HBox createLine = new HBox(8, label, create);
        createLine.setAlignment(Pos.CENTER_LEFT);

        PersonHit[] chosen = new PersonHit[1];
        TextField registrant = Ui.field("person.household.registrant");
        registrant.setPromptText(Ui.text("person.household.registrant.prompt"));
        registrant.textProperty().addListener((o, a, b) -> {
            if (chosen[0] != null && !Objects.equals(b, registrantName(chosen[0]))) {
                chosen[0] = null;
            }
        });
        AutoCompletionBinding<PersonHit> registrantCompletion = TextFields.bindAutoCompletion(registrant,
                request -> vm.suggestRegistrants(request.getUserText()), new StringConverter<>() {
                    @Override
                    public String toString(PersonHit p) {
                        return p == null ? "" : registrantName(p);
                    }

                    @Override
                    public PersonHit fromString(String s) {
                        return null;
                    }
                });
        registrantCompletion.getAutoCompletionPopup().setConverter(new StringConverter<>() {
            @Override
            public String toString(PersonHit p) {
                return p == null ? "" : Ui.text("person.household.suggestion", p.familyName(), p.givenNames(),
                        p.birthDate() == null ? "?" : p.birthDate(), p.city() == null ? "?" : p.city(), Long.toString(p.id()));
            }

            @Override
            public PersonHit fromString(String s) {
                return null;
            }
        });
        registrantCompletion.setOnAutoCompleted(e -> chosen[0] = e.getCompletion());
        completionsFixed.add(registrantCompletion);
        ComboBox<HouseholdRelationship> relationship = relationshipBox("person-household-relationship");
        CheckBox travelling = new CheckBox(Ui.text("household.travellingWith"));
        travelling.setId("person-household-travelling");
        travelling.setAccessibleText(travelling.getText());
        travelling.setMinWidth(Region.USE_PREF_SIZE);
        Button join = Ui.button("person.household.join", e -> vm.joinHouseholdOf(chosen[0], relationship.getValue(),
                travelling.isSelected()));
        join.setId("person-household-join");
        Button addRegistrant = Ui.button("person.household.addRegistrant", e -> {
            vm.addRegistrant(chosen[0], relationship.getValue(), travelling.isSelected());
        });
        addRegistrant.setId("person-household-addRegistrant");
        for (Button b : List.of(join, addRegistrant, create)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(registrant, Priority.ALWAYS);
        HBox registrantLine = new HBox(8, registrant, relationship, travelling, join, addRegistrant);
        registrantLine.setAlignment(Pos.CENTER_LEFT);

        TextField relFamily = Ui.field("person.household.relative.family");
        relFamily.setPromptText(Ui.text("household.relative.family"));
        TextField relGiven = Ui.field("person.household.relative.given");
        relGiven.setPromptText(Ui.text("household.relative.given"));
        TextField relBirth = Ui.field("person.household.relative.birth");
        relBirth.setPromptText(Ui.text("person.household.relative.birth.prompt"));
        relBirth.setPrefColumnCount(8);
        ComboBox<HouseholdRelationship> relRelationship = relationshipBox("person-household-relative-relationship");
        CheckBox relTravelling = new CheckBox(Ui.text("household.travellingWith"));
        relTravelling.setId("person-household-relative-travelling");
        relTravelling.setAccessibleText(relTravelling.getText());
        relTravelling.setMinWidth(Region.USE_PREF_SIZE);
        Button addRelative = Ui.button("person.household.addRelative", e -> {
            vm.addRelative(relFamily.getText(), relGiven.getText(), relBirth.getText(), relRelationship.getValue(),
                    relTravelling.isSelected());
        });
        addRelative.setId("person-household-addRelative");
        addRelative.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(relFamily, Priority.ALWAYS);
        HBox.setHgrow(relGiven, Priority.ALWAYS);
        HBox relativeLine = new HBox(8, relFamily, relGiven, relBirth, relRelationship, relTravelling, addRelative);
        relativeLine.setAlignment(Pos.CENTER_LEFT);
        Label relativeHeading = Ui.label("household.relative.heading");
        Label registrantHeading = new Label();
        VBox inHousehold = new VBox(8, relativeHeading, relativeLine);

        Label message = new Label();
        message.setId("person-household-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.householdMessage);
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Runnable refresh = () -> {
            Household h = vm.household.get();
            boolean saved = vm.id() != 0;
            status.setText(!saved ? Ui.text("person.household.saveFirst") : h == null ? Ui.text("person.household.none")
                    : Ui.text("household.heading", h.label(), h.members().size()));
            members.getChildren().clear();
            if (h != null) {
                for (int i = 0; i < h.members().size(); i++) {
                    members.getChildren().add(memberLine(h.members().get(i), i));
                }
            }
            createLine.setVisible(saved && h == null);
            createLine.setManaged(createLine.isVisible());
            registrantLine.setVisible(saved);
            registrantLine.setManaged(saved);
            join.setVisible(h == null);
            join.setManaged(h == null);
            addRegistrant.setVisible(h != null);
            addRegistrant.setManaged(h != null);
            registrantHeading.setText(Ui.text(h == null ? "person.household.joinHeading" : "person.household.addHeading"));
            registrantHeading.setVisible(saved);
            registrantHeading.setManaged(saved);
            inHousehold.setVisible(h != null);
            inHousehold.setManaged(h != null);
            if (h != null) {
                registrant.clear();
                relFamily.clear();
                relGiven.clear();
                relBirth.clear();
            }
        };
        vm.household.addListener((o, a, b) -> refresh.run());
        vm.personId.addListener((o, a, b) -> refresh.run());
        refresh.run();
        VBox body = new VBox(10, status, members, createLine, registrantHeading, registrantLine, inHousehold, message);
        body.disableProperty().bind(vm.householdBusy);
        if (!vm.hasHouseholds()) {
            body.setVisible(false);
            body.setManaged(false);
        }
        return section("person.section.household", body);
    }

    private final List<AutoCompletionBinding<?>> completionsFixed = new ArrayList<>();

    private static String registrantName(PersonHit p) {
        return p.familyName() + " " + p.givenNames();
    }

    private Node memberLine(HouseholdMember m, int i) {
        boolean self = m.personId() != null && m.personId() == vm.id();
        String name = (PersonFormViewModel.nz(m.familyName()) + " " + PersonFormViewModel.nz(m.givenNames())).strip();
        Label who = new Label(self ? Ui.text("person.household.self", name) : name);
        who.setId("person-household-member-" + i);
        who.setMinWidth(200);
        who.setPrefWidth(260);
        if (self) {
            who.setStyle("-fx-font-weight: bold;");
        }
        Label details = new Label(m.personId() == null
                ? Ui.text("person.household.relativeDetails", m.birthDate() == null ? "?" : m.birthDate())
                : Ui.text("person.household.registrantDetails", m.birthDate() == null ? "?" : m.birthDate(), m.personId().toString()));
        details.getStyleClass().add(Styles.MUTED);
        details.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<HouseholdRelationship> relationship = relationshipBox("person-household-member-relationship-" + i);
        relationship.setValue(m.relationship());
        relationship.setAccessibleText(Ui.text("person.household.relationshipOf", name));
        CheckBox travelling = new CheckBox(Ui.text("household.travellingWith"));
        travelling.setId("person-household-member-travelling-" + i);
        travelling.setAccessibleText(Ui.text("person.household.travellingOf", name));
        travelling.setSelected(m.travellingWith());
        travelling.setMinWidth(Region.USE_PREF_SIZE);
        relationship.valueProperty().addListener((o, a, b) -> vm.changeMember(m, b, travelling.isSelected()));
        travelling.selectedProperty().addListener((o, a, b) -> vm.changeMember(m, relationship.getValue(), b));
        Button open = Ui.button("person.household.open", e -> onOpenPerson.accept(m.personId()));
        open.setId("person-household-open-" + i);
        open.setAccessibleText(Ui.text("person.household.openOf", name));
        open.setDisable(m.personId() == null || self);
        open.setMinWidth(Region.USE_PREF_SIZE);
        Button remove = Ui.button(self ? "person.household.leave" : "person.household.remove", e -> vm.removeMember(m));
        remove.setId("person-household-remove-" + i);
        remove.setAccessibleText(Ui.text("person.household.removeOf", name));
        remove.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(8, who, details, spacer, relationship, travelling, open, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static ComboBox<HouseholdRelationship> relationshipBox(String id) {
        ComboBox<HouseholdRelationship> box = combo("household.relationship", List.of(HouseholdRelationship.values()),
                r -> Ui.text("household.relationship." + r.name()));
        box.setId(id);
        box.setValue(HouseholdRelationship.OTHER);
        return box;
    }

    private Node vulnerabilities() {
        GridPane grid = Ui.form();
        int r = 0;
        for (VulnerabilityCode code : VulnerabilityCode.values()) {
            CheckBox box = new CheckBox(Ui.text("person.vulnerability." + code.name()));
            box.setId("person-vulnerability-" + code.name());
            box.setAccessibleText(box.getText());
            box.setMinWidth(Region.USE_PREF_SIZE);
            box.selectedProperty().bindBidirectional(vm.vulnerable.get(code));
            TextField notes = new TextField();
            notes.setAccessibleText(Ui.text("person.vulnerability.notes", box.getText()));
            notes.setPromptText(Ui.text("person.vulnerability.notes.prompt"));
            notes.textProperty().bindBidirectional(vm.vulnerabilityNotes.get(code));
            notes.disableProperty().bind(box.selectedProperty().not());
            grid.add(box, 0, r);
            grid.add(notes, 1, r++);
            GridPane.setHgrow(notes, Priority.ALWAYS);
        }
        return section("person.section.vulnerabilities", grid);
    }

    private Node consents() {
        return listSection("person.section.consents", "person.consent.add", vm.consents, vm::addConsent, (row, i) -> {
            ComboBox<ConsentPurpose> purpose = combo("person.consent.purpose", List.of(ConsentPurpose.values()),
                    p -> Ui.text("person.consentPurpose." + p.name()));
            purpose.valueProperty().bindBidirectional(row.purpose);
            TextField partner = text("person.consent.partner", row.partner);
            partner.setPromptText(Ui.text("person.consent.partner.prompt"));
            DatePicker granted = date("person.consent.grantedOn", row.grantedOn);
            ComboBox<ConsentChannel> channel = combo("person.consent.channel", List.of(ConsentChannel.values()),
                    c -> Ui.text("person.consentChannel." + c.name()));
            channel.valueProperty().bindBidirectional(row.channel);
            Label state = new Label();
            state.setMinWidth(Region.USE_PREF_SIZE);
            state.getStyleClass().add(Styles.MUTED);
            state.textProperty().bind(Bindings.createStringBinding(() -> row.withdrawnOn.get() == null
                    ? Ui.text("person.consent.recordedBy", row.recordedBy)
                    : Ui.text("person.consent.withdrawnOn", row.withdrawnOn.get()), row.withdrawnOn));
            Button withdraw = Ui.button("person.consent.withdraw", e -> vm.withdraw(row));
            withdraw.setId("person-consent-withdraw-" + i);
            withdraw.disableProperty().bind(row.withdrawnOn.isNotNull());
            HBox.setHgrow(partner, Priority.ALWAYS);
            return List.of(purpose, partner, granted, channel, state, withdraw);
        }, vm.consents::remove);
    }

    private Node restricted() {
        Label explain = Ui.styled(Styles.MUTED, vm.mayReveal() ? "person.sensitive.intro" : "person.sensitive.notAllowed");
        Button reveal = Ui.button("person.sensitive.reveal", e -> vm.reveal());
        reveal.setId("person-reveal");
        reveal.setDisable(!vm.mayReveal());
        reveal.visibleProperty().bind(vm.revealed.not());
        reveal.managedProperty().bind(reveal.visibleProperty());
        GridPane grid = Ui.form();
        Ui.row(grid, 0, "person.sensitive.migration", area("person.sensitive.migration", vm.migrationStatus, 2));
        Ui.row(grid, 1, "person.sensitive.health", area("person.sensitive.health", vm.healthDetails, 2));
        Ui.row(grid, 2, "person.sensitive.detention", area("person.sensitive.detention", vm.detentionDetails, 2));
        Button saveSensitive = Ui.button("person.sensitive.save", e -> vm.saveSensitive());
        saveSensitive.setId("person-sensitive-save");
        Label sensitiveMessage = new Label();
        sensitiveMessage.setWrapText(true);
        sensitiveMessage.textProperty().bind(vm.sensitiveMessage);
        VBox details = new VBox(10, grid, saveSensitive);
        details.visibleProperty().bind(vm.revealed);
        details.managedProperty().bind(vm.revealed);
        return section("person.section.restricted", new VBox(10, explain, reveal, details, sensitiveMessage));
    }

    // --- building blocks ---

    private Node section(String key, Node body) {
        Label heading = Ui.styled(Styles.SUBTITLE, key);
        VBox card = Ui.card(heading, body);
        card.setSpacing(12);
        card.setId(Ui.idFor(key));
        return card;
    }

    private interface RowBuilder<R> {
        List<? extends Control> build(R row, int index);
    }

    /** A section holding an editable list: one line of controls per entry with a remove button, and an add button. */
    private <R> Node listSection(String key, String addKey, ObservableList<R> items, Runnable add, RowBuilder<R> builder,
                                 Consumer<R> remove) {
        VBox lines = new VBox(8);
        Label empty = Ui.styled(Styles.MUTED, "person.list.empty");
        String base = Ui.idFor(addKey).replace("-add", "");
        Runnable rebuild = () -> {
            lines.getChildren().clear();
            if (items.isEmpty()) {
                lines.getChildren().add(empty);
            }
            for (int i = 0; i < items.size(); i++) {
                R item = items.get(i);
                List<? extends Control> controls = builder.build(item, i);
                HBox line = new HBox(8);
                line.setAlignment(Pos.CENTER_LEFT);
                for (Control c : controls) {
                    if (c.getId() != null) {
                        c.setId(c.getId() + "-" + i);
                    }
                    line.getChildren().add(c);
                }
                Button removeButton = Ui.button("person.list.remove", e -> remove.accept(item));
                removeButton.setId(base + "-remove-" + i);
                removeButton.setAccessibleText(Ui.text("person.list.removeLine", i + 1));
                line.getChildren().add(removeButton);
                lines.getChildren().add(line);
            }
            validation.revalidate();
        };
        // Only a line the user added takes the focus: lines filled in by loading a registration do not.
        boolean[] userAdded = new boolean[1];
        items.addListener((ListChangeListener<R>) change -> {
            rebuild.run();
            if (userAdded[0] && items.size() > 0 && lines.getChildren().get(items.size() - 1) instanceof HBox last) {
                userAdded[0] = false;
                Platform.runLater(() -> last.getChildren().get(0).requestFocus());
            }
        });
        rebuild.run();
        Button addButton = Ui.button(addKey, e -> {
            userAdded[0] = true;
            add.run();
        });
        addButton.setId(Ui.idFor(addKey));
        return section(key, new VBox(10, lines, addButton));
    }

    private TextField text(String key, javafx.beans.property.StringProperty property) {
        TextField field = Ui.field(key);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static TextArea area(String key, javafx.beans.property.StringProperty property, int rows) {
        TextArea area = new TextArea();
        area.setId(Ui.idFor(key));
        area.setAccessibleText(Ui.text(key));
        area.setPrefRowCount(rows);
        area.setWrapText(true);
        area.textProperty().bindBidirectional(property);
        // Tab moves on, as in every other field; Ctrl+Tab would be needed to type a tab character.
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
            }
        });
        return area;
    }

    private static DatePicker date(String key, javafx.beans.property.ObjectProperty<LocalDate> property) {
        DatePicker picker = new DatePicker();
        picker.setId(Ui.idFor(key));
        picker.setAccessibleText(Ui.text(key));
        picker.setPromptText(Ui.text("person.date.prompt"));
        picker.setPrefWidth(150);
        picker.setMinWidth(130);
        picker.valueProperty().bindBidirectional(property);
        return picker;
    }

    private static <T> ComboBox<T> combo(String key, List<T> values, Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(Ui.idFor(key));
        box.setAccessibleText(Ui.text(key));
        box.getItems().setAll(values);
        box.setVisibleRowCount(12);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** A validator that counts only while its control is on screen (removed lines stop counting). */
    private static Validator<String> check(Predicate<String> ok, String messageKey) {
        return (control, value) -> ValidationResult.fromErrorIf(control, Ui.text(messageKey),
                control.getScene() != null && !ok.test(value));
    }

    // --- actions ---

    private void save() {
        if (save.isDisabled()) {
            return;
        }
        validation.setErrorDecorationEnabled(true);
        validation.revalidate();
        ValidationResult result = validation.getValidationResult();
        List<ValidationMessage> errors = result.getMessages().stream().filter(m -> m.getSeverity() == Severity.ERROR)
                .filter(m -> m.getTarget() != null && m.getTarget().getScene() != null).toList();
        if (!errors.isEmpty()) {
            Set<String> texts = new LinkedHashSet<>();
            errors.forEach(m -> texts.add(m.getText()));
            vm.error.set(String.join(" ", texts));
            vm.message.set("");
            Control first = errors.get(0).getTarget();
            first.requestFocus();
            return;
        }
        vm.save(() -> { });
    }

    /** Keeps the focused field in view while tabbing through the long form. */
    private void ensureVisible(Node node) {
        if (node == null || !isInside(node, scroll.getContent())) {
            return;
        }
        Node content = scroll.getContent();
        Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        double top = scroll.getVvalue() * (contentHeight - viewport);
        double target = top;
        if (b.getMinY() < top) {
            target = b.getMinY() - 24;
        } else if (b.getMaxY() > top + viewport) {
            target = b.getMaxY() - viewport + 24;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, target / (contentHeight - viewport))));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    boolean isDirty() {
        return vm.dirty.get();
    }

    @Override
    public void activate() {
        vm.warmUpGazetteer();
        vm.load(personId);
        if (root.getScene() != null) {
            root.getScene().focusOwnerProperty().addListener(focusFollower);
        }
    }

    @Override
    public void deactivate() {
        if (root.getScene() != null) {
            root.getScene().focusOwnerProperty().removeListener(focusFollower);
        }
    }

    @Override
    public boolean mayLeave() {
        return !vm.dirty.get() || dialogs.confirm(Ui.text("person.unsaved.title"), Ui.text("person.unsaved.message"));
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node initialFocus() {
        return familyName;
    }
}
