package org.consulardesk.etd.ui;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.etd.model.ApplicationStatus;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.EtdMatch;
import org.consulardesk.etd.model.EtdReason;
import org.consulardesk.etd.model.EtdSettings;
import org.consulardesk.etd.model.EtdState;
import org.consulardesk.etd.model.Evidence;
import org.consulardesk.etd.model.RegisterQuery;
import org.consulardesk.etd.model.Sex;
import org.consulardesk.etd.model.StockFlag;
import org.consulardesk.etd.model.StockReport;
import org.consulardesk.etd.service.EtdLostStolenProfile;
import org.consulardesk.etd.service.EtdRegisterProfile;
import org.consulardesk.etd.service.EtdService;
import org.consulardesk.etd.service.PhotoCrop;
import org.consulardesk.etd.service.Printing;
import org.consulardesk.etd.service.StockService;

/**
 * Emergency travel documents in four tabs: the register (search by number, name, date, state; state
 * changes, PDF, print, exports), the application form (verification checklist, photo crop, matches
 * with earlier ETDs), the approval queue (four-eyes decision, then issue on the next blank) and the
 * blank stock (receive, assign, spoil, reconcile and sign off). Ctrl+Tab moves between tabs.
 */
public final class EtdView implements View {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final EtdService etd;
    private final StockService stock;
    private java.util.function.Consumer<String> onExport;
    private java.util.function.LongConsumer onOpenPerson = id -> { };
    /** Whom the registry number stands for now: the same registration or the one it was merged into (ADR 0064). */
    private final Label registrantNow = new Label();
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final boolean canApprove;
    private final boolean canManageStock;
    private final TabPane tabs = new TabPane();
    private final VBox root;
    private final Label status = new Label();
    private final Label error = Ui.errorLabel("etd-error");

    // register
    private final TextField search = Ui.field("etd.register.search");
    private final ChoiceBox<EtdState> stateFilter = new ChoiceBox<>();
    private final ObservableList<EtdDocument> documents = FXCollections.observableArrayList();
    private final TableView<EtdDocument> register = new TableView<>(documents);
    private final ChoiceBox<EtdState> nextState = new ChoiceBox<>();
    private final TextField stateNote = Ui.field("etd.register.note");
    private final Label registerCount = new Label();
    private final DatePicker issuedFrom = new DatePicker();
    private final DatePicker issuedTo = new DatePicker();
    private final DatePicker enteredOn = new DatePicker();
    private final Label enteredOnLabel = Ui.label("etd.register.enteredOn");
    private final Button exportRegister = Ui.button("etd.register.exportRegister", e -> exportProfile(EtdRegisterProfile.NAME));
    private final Button exportLost = Ui.button("etd.register.exportLostHq", e -> exportProfile(EtdLostStolenProfile.NAME));
    private boolean expiryChecked;

    // application form
    private final TextField personId = Ui.field("etd.form.personId");
    private final TextField family = Ui.field("etd.form.family");
    private final TextField given = Ui.field("etd.form.given");
    private final TextField birth = Ui.field("etd.form.birth");
    private final ChoiceBox<Sex> sex = new ChoiceBox<>(FXCollections.observableArrayList(Sex.values()));
    private final TextField placeOfBirth = Ui.field("etd.form.placeOfBirth");
    private final TextField nationality = Ui.field("etd.form.nationality");
    private final ChoiceBox<EtdReason> reason = new ChoiceBox<>(FXCollections.observableArrayList(EtdReason.values()));
    private final TextField previousDocument = Ui.field("etd.form.previousDocument");
    private final TextField policeReport = Ui.field("etd.form.policeReport");
    private final TextField purpose = Ui.field("etd.form.purpose");
    private final TextField route = Ui.field("etd.form.route");
    private final Spinner<Integer> validDays = new Spinner<>(1, 365, 30);
    private final CheckBox feeWaived = new CheckBox(Ui.text("etd.form.feeWaived"));
    private final TextField waiverReason = Ui.field("etd.form.waiverReason");
    private final TextField feeAmount = Ui.field("etd.form.feeAmount");
    private final TextField feeCurrency = Ui.field("etd.form.feeCurrency");
    private final Map<Evidence, CheckBox> evidence = new EnumMap<>(Evidence.class);
    private final TextArea assessment = new TextArea();
    private final Label matches = new Label();
    private final PhotoCropper cropper = new PhotoCropper();
    private byte[] photo;

    // approval queue
    private final ObservableList<EtdApplication> queue = FXCollections.observableArrayList();
    private final TableView<EtdApplication> queueTable = new TableView<>(queue);
    private final ObservableList<EtdApplication> ready = FXCollections.observableArrayList();
    private final TableView<EtdApplication> readyTable = new TableView<>(ready);
    private final Label queueDetail = new Label();
    private final TextField rejectReason = Ui.field("etd.queue.rejectReason");
    private final ComboBox<EtdApplication> rejectedBox = new ComboBox<>();

    // stock
    private final TextField prefix = Ui.field("etd.stock.prefix");
    private final TextField first = Ui.field("etd.stock.first");
    private final TextField last = Ui.field("etd.stock.last");
    private final TextField digits = Ui.field("etd.stock.digits");
    private final TextField reference = Ui.field("etd.stock.reference");
    private final TextField assignFrom = Ui.field("etd.stock.assignFrom");
    private final TextField assignTo = Ui.field("etd.stock.assignTo");
    private final TextField assignee = Ui.field("etd.stock.assignee");
    private final TextField spoilSerial = Ui.field("etd.stock.spoilSerial");
    private final TextField spoilReason = Ui.field("etd.stock.spoilReason");
    private final TextField counted = Ui.field("etd.stock.countedField");
    private final TextField signNote = Ui.field("etd.stock.signNote");
    private final Label report = new Label();
    private final TextField docCode = Ui.field("etd.settings.documentCode");
    private final TextField defaultDays = Ui.field("etd.settings.defaultValidDays");
    private final TextField defaultRoute = Ui.field("etd.settings.defaultRoute");
    private final CheckBox singleApproval = new CheckBox(Ui.text("etd.settings.singleApproval"));
    private StockReport lastReport;

    public EtdView(EtdService etd, StockService stock, BackgroundTasks tasks, DialogService dialogs,
            boolean canApprove, boolean canManageStock) {
        this.etd = etd;
        this.stock = stock;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.canApprove = canApprove;
        this.canManageStock = canManageStock;
        tabs.setId("etd-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("etd-tab-register", "etd.tab.register", registerTab()),
                tab("etd-tab-apply", "etd.tab.apply", applicationTab()),
                tab("etd-tab-queue", "etd.tab.queue", queueTab()),
                tab("etd-tab-stock", "etd.tab.stock", stockTab()));
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> refresh());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        status.setId("etd-status");
        status.getStyleClass().add(Styles.SUCCESS);
        status.setWrapText(true);
        root = Ui.page(Ui.styled(Styles.TITLE, "etd.title"), tabs, status, error);
    }

    private static Tab tab(String id, String key, Node content) {
        Tab tab = new Tab(Ui.text(key), content);
        tab.setId(id);
        return tab;
    }

    // ================================================================ register

    private Node registerTab() {
        search.setPromptText(Ui.text("etd.register.searchPrompt"));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                loadRegister();
            } else if (e.getCode() == KeyCode.DOWN) {
                register.requestFocus();
                register.getSelectionModel().selectFirst();
            }
        });
        search.textProperty().addListener((o, a, b) -> loadRegister());
        stateFilter.getItems().add(null);
        stateFilter.getItems().addAll(EtdState.values());
        stateFilter.setConverter(stateConverter("etd.register.allStates"));
        stateFilter.setAccessibleText(Ui.text("etd.register.state"));
        stateFilter.setId("etd-state-filter");
        stateFilter.setMinWidth(180);
        stateFilter.valueProperty().addListener((o, a, b) -> loadRegister());
        for (DatePicker picker : List.of(issuedFrom, issuedTo)) {
            picker.setPrefWidth(135);
            picker.setMinWidth(135);
            picker.setPromptText(Ui.text("etd.register.datePrompt"));
            picker.valueProperty().addListener((o, a, b) -> loadRegister());
        }
        for (DatePicker picker : List.of(issuedFrom, issuedTo, enteredOn)) {
            picker.setConverter(ISO_DATE);
        }
        issuedFrom.setId("etd-issued-from");
        issuedFrom.setAccessibleText(Ui.text("etd.register.issuedFrom"));
        issuedTo.setId("etd-issued-to");
        issuedTo.setAccessibleText(Ui.text("etd.register.issuedTo"));
        Label fromLabel = Ui.label("etd.register.issuedFrom");
        fromLabel.setMnemonicParsing(true);
        fromLabel.setLabelFor(issuedFrom);
        Label toLabel = Ui.label("etd.register.issuedTo");
        toLabel.setLabelFor(issuedTo);
        Button clearDates = Ui.button("etd.register.clearDates", e -> {
            issuedFrom.setValue(null);
            issuedTo.setValue(null);
        });
        clearDates.setId("etd-clear-dates");

        register.setId("etd-register-table");
        register.setAccessibleText(Ui.text("etd.tab.register"));
        register.setPlaceholder(Ui.label("etd.register.empty"));
        register.getColumns().add(Ui.column("etd.col.number", EtdDocument::serial, 100));
        register.getColumns().add(Ui.column("etd.col.holder", EtdDocument::displayName, 230));
        register.getColumns().add(Ui.column("etd.col.birth", d -> nz(d.birthDate()), 90));
        register.getColumns().add(Ui.column("etd.col.issued", d -> d.issuedOn().toString(), 100));
        register.getColumns().add(Ui.column("etd.col.expires", d -> d.expiresOn().toString(), 100));
        register.getColumns().add(Ui.column("etd.col.state", d -> Ui.text("etd.state." + d.state().name()), 170));
        register.getColumns().add(Ui.column("etd.col.issuedBy", EtdDocument::issuedBy, 110));
        register.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(register, Priority.ALWAYS);
        register.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            nextState.getItems().setAll(d == null ? Set.of() : d.state().next());
            if (!nextState.getItems().isEmpty()) {
                nextState.getSelectionModel().selectFirst();
            }
        });

        enteredOn.setId("etd-entered-on");
        enteredOn.setAccessibleText(Ui.text("etd.register.enteredOn"));
        enteredOn.setPrefWidth(135);
        enteredOn.setMinWidth(135);
        enteredOn.setPromptText(Ui.text("etd.register.datePrompt"));
        enteredOnLabel.setLabelFor(enteredOn);
        nextState.valueProperty().addListener((o, a, b) -> {
            boolean used = b == EtdState.USED;
            enteredOn.setVisible(used);
            enteredOn.setManaged(used);
            enteredOnLabel.setVisible(used);
            enteredOnLabel.setManaged(used);
            if (used && enteredOn.getValue() == null) {
                enteredOn.setValue(etd.today());
            }
        });
        enteredOn.setVisible(false);
        enteredOn.setManaged(false);
        enteredOnLabel.setVisible(false);
        enteredOnLabel.setManaged(false);
        nextState.setConverter(stateConverter("etd.register.noNextState"));
        nextState.setMinWidth(200);
        nextState.setId("etd-next-state");
        nextState.setAccessibleText(Ui.text("etd.register.nextState"));
        stateNote.setPromptText(Ui.text("etd.register.notePrompt"));
        Button apply = Ui.button("etd.register.changeState", e -> changeState());
        apply.setId("etd-change-state");
        Button pdf = Ui.button("etd.register.savePdf", e -> withSelected(d -> savePdf(d)));
        pdf.setId("etd-save-pdf");
        Button print = Ui.button("etd.register.print", e -> withSelected(d -> print(d)));
        print.setId("etd-print");
        disableWithoutPrinter(print);
        Button extract = Ui.button("etd.register.extract", e -> registerExtract());
        extract.setId("etd-register-extract");
        Button letter = Ui.button("etd.register.letter", e -> withSelected(d -> saveLetter(d)));
        letter.setId("etd-save-letter");
        Button printLetter = Ui.button("etd.register.printLetter", e -> withSelected(d -> printLetter(d)));
        printLetter.setId("etd-print-letter");
        disableWithoutPrinter(printLetter);
        exportRegister.setId("etd-export-register");
        exportLost.setId("etd-export-lost");
        exportRegister.setDisable(true);
        exportLost.setDisable(true);
        Button expire = Ui.button("etd.register.expire", e -> tasks.run(Ui.text("etd.working"), p -> etd.expireOverdue(), n -> {
            say("etd.register.expired", n);
            loadRegister();
        }, this::fail));
        expire.setId("etd-expire");

        HBox filters = row(Ui.label("etd.register.search"), search, Ui.label("etd.register.state"), stateFilter);
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox dates = row(fromLabel, issuedFrom, toLabel, issuedTo, clearDates, registerCount);
        HBox stateRow = row(Ui.label("etd.register.nextState"), nextState, enteredOnLabel, enteredOn, stateNote, apply);
        HBox.setHgrow(stateNote, Priority.ALWAYS);
        FlowPane actions = new FlowPane(8, 8, pdf, print, letter, printLetter, extract, exportRegister, exportLost, expire);
        return padded(filters, dates, register, stateRow, actions);
    }

    /** The register query of the filters, or null (with a message) when the dates are the wrong way round. */
    private RegisterQuery registerQuery() {
        java.time.LocalDate from = issuedFrom.getValue();
        java.time.LocalDate to = issuedTo.getValue();
        if (from != null && to != null && from.isAfter(to)) {
            error.setText(Ui.text("etd.register.datesReversed"));
            return null;
        }
        return new RegisterQuery(search.getText(), stateFilter.getValue(), from, to);
    }

    private void loadRegister() {
        RegisterQuery q = registerQuery();
        if (q == null) {
            return;
        }
        boolean expireFirst = !expiryChecked;
        expiryChecked = true;
        tasks.run(Ui.text("etd.loading"), p -> new Object[] {expireFirst ? etd.expireOverdue() : 0, etd.count(q),
                etd.register(q, 0, 500)}, r -> {
            @SuppressWarnings("unchecked")
            List<EtdDocument> list = (List<EtdDocument>) r[2];
            documents.setAll(list);
            registerCount.setText(Ui.text("etd.register.count", r[1]));
            error.setText("");
            if ((Integer) r[0] > 0) {
                say("etd.register.expiredOnOpen", r[0]);
            }
        }, this::fail);
    }

    private void changeState() {
        EtdDocument d = register.getSelectionModel().getSelectedItem();
        EtdState to = nextState.getValue();
        if (d == null || to == null) {
            error.setText(Ui.text("etd.register.selectFirst"));
            return;
        }
        String note = stateNote.getText();
        java.time.LocalDate entry = to == EtdState.USED ? enteredOn.getValue() : null;
        tasks.run(Ui.text("etd.working"), p -> etd.changeState(d.id(), to, note, entry), changed -> {
            say(changed.enteredOn() == null ? "etd.register.stateChanged" : "etd.register.stateChangedEntry", changed.serial(),
                    Ui.text("etd.state." + changed.state().name()), String.valueOf(changed.enteredOn()));
            stateNote.clear();
            loadRegister();
        }, this::fail);
    }

    private void withSelected(java.util.function.Consumer<EtdDocument> action) {
        EtdDocument d = register.getSelectionModel().getSelectedItem();
        if (d == null) {
            error.setText(Ui.text("etd.register.selectFirst"));
            return;
        }
        action.accept(d);
    }

    private void savePdf(EtdDocument d) {
        dialogs.chooseFileToSave(Ui.text("etd.register.savePdf"), "etd-" + d.serial() + ".pdf").ifPresent(target ->
                tasks.run(Ui.text("etd.working"), p -> {
                    Printing.save(etd.pdf(d.id()), target);
                    return target;
                }, t -> say("etd.saved", fileName(t)), this::fail));
    }

    private void print(EtdDocument d) {
        tasks.run(Ui.text("etd.working"), p -> {
            Printing.print(etd.pdf(d.id()), "ETD " + d.serial());
            return d;
        }, x -> say("etd.printed", x.serial()), this::fail);
    }

    private void saveLetter(EtdDocument d) {
        dialogs.chooseFileToSave(Ui.text("etd.register.letter"), "etd-letter-" + d.serial() + ".pdf").ifPresent(target ->
                tasks.run(Ui.text("etd.working"), p -> {
                    Printing.save(etd.handoverLetter(d.id()), target);
                    return target;
                }, t -> say("etd.saved", fileName(t)), this::fail));
    }

    private void printLetter(EtdDocument d) {
        tasks.run(Ui.text("etd.working"), p -> {
            Printing.print(etd.handoverLetter(d.id()), "ETD letter " + d.serial());
            return d;
        }, x -> say("etd.letterPrinted", x.serial()), this::fail);
    }

    private static void disableWithoutPrinter(Button print) {
        print.setDisable(!Printing.printerAvailable());
        if (print.isDisable()) {
            print.setTooltip(new javafx.scene.control.Tooltip(Ui.text("error.etd.noPrinter")));
        }
    }

    /**
     * Where the register and lost/stolen buttons lead: the exchange export screen with the profile
     * chosen (signed, encrypted workbook). Without it (no right to export) the buttons stay disabled.
     */
    /** What "Open registration" calls with the id of the registration that stands for the registrant now. */
    public void setOnOpenPerson(java.util.function.LongConsumer onOpenPerson) {
        this.onOpenPerson = onOpenPerson;
    }

    /** Opens the registrant's registration; one merged into another opens that other one (ADR 0064). */
    private void openRegistrant() {
        Long id = personId.getText().isBlank() ? null : parseLong(personId.getText());
        if (id == null) {
            return;
        }
        tasks.run(Ui.text("etd.loading"), p -> etd.registrant(id), ref -> {
            showRegistrant(id, ref);
            ref.ifPresent(r -> onOpenPerson.accept(r.currentId()));
        }, this::fail);
    }

    private void showRegistrant(long id, java.util.Optional<org.consulardesk.registry.model.PersonRef> ref) {
        if (!personId.getText().strip().equals(Long.toString(id))) {
            return; // typed over meanwhile
        }
        registrantNow.setText(ref.map(r -> r.merged()
                ? Ui.text("etd.form.registrantMerged", r.id(), r.currentId(), r.familyName() + ", " + r.givenNames())
                : Ui.text("etd.form.registrant", r.currentId(), r.familyName() + ", " + r.givenNames()))
                .orElse(Ui.text("etd.form.registrantMissing", id)));
    }

    public void setOnExport(java.util.function.Consumer<String> onExport) {
        this.onExport = onExport;
        exportRegister.setDisable(onExport == null);
        exportLost.setDisable(onExport == null);
    }

    private void exportProfile(String profile) {
        if (onExport != null) {
            onExport.accept(profile);
        }
    }

    private void registerExtract() {
        RegisterQuery q = registerQuery();
        if (q == null) {
            return;
        }
        dialogs.chooseFileToSave(Ui.text("etd.register.extract"), "etd-register.pdf").ifPresent(target ->
                tasks.run(Ui.text("etd.working"), p -> {
                    Printing.save(etd.registerPdf(q), target);
                    return target;
                }, t -> say("etd.saved", fileName(t)), this::fail));
    }

    // ================================================================ application

    private Node applicationTab() {
        sex.setConverter(new StringConverter<>() {
            @Override
            public String toString(Sex s) {
                return s == null ? "" : Ui.text("etd.sex." + s.name());
            }

            @Override
            public Sex fromString(String s) {
                return null;
            }
        });
        sex.setAccessibleText(Ui.text("etd.form.sex"));
        sex.setId("etd-form-sex");
        reason.setConverter(new StringConverter<>() {
            @Override
            public String toString(EtdReason r) {
                return r == null ? "" : Ui.text("etd.reason." + r.name());
            }

            @Override
            public EtdReason fromString(String s) {
                return null;
            }
        });
        reason.setAccessibleText(Ui.text("etd.form.reason"));
        reason.setId("etd-form-reason");
        validDays.setEditable(true);
        validDays.setId("etd-form-validDays");
        validDays.setAccessibleText(Ui.text("etd.form.validDays"));
        feeWaived.setId("etd-form-feeWaived");
        feeWaived.selectedProperty().addListener((o, a, b) -> {
            waiverReason.setDisable(!b);
            feeAmount.setDisable(b);
            feeCurrency.setDisable(b);
        });
        birth.setPromptText(Ui.text("etd.form.birthPrompt"));
        assessment.setId("etd-form-assessment");
        assessment.setAccessibleText(Ui.text("etd.form.assessment"));
        assessment.setPrefRowCount(3);
        assessment.setWrapText(true);
        FlowPane checklist = new FlowPane(14, 6);
        checklist.setId("etd-form-evidence");
        for (Evidence ev : Evidence.values()) {
            CheckBox box = new CheckBox(Ui.text("etd.evidence." + ev.name()));
            box.setId("etd-evidence-" + ev.name());
            evidence.put(ev, box);
            checklist.getChildren().add(box);
        }
        matches.setId("etd-form-matches");
        matches.setWrapText(true);
        matches.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Button fill = Ui.button("etd.form.fill", e -> fillFromRegistry());
        fill.setId("etd-form-fill");
        Button openRegistrant = Ui.button("etd.form.openPerson", e -> openRegistrant());
        openRegistrant.setId("etd-form-open-person");
        openRegistrant.disableProperty().bind(personId.textProperty().isEmpty());
        registrantNow.setId("etd-form-registrant");
        registrantNow.setWrapText(true);
        registrantNow.managedProperty().bind(registrantNow.textProperty().isNotEmpty());
        personId.textProperty().addListener((o, a, b) -> registrantNow.setText(""));
        HBox registrant = row(personId, fill, openRegistrant);
        HBox.setHgrow(personId, Priority.ALWAYS);
        HBox fee = row(feeAmount, feeCurrency);
        feeCurrency.setPrefColumnCount(4);

        GridPane form = Ui.form();
        int r = 0;
        Ui.row(form, r++, "etd.form.personId", new javafx.scene.layout.VBox(4, registrant, registrantNow));
        Ui.row(form, r++, "etd.form.family", family);
        Ui.row(form, r++, "etd.form.given", given);
        Ui.row(form, r++, "etd.form.birth", birth);
        Ui.row(form, r++, "etd.form.sex", sex);
        Ui.row(form, r++, "etd.form.placeOfBirth", placeOfBirth);
        Ui.row(form, r++, "etd.form.nationality", nationality);
        Ui.row(form, r++, "etd.form.reason", reason);
        Ui.row(form, r++, "etd.form.previousDocument", previousDocument);
        Ui.row(form, r++, "etd.form.policeReport", policeReport);
        Ui.row(form, r++, "etd.form.purpose", purpose);
        Ui.row(form, r++, "etd.form.route", route);
        Ui.row(form, r++, "etd.form.validDays", validDays);
        Ui.row(form, r++, "etd.form.feeWaived", feeWaived);
        Ui.row(form, r++, "etd.form.waiverReason", waiverReason);
        Ui.row(form, r++, "etd.form.feeAmount", fee);
        Ui.row(form, r++, "etd.form.evidence", checklist);
        Ui.row(form, r++, "etd.form.assessment", assessment);

        Button importPhoto = Ui.button("etd.photo.import", e -> importPhoto());
        importPhoto.setId("etd-photo-import");
        Button check = Ui.button("etd.form.check", e -> checkMatches());
        check.setId("etd-form-check");
        Button submit = Ui.primary("etd.form.submit", e -> submit());
        submit.setId("etd-form-submit");
        submit.setDefaultButton(false);
        Button clear = Ui.button("etd.form.clear", e -> clearForm());
        clear.setId("etd-form-clear");
        VBox photoBox = new VBox(8, Ui.styled(Styles.SUBTITLE, "etd.photo.title"), cropper,
                Ui.styled(Styles.MUTED, "etd.photo.help"), importPhoto);
        photoBox.setMaxWidth(PhotoCropper.BOX_W + 10);
        HBox body = new HBox(24, form, photoBox);
        HBox.setHgrow(form, Priority.ALWAYS);
        HBox buttons = row(submit, check, clear);
        VBox content = padded(Ui.styled(Styles.MUTED, "etd.form.intro"), body, matches, buttons);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("etd-form-scroll");
        scroll.setPrefViewportHeight(620);
        clearForm();
        return scroll;
    }

    private void clearForm() {
        EtdSettings s = EtdSettings.DEFAULTS;
        fillForm(EtdApplication.draft(s));
        tasks.run(Ui.text("etd.loading"), p -> etd.settings(), settings -> {
            route.setText(settings.defaultRoute());
            validDays.getValueFactory().setValue(settings.defaultValidDays());
            feeWaived.setSelected(settings.waiveFeeByDefault());
            waiverReason.setText(settings.waiveFeeByDefault() ? settings.defaultWaiverReason() : "");
            nationality.setText(settings.issuer());
        }, this::fail);
        photo = null;
        cropper.clear();
        matches.setText("");
    }

    private void fillForm(EtdApplication a) {
        personId.setText(a.personId() == null ? "" : a.personId().toString());
        if (a.personId() != null) {
            long id = a.personId();
            tasks.run(Ui.text("etd.loading"), p -> etd.registrant(id), ref -> showRegistrant(id, ref), this::fail);
        }
        family.setText(nz(a.familyName()));
        given.setText(nz(a.givenNames()));
        birth.setText(nz(a.birthDate()));
        sex.setValue(a.sex());
        placeOfBirth.setText(nz(a.placeOfBirth()));
        nationality.setText(nz(a.nationality()));
        reason.setValue(a.reason());
        previousDocument.setText(nz(a.previousDocument()));
        policeReport.setText(nz(a.policeReport()));
        purpose.setText(nz(a.travelPurpose()));
        route.setText(nz(a.route()));
        validDays.getValueFactory().setValue(a.validDays());
        feeWaived.setSelected(a.feeWaived());
        waiverReason.setText(nz(a.waiverReason()));
        waiverReason.setDisable(!a.feeWaived());
        feeAmount.setText(a.feeAmount() == null ? "" : a.feeAmount().toPlainString());
        feeCurrency.setText(nz(a.feeCurrency()));
        evidence.forEach((ev, box) -> box.setSelected(a.evidence().contains(ev)));
        assessment.setText(nz(a.assessment()));
    }

    private EtdApplication formValue() {
        Set<Evidence> seen = EnumSet.noneOf(Evidence.class);
        evidence.forEach((ev, box) -> {
            if (box.isSelected()) {
                seen.add(ev);
            }
        });
        Long person = personId.getText().isBlank() ? null : parseLong(personId.getText());
        BigDecimal amount = null;
        if (!feeWaived.isSelected() && !feeAmount.getText().isBlank()) {
            try {
                amount = new BigDecimal(feeAmount.getText().strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                amount = BigDecimal.ZERO;
            }
        }
        return new EtdApplication(0, 0, person, family.getText(), given.getText(), birth.getText(), sex.getValue(),
                placeOfBirth.getText(), nationality.getText().strip().toUpperCase(Locale.ROOT), reason.getValue(),
                previousDocument.getText(), policeReport.getText(), purpose.getText(), route.getText(),
                validDays.getValue() == null ? 30 : validDays.getValue(), amount,
                feeCurrency.getText().strip().toUpperCase(Locale.ROOT), feeWaived.isSelected(), waiverReason.getText(), seen,
                assessment.getText(), ApplicationStatus.SUBMITTED, null, null, null, null, null);
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private void fillFromRegistry() {
        Long id = personId.getText().isBlank() ? null : parseLong(personId.getText());
        if (id == null) {
            error.setText(Ui.text("etd.form.personIdMissing"));
            return;
        }
        tasks.run(Ui.text("etd.loading"), p -> new Object[] {etd.draftFor(id), etd.registryPhoto(id).orElse(null),
                etd.registrant(id)}, r -> {
            EtdApplication draft = (EtdApplication) r[0];
            byte[] registryPhoto = (byte[]) r[1];
            @SuppressWarnings("unchecked")
            var ref = (java.util.Optional<org.consulardesk.registry.model.PersonRef>) r[2];
            // Whom the number stands for now: a registration merged into another one says so (ADR 0064).
            showRegistrant(id, ref);
            if (registryPhoto != null) {
                photo = registryPhoto;
                cropper.show(registryPhoto);
                say("etd.photo.fromRegistry");
            }
            family.setText(draft.familyName());
            given.setText(nz(draft.givenNames()));
            birth.setText(nz(draft.birthDate()));
            sex.setValue(draft.sex());
            placeOfBirth.setText(nz(draft.placeOfBirth()));
            error.setText("");
            checkMatches();
        }, this::fail);
    }

    private void importPhoto() {
        dialogs.chooseFileToOpen(Ui.text("etd.photo.import")).ifPresent(file ->
                tasks.run(Ui.text("etd.loading"), p -> {
                    byte[] bytes = Files.readAllBytes(file);
                    PhotoCrop.decode(bytes); // refuses what is not a readable JPEG or PNG
                    return bytes;
                }, bytes -> {
                    photo = bytes;
                    cropper.show(bytes);
                    cropper.requestFocus();
                    error.setText("");
                }, this::fail));
    }

    private void checkMatches() {
        EtdApplication a = formValue();
        tasks.run(Ui.text("etd.working"), p -> etd.matches(a), found -> showMatches(found), this::fail);
    }

    private void showMatches(List<EtdMatch> found) {
        if (found.isEmpty()) {
            matches.getStyleClass().remove(Styles.ERROR);
            matches.setText(Ui.text("etd.match.none"));
            return;
        }
        String lines = found.stream().map(m -> Ui.text("etd.match.line", m.serial(), m.holder(), nz(m.birthDate()),
                m.issuedOn().toString(), Ui.text("etd.state." + m.state().name()), Ui.text("etd.match.kind." + m.kind().name())))
                .collect(Collectors.joining("\n"));
        boolean alarm = found.stream().anyMatch(EtdMatch::lostOrStolen);
        if (alarm && !matches.getStyleClass().contains(Styles.ERROR)) {
            matches.getStyleClass().add(Styles.ERROR);
        }
        matches.setText(Ui.text(alarm ? "etd.match.alarm" : "etd.match.found", found.size()) + "\n" + lines);
    }

    private void submit() {
        EtdApplication a = formValue();
        byte[] picture = photo;
        PhotoCrop.Area area = picture == null ? null : cropper.area();
        tasks.run(Ui.text("etd.working"), p -> {
            EtdApplication saved = etd.apply(a);
            if (picture != null) {
                etd.setPhoto(saved.id(), picture, area);
            }
            return new Object[] {saved, etd.matches(saved)};
        }, r -> {
            EtdApplication saved = (EtdApplication) r[0];
            @SuppressWarnings("unchecked")
            List<EtdMatch> found = (List<EtdMatch>) r[1];
            clearForm();
            showMatches(found);
            say(picture == null ? "etd.form.submittedNoPhoto" : "etd.form.submitted", saved.id(), saved.displayName());
        }, this::fail);
    }

    // ================================================================ approval queue and issue

    private Node queueTab() {
        queueTable.setId("etd-queue-table");
        queueTable.setAccessibleText(Ui.text("etd.queue.waiting"));
        queueTable.setPlaceholder(Ui.label("etd.queue.empty"));
        applicationColumns(queueTable);
        queueTable.getColumns().add(Ui.column("etd.col.evidence", a -> Integer.toString(a.evidence().size()), 80));
        queueTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        queueTable.getSelectionModel().selectedItemProperty().addListener((o, x, a) -> showDetail(a));
        queueTable.setPrefHeight(200);
        queueDetail.setId("etd-queue-detail");
        queueDetail.setWrapText(true);
        queueDetail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Button approve = Ui.primary("etd.queue.approve", e -> decide(true));
        approve.setId("etd-approve");
        approve.setDefaultButton(false);
        Button reject = Ui.button("etd.queue.reject", e -> decide(false));
        reject.setId("etd-reject");
        rejectReason.setPromptText(Ui.text("etd.queue.rejectPrompt"));
        approve.setDisable(!canApprove);
        reject.setDisable(!canApprove);
        HBox decision = row(approve, reject, rejectReason);
        HBox.setHgrow(rejectReason, Priority.ALWAYS);

        readyTable.setId("etd-ready-table");
        readyTable.setAccessibleText(Ui.text("etd.queue.ready"));
        readyTable.setPlaceholder(Ui.label("etd.queue.readyEmpty"));
        applicationColumns(readyTable);
        readyTable.getColumns().add(Ui.column("etd.col.decidedBy", a -> nz(a.decidedBy()), 110));
        readyTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        readyTable.setPrefHeight(160);
        Button issue = Ui.primary("etd.queue.issue", e -> issue());
        issue.setId("etd-issue");
        issue.setDefaultButton(false);
        rejectedBox.setId("etd-rejected");
        rejectedBox.setAccessibleText(Ui.text("etd.queue.rejectedList"));
        rejectedBox.setPromptText(Ui.text("etd.queue.rejectedNone"));
        rejectedBox.setPrefWidth(380);
        rejectedBox.setCellFactory(l -> new RejectedCell());
        rejectedBox.setButtonCell(new RejectedCell());
        Button rejectionLetter = Ui.button("etd.queue.rejectionLetter", e -> saveRejectionLetter());
        rejectionLetter.setId("etd-rejection-letter");
        Button printRejection = Ui.button("etd.queue.printRejectionLetter", e -> printRejectionLetter());
        printRejection.setId("etd-print-rejection-letter");
        disableWithoutPrinter(printRejection);
        Label rejectedLabel = Ui.label("etd.queue.rejectedList");
        rejectedLabel.setLabelFor(rejectedBox);
        return padded(Ui.styled(Styles.SUBTITLE, "etd.queue.waiting"), Ui.styled(Styles.MUTED, "etd.queue.intro"), queueTable,
                queueDetail, decision, Ui.styled(Styles.SUBTITLE, "etd.queue.ready"), readyTable, row(issue),
                row(rejectedLabel, rejectedBox, rejectionLetter, printRejection));
    }

    private void saveRejectionLetter() {
        EtdApplication a = rejectedBox.getValue();
        if (a == null) {
            error.setText(Ui.text("etd.queue.selectRejected"));
            return;
        }
        dialogs.chooseFileToSave(Ui.text("etd.queue.rejectionLetter"), "etd-rejection-" + a.id() + ".pdf").ifPresent(target ->
                tasks.run(Ui.text("etd.working"), p -> {
                    Printing.save(etd.rejectionLetter(a.id()), target);
                    return target;
                }, t -> say("etd.saved", fileName(t)), this::fail));
    }

    private void printRejectionLetter() {
        EtdApplication a = rejectedBox.getValue();
        if (a == null) {
            error.setText(Ui.text("etd.queue.selectRejected"));
            return;
        }
        tasks.run(Ui.text("etd.working"), p -> {
            Printing.print(etd.rejectionLetter(a.id()), "ETD rejection " + a.id());
            return a;
        }, x -> say("etd.letterPrintedApplication", x.id()), this::fail);
    }

    private static final class RejectedCell extends ListCell<EtdApplication> {
        @Override
        protected void updateItem(EtdApplication item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : Ui.text("etd.queue.rejectedItem", item.id(), item.displayName(),
                    item.decidedAt() == null ? "" : TIME.format(item.decidedAt())));
        }
    }

    private static void applicationColumns(TableView<EtdApplication> table) {
        table.getColumns().add(Ui.column("etd.col.application", a -> Long.toString(a.id()), 60));
        table.getColumns().add(Ui.column("etd.col.holder", EtdApplication::displayName, 220));
        table.getColumns().add(Ui.column("etd.col.birth", a -> nz(a.birthDate()), 90));
        table.getColumns().add(Ui.column("etd.col.reason", a -> Ui.text("etd.reason." + a.reason().name()), 140));
        table.getColumns().add(Ui.column("etd.col.appliedBy", EtdApplication::appliedBy, 110));
        table.getColumns().add(Ui.column("etd.col.appliedAt", a -> TIME.format(a.appliedAt()), 130));
    }

    private void showDetail(EtdApplication a) {
        if (a == null) {
            queueDetail.setText("");
            return;
        }
        String seen = a.evidence().stream().map(ev -> Ui.text("etd.evidence." + ev.name())).sorted().collect(Collectors.joining(", "));
        String fee = a.feeWaived() ? Ui.text("etd.queue.feeWaived", nz(a.waiverReason()))
                : a.feeAmount().toPlainString() + " " + a.feeCurrency();
        String text = Ui.text("etd.queue.detail", nz(a.route()), a.validDays(), fee, seen.isEmpty() ? "—" : seen,
                nz(a.assessment()).isEmpty() ? "—" : a.assessment().strip().replaceAll("\\.$", ""), nz(a.policeReport()).isEmpty() ? "—" : a.policeReport());
        queueDetail.setText(text);
        tasks.run(Ui.text("etd.working"), p -> etd.matches(a), found -> {
            if (!found.isEmpty() && a.equals(queueTable.getSelectionModel().getSelectedItem())) {
                boolean alarm = found.stream().anyMatch(EtdMatch::lostOrStolen);
                queueDetail.setText(text + "\n" + Ui.text(alarm ? "etd.match.alarm" : "etd.match.found", found.size()));
            }
        }, this::fail);
    }

    private void decide(boolean approve) {
        EtdApplication a = queueTable.getSelectionModel().getSelectedItem();
        if (a == null) {
            error.setText(Ui.text("etd.queue.selectFirst"));
            return;
        }
        String why = rejectReason.getText();
        tasks.run(Ui.text("etd.working"), p -> approve ? etd.approve(a.id(), a.version()) : etd.reject(a.id(), a.version(), why),
                decided -> {
                    rejectReason.clear();
                    say(approve ? "etd.queue.approved" : "etd.queue.rejected", decided.id(), decided.displayName());
                    if (!approve) {
                        rejectedBox.setValue(decided);
                    }
                    loadQueue();
                }, this::fail);
    }

    private void issue() {
        EtdApplication a = readyTable.getSelectionModel().getSelectedItem();
        if (a == null) {
            error.setText(Ui.text("etd.queue.selectReady"));
            return;
        }
        tasks.run(Ui.text("etd.working"), p -> etd.issue(a.id()), d -> {
            say("etd.queue.issued", d.serial(), d.displayName(), d.verificationCode());
            loadQueue();
        }, this::fail);
    }

    private void loadQueue() {
        tasks.run(Ui.text("etd.loading"), p -> List.of(etd.awaitingDecision(), etd.awaitingIssue(), etd.rejected()), lists -> {
            queue.setAll(lists.get(0));
            ready.setAll(lists.get(1));
            EtdApplication chosen = rejectedBox.getValue();
            rejectedBox.getItems().setAll(lists.get(2));
            rejectedBox.getItems().stream().filter(x -> chosen != null && x.id() == chosen.id()).findFirst()
                    .ifPresentOrElse(rejectedBox::setValue, () -> {
                        if (!rejectedBox.getItems().isEmpty()) {
                            rejectedBox.getSelectionModel().selectFirst();
                        }
                    });
            error.setText("");
        }, this::fail);
    }

    // ================================================================ stock

    private Node stockTab() {
        prefix.setPrefColumnCount(4);
        first.setPrefColumnCount(8);
        last.setPrefColumnCount(8);
        digits.setPrefColumnCount(3);
        digits.setText("7");
        prefix.setText("E");
        Button receive = Ui.button("etd.stock.receive", e -> {
            try {
                long from = Long.parseLong(first.getText().strip());
                long to = Long.parseLong(last.getText().strip());
                int width = Integer.parseInt(digits.getText().strip());
                tasks.run(Ui.text("etd.working"), p -> stock.receive(prefix.getText(), from, to, width, reference.getText()),
                        b -> {
                            say("etd.stock.received", b.size(), b.serial(b.first()), b.serial(b.last()));
                            reconcile();
                        }, this::fail);
            } catch (NumberFormatException ex) {
                error.setText(Ui.text("error.etd.stock.range"));
            }
        });
        receive.setId("etd-stock-receive");
        Button assign = Ui.button("etd.stock.assign", e -> tasks.run(Ui.text("etd.working"),
                p -> stock.assign(assignFrom.getText(), assignTo.getText(), assignee.getText()), n -> {
                    say("etd.stock.assignDone", n);
                    reconcile();
                }, this::fail));
        assign.setId("etd-stock-assign");
        Button spoil = Ui.button("etd.stock.spoil", e -> tasks.run(Ui.text("etd.working"), p -> {
            stock.spoil(spoilSerial.getText(), spoilReason.getText());
            return spoilSerial.getText();
        }, s -> {
            say("etd.stock.spoilDone", s);
            spoilSerial.clear();
            spoilReason.clear();
            reconcile();
        }, this::fail));
        spoil.setId("etd-stock-spoil");
        Button run = Ui.button("etd.stock.reconcile", e -> reconcile());
        run.setId("etd-stock-reconcile");
        Button sign = Ui.button("etd.stock.signOff", e -> {
            if (lastReport == null) {
                return;
            }
            StockReport r = lastReport;
            tasks.run(Ui.text("etd.working"), p -> {
                stock.signOff(r, signNote.getText());
                return r;
            }, x -> {
                say("etd.stock.signedOff");
                signNote.clear();
            }, this::fail);
        });
        sign.setId("etd-stock-sign");
        Button reportPdf = Ui.button("etd.stock.reportPdf", e -> saveStockReport());
        reportPdf.setId("etd-stock-report-pdf");
        Button reportPrint = Ui.button("etd.stock.reportPrint", e -> printStockReport());
        reportPrint.setId("etd-stock-report-print");
        reportPdf.setDisable(!canManageStock);
        if (canManageStock) {
            disableWithoutPrinter(reportPrint);
        } else {
            reportPrint.setDisable(true);
        }
        for (Button b : List.of(receive, assign, sign)) {
            b.setDisable(!canManageStock);
        }
        run.setDisable(!canManageStock);
        report.setId("etd-stock-report");
        report.setWrapText(true);
        report.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        report.setStyle("-fx-font-family: monospace;");

        GridPane form = Ui.form();
        Ui.row(form, 0, "etd.stock.receiveRow", row(prefix, first, Ui.label("etd.stock.toSep"), last, Ui.label("etd.stock.digits"),
                digits, reference, receive));
        Ui.row(form, 1, "etd.stock.assignRow", row(assignFrom, Ui.label("etd.stock.toSep"), assignTo, assignee, assign));
        Ui.row(form, 2, "etd.stock.spoilRow", row(spoilSerial, spoilReason, spoil));
        Ui.row(form, 3, "etd.stock.countRow", row(counted, run, reportPdf, reportPrint));
        Ui.row(form, 4, "etd.stock.signRow", row(signNote, sign));
        docCode.setMinWidth(56);
        docCode.setPrefWidth(56);
        defaultDays.setMinWidth(64);
        defaultDays.setPrefWidth(64);
        defaultRoute.setPrefColumnCount(18);
        singleApproval.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        singleApproval.setId("etd-settings-singleApproval");
        Button saveSettings = Ui.button("etd.settings.save", e -> saveSettings());
        saveSettings.setId("etd-settings-save");
        saveSettings.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (Node n : List.of(docCode, defaultDays, defaultRoute, singleApproval, saveSettings)) {
            n.setDisable(!canManageStock);
        }
        Ui.row(form, 5, "etd.settings.row", row(Ui.label("etd.settings.documentCode"), docCode,
                Ui.label("etd.settings.defaultValidDays"), defaultDays, defaultRoute, singleApproval, saveSettings));
        defaultRoute.setPromptText(Ui.text("etd.settings.defaultRoute"));
        reference.setPromptText(Ui.text("etd.stock.reference"));
        assignee.setPrefColumnCount(24);
        spoilReason.setPrefColumnCount(22);
        counted.setPrefColumnCount(16);
        signNote.setPrefColumnCount(30);
        assignee.setPromptText(Ui.text("etd.stock.assigneePrompt"));
        spoilReason.setPromptText(Ui.text("etd.stock.spoilReason"));
        counted.setPromptText(Ui.text("etd.stock.countedPrompt"));
        signNote.setPromptText(Ui.text("etd.stock.signNote"));
        return padded(Ui.styled(Styles.MUTED, "etd.stock.intro"), form, Ui.styled(Styles.SUBTITLE, "etd.stock.reportTitle"), report);
    }

    private void saveStockReport() {
        StockReport r = lastReport;
        if (r == null) {
            error.setText(Ui.text("etd.stock.reconcileFirst"));
            return;
        }
        dialogs.chooseFileToSave(Ui.text("etd.stock.reportPdf"), "etd-stock-reconciliation.pdf").ifPresent(target ->
                tasks.run(Ui.text("etd.working"), p -> {
                    Printing.save(stock.reportPdf(r), target);
                    return target;
                }, t -> say("etd.saved", fileName(t)), this::fail));
    }

    private void printStockReport() {
        StockReport r = lastReport;
        if (r == null) {
            error.setText(Ui.text("etd.stock.reconcileFirst"));
            return;
        }
        tasks.run(Ui.text("etd.working"), p -> {
            Printing.print(stock.reportPdf(r), "ETD stock reconciliation");
            return r;
        }, x -> say("etd.stock.reportPrinted"), this::fail);
    }

    private void loadSettings() {
        tasks.run(Ui.text("etd.loading"), p -> etd.settings(), st -> {
            docCode.setText(st.documentCode());
            defaultDays.setText(Integer.toString(st.defaultValidDays()));
            defaultRoute.setText(st.defaultRoute());
            singleApproval.setSelected(st.singleApproval());
        }, this::fail);
    }

    private void saveSettings() {
        int days;
        try {
            days = Integer.parseInt(defaultDays.getText().strip());
        } catch (NumberFormatException e) {
            error.setText(Ui.text("error.etd.settings"));
            return;
        }
        String code = docCode.getText().strip().toUpperCase(Locale.ROOT);
        String routeText = defaultRoute.getText().strip();
        boolean single = singleApproval.isSelected();
        tasks.run(Ui.text("etd.working"), p -> {
            EtdSettings old = etd.settings();
            EtdSettings next = new EtdSettings(code, old.issuer(), days, routeText.isEmpty() ? old.defaultRoute() : routeText,
                    old.waiveFeeByDefault(), old.defaultWaiverReason(), single);
            etd.saveSettings(next);
            return next;
        }, st -> say(st.singleApproval() ? "etd.settings.savedSingle" : "etd.settings.saved"), this::fail);
    }

    private void reconcile() {
        if (!canManageStock) {
            report.setText(Ui.text("etd.stock.headOnly"));
            return;
        }
        Integer count = null;
        if (!counted.getText().isBlank()) {
            try {
                count = Integer.parseInt(counted.getText().strip());
            } catch (NumberFormatException e) {
                error.setText(Ui.text("etd.stock.countedInvalid"));
                return;
            }
        }
        Integer c = count;
        tasks.run(Ui.text("etd.loading"), p -> stock.report(c), r -> {
            lastReport = r;
            StringBuilder b = new StringBuilder();
            b.append(String.format("%-22s %6d%n", Ui.text("etd.stock.expected"), r.expected()));
            b.append(String.format("%-22s %6d%n", Ui.text("etd.stock.onHand"), r.onHand()));
            b.append(String.format("%-22s %6d%n", Ui.text("etd.stock.assigned"), r.assigned()));
            b.append(String.format("%-22s %6d%n", Ui.text("etd.stock.issued"), r.issued()));
            b.append(String.format("%-22s %6d%n", Ui.text("etd.stock.spoiled"), r.spoiled()));
            b.append(String.format("%-22s %6s%n", Ui.text("etd.stock.counted"), r.counted() == null ? "-" : r.counted()));
            for (StockFlag f : r.flags()) {
                b.append(Ui.text("etd.stock.flag." + f.kind().name(), f.serial())).append('\n');
            }
            b.append(Ui.text(r.balanced() ? "etd.stock.balanced" : "etd.stock.unbalanced"));
            report.setText(b.toString());
            error.setText("");
        }, this::fail);
    }

    // ================================================================ common

    private void refresh() {
        int tab = tabs.getSelectionModel().getSelectedIndex();
        switch (tab) {
            case 0 -> loadRegister();
            case 2 -> loadQueue();
            case 3 -> {
                reconcile();
                loadSettings();
            }
            default -> {
            }
        }
    }

    private void say(String key, Object... args) {
        status.setText(Ui.text(key, args));
        error.setText("");
    }

    private void fail(Throwable t) {
        status.setText("");
        error.setText(Ui.describe(t));
    }

    private static HBox row(Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Label label) {
                label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        HBox box = new HBox(8, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static VBox padded(Node... nodes) {
        VBox box = new VBox(10, nodes);
        box.setPadding(new javafx.geometry.Insets(12, 4, 4, 4));
        return box;
    }

    /** Dates as the register shows them (yyyy-mm-dd); what cannot be read is no date. */
    private static final StringConverter<java.time.LocalDate> ISO_DATE = new StringConverter<>() {
        @Override
        public String toString(java.time.LocalDate date) {
            return date == null ? "" : date.toString();
        }

        @Override
        public java.time.LocalDate fromString(String text) {
            try {
                return text == null || text.isBlank() ? null : java.time.LocalDate.parse(text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    };

    private static StringConverter<EtdState> stateConverter(String nullKey) {
        return new StringConverter<>() {
            @Override
            public String toString(EtdState s) {
                return s == null ? Ui.text(nullKey) : Ui.text("etd.state." + s.name());
            }

            @Override
            public EtdState fromString(String s) {
                return null;
            }
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String fileName(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    /** Opens a tab by index (0 register, 1 application, 2 queue, 3 stock). */
    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    @Override
    public void activate() {
        expiryChecked = false; // each time the screen is opened, unused ETDs past their validity expire first
        refresh();
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
