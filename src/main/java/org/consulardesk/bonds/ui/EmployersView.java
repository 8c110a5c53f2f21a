package org.consulardesk.bonds.ui;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.EmployerWorker;
import org.consulardesk.bonds.service.BondService;
import org.consulardesk.bonds.service.EmployerService;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.registry.model.OrganisationKind;

/**
 * Employers and recruitment agencies (the registry's shared records): search, the record with its
 * licence, contacts and compliance notes, blacklisting with a reason, its workers and its bonds.
 */
public final class EmployersView implements View {
    private final EmployerService employers;
    private final BondService bonds;
    private final BackgroundTasks tasks;
    private final org.consulardesk.core.DialogService dialogs;
    private final org.consulardesk.bonds.service.BondReports reports;
    private final Button statement;
    private final Button statementXlsx;
    private BondExportWindow.Opener exporter = BondExportWindow.Opener.NONE;
    private final VBox root;
    private final javafx.scene.control.ScrollPane scroll;
    private final TextField search = Ui.field("employers.search");
    private final ObservableList<Employer> list = FXCollections.observableArrayList();
    private final TableView<Employer> table = new TableView<>(list);
    private final Label error = Ui.errorLabel("employers-error");
    private final Label info = new Label();
    private final Label formHeading = new Label();
    private final ComboBox<OrganisationKind> kind = BondsUi.choice("employers-kind", "employers.kind", "bonds.kind.",
            OrganisationKind.values(), OrganisationKind.EMPLOYER);
    private final TextField name = Ui.field("employers.name");
    private final TextField registration = Ui.field("employers.registration");
    private final TextField licence = Ui.field("employers.licence");
    private final TextField licenceFrom = Ui.field("employers.licenceFrom");
    private final TextField licenceUntil = Ui.field("employers.licenceUntil");
    private final TextField country = Ui.field("employers.country");
    private final TextField address = Ui.field("employers.address");
    private final TextField contact = Ui.field("employers.contact");
    private final TextField phone = Ui.field("employers.phone");
    private final TextField email = Ui.field("employers.email");
    private final TextArea notes = new TextArea();
    private final TextField blacklistReason = Ui.field("employers.blacklistReason");
    private final Button blacklist;
    private final Label blacklistState = new Label();
    private final ObservableList<EmployerWorker> workers = FXCollections.observableArrayList();
    private final TableView<EmployerWorker> workerTable = new TableView<>(workers);
    private final Label bondsLine = new Label();
    private Employer shown;

    public EmployersView(EmployerService employers, BondService bonds, org.consulardesk.bonds.service.BondReports reports,
                         BackgroundTasks tasks, org.consulardesk.core.DialogService dialogs) {
        this.employers = employers;
        this.bonds = bonds;
        this.reports = reports;
        this.tasks = tasks;
        this.dialogs = dialogs;
        statement = Ui.button("employers.statement", e -> statement());
        statement.setId("employers-statement");
        statementXlsx = Ui.button("employers.statementXlsx", e -> {
            if (shown != null) {
                exporter.open(table, org.consulardesk.bonds.service.BondStatementProfile.NAME,
                        java.util.Map.of("employer", Long.toString(shown.id())));
            }
        });
        statementXlsx.setId("employers-statement-xlsx");
        search.setPromptText(Ui.text("employers.search.prompt"));
        search.setOnAction(e -> load());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button find = Ui.button("bonds.find", e -> load());
        find.setId("employers-find");
        Button add = Ui.button("employers.new", e -> edit(null));
        add.setId("employers-new");
        HBox top = new HBox(8, search, find, add);
        top.setAlignment(Pos.CENTER_LEFT);

        table.setId("employers-table");
        table.setAccessibleText(Ui.text("employers.title"));
        table.setPlaceholder(Ui.label("employers.empty"));
        table.getColumns().add(Ui.column("employers.col.no", e -> Long.toString(e.id()), 60));
        table.getColumns().add(Ui.column("employers.col.name", Employer::legalName, 240));
        table.getColumns().add(Ui.column("employers.col.kind", e -> Ui.text("bonds.kind." + e.kind().name()), 140));
        table.getColumns().add(Ui.column("employers.col.licence", e -> BondsUi.nz(e.licenceNumber())
                + (e.licenceValidUntil() == null ? "" : " (" + e.licenceValidUntil() + ")"), 170));
        table.getColumns().add(Ui.column("employers.col.country", e -> BondsUi.nz(e.countryCode()), 70));
        table.getColumns().add(Ui.column("employers.col.blacklisted", e -> e.blacklisted() ? Ui.text("employers.blacklisted") : "", 110));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(200);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                edit(b);
            }
        });

        GridPane form = Ui.form();
        licenceFrom.setPromptText("YYYY-MM-DD");
        licenceUntil.setPromptText("YYYY-MM-DD");
        country.setPromptText("KE");
        country.setPrefColumnCount(3);
        notes.setId("employers-notes");
        notes.setAccessibleText(Ui.text("employers.notes"));
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        int r = 0;
        Ui.row(form, r++, "employers.kind", kind);
        Ui.row(form, r++, "employers.name", name);
        Ui.row(form, r++, "employers.registration", registration);
        HBox lic = new HBox(8, licence, Ui.label("employers.validFrom"), licenceFrom, Ui.label("bonds.to"), licenceUntil);
        lic.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(licence, Priority.ALWAYS);
        Ui.row(form, r++, "employers.licence", lic);
        HBox place = new HBox(8, country, address);
        HBox.setHgrow(address, Priority.ALWAYS);
        Ui.row(form, r++, "employers.countryAddress", place);
        HBox contacts = new HBox(8, contact, phone, email);
        contact.setPromptText(Ui.text("employers.contact"));
        phone.setPromptText(Ui.text("employers.phone"));
        email.setPromptText(Ui.text("employers.email"));
        Ui.row(form, r++, "employers.contacts", contacts);
        Ui.row(form, r++, "employers.notes", notes);
        Button save = Ui.button("employers.save", e -> save());
        save.setId("employers-save");
        save.getStyleClass().add(Styles.PRIMARY);
        form.add(save, 1, r++);
        blacklistReason.setPromptText(Ui.text("employers.blacklistReason"));
        HBox.setHgrow(blacklistReason, Priority.ALWAYS);
        blacklist = Ui.button("employers.blacklist", e -> toggleBlacklist());
        blacklist.setId("employers-blacklist");
        blacklistState.setId("employers-blacklist-state");
        blacklistState.getStyleClass().add(Styles.ERROR);
        HBox black = new HBox(8, blacklistReason, blacklist);
        black.setAlignment(Pos.CENTER_LEFT);
        Ui.row(form, r++, "employers.blacklisting", black);
        form.add(blacklistState, 1, r);

        workerTable.setId("employers-workers");
        workerTable.setPlaceholder(Ui.label("employers.workers.empty"));
        workerTable.getColumns().add(Ui.column("bonds.workers.col.person", w -> Long.toString(w.personId()), 70));
        workerTable.getColumns().add(Ui.column("bonds.workers.col.name", w -> w.familyName() + ", " + w.givenNames(), 200));
        workerTable.getColumns().add(Ui.column("employers.workers.col.link", w -> Ui.text(w.recruitedOnly()
                ? "employers.workers.recruited" : "employers.workers.employed"), 110));
        workerTable.getColumns().add(Ui.column("employers.workers.col.sector", w -> BondsUi.nz(w.sector()), 120));
        workerTable.getColumns().add(Ui.column("bonds.workers.col.contract", w -> (w.contractStart() == null ? "" : w.contractStart().toString())
                + " \u2013 " + (w.contractEnd() == null ? "" : w.contractEnd().toString()), 180));
        workerTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        workerTable.setPrefHeight(150);
        bondsLine.setId("employers-bonds");
        bondsLine.setWrapText(true);
        formHeading.getStyleClass().add(Styles.SUBTITLE);
        formHeading.setId("employers-heading");
        VBox card = Ui.card(formHeading, form, Ui.styled(Styles.SUBTITLE, "employers.workers"), workerTable, bondsLine,
                new HBox(8, statement, statementXlsx));
        card.setSpacing(8);
        info.setId("employers-info");
        info.getStyleClass().add(Styles.SUCCESS);
        edit(null);
        root = Ui.page(Ui.styled(Styles.TITLE, "employers.title"), Ui.styled(Styles.MUTED, "employers.intro"), top, table,
                error, info, card);
        root.setSpacing(10);
        for (Label l : new Label[] {error, info}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
        }
        scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
    }

    /** The employers screen of the navigation, with the statement export through the exchange. */
    public static EmployersView of(org.consulardesk.security.service.Session session, BackgroundTasks tasks,
                                   org.consulardesk.core.DialogService dialogs) {
        EmployersView view = new EmployersView(new EmployerService(session), new BondService(session),
                new org.consulardesk.bonds.service.BondReports(session), tasks, dialogs);
        view.exportWith(BondExportWindow.opener(session, tasks, dialogs));
        return view;
    }

    /** How "Statement (XLSX)" opens the export (tests pass their own). */
    public void exportWith(BondExportWindow.Opener opener) {
        this.exporter = opener;
    }

    @Override
    public void activate() {
        load();
    }

    private void load() {
        String text = search.getText();
        tasks.run(Ui.text("employers.loading"), p -> employers.search(text, 500), list::setAll,
                f -> error.setText(Ui.describe(f)));
    }

    private record Detail(List<EmployerWorker> workers, List<BondOverview> bonds) {
    }

    private void edit(Employer e) {
        shown = e;
        Employer v = e == null ? Employer.blank(OrganisationKind.EMPLOYER) : e;
        formHeading.setText(e == null ? Ui.text("employers.newHeading") : Ui.text("employers.heading", v.legalName(), v.id()));
        kind.setValue(v.kind());
        name.setText(v.legalName());
        registration.setText(BondsUi.nz(v.registrationNumber()));
        licence.setText(BondsUi.nz(v.licenceNumber()));
        licenceFrom.setText(v.licenceValidFrom() == null ? "" : v.licenceValidFrom().toString());
        licenceUntil.setText(v.licenceValidUntil() == null ? "" : v.licenceValidUntil().toString());
        country.setText(BondsUi.nz(v.countryCode()));
        address.setText(BondsUi.nz(v.address()));
        contact.setText(BondsUi.nz(v.contactPerson()));
        phone.setText(BondsUi.nz(v.phone()));
        email.setText(BondsUi.nz(v.email()));
        notes.setText(BondsUi.nz(v.complianceNotes()));
        blacklistReason.setText(v.blacklisted() ? BondsUi.nz(v.blacklistReason()) : "");
        blacklist.setText(Ui.text(v.blacklisted() ? "employers.unblacklist" : "employers.blacklist"));
        blacklist.setDisable(e == null);
        statement.setDisable(e == null);
        statementXlsx.setDisable(e == null);
        blacklistState.setText(v.blacklisted() ? Ui.text("employers.blacklistedSince", String.valueOf(v.blacklistedOn()),
                BondsUi.nz(v.blacklistReason())) : "");
        workers.clear();
        bondsLine.setText("");
        if (e != null) {
            long id = e.id();
            tasks.run(Ui.text("employers.loading"), p -> new Detail(employers.workers(id), bonds.ofEmployer(id)), d -> {
                workers.setAll(d.workers());
                bondsLine.setText(d.bonds().isEmpty() ? Ui.text("employers.bonds.none")
                        : Ui.text("employers.bonds", String.join("; ", d.bonds().stream().map(o -> o.bond().reference() + " "
                        + Ui.text("bonds.state." + o.bond().state().name()) + " " + o.balance()).toList())));
            }, f -> error.setText(Ui.describe(f)));
        }
    }

    private void save() {
        error.setText("");
        info.setText("");
        Employer e;
        try {
            Employer base = shown == null ? Employer.blank(kind.getValue()) : shown;
            e = new Employer(base.id(), base.version(), kind.getValue(), name.getText(), registration.getText(),
                    licence.getText(), BondsUi.optionalDate(licenceFrom).orElse(null),
                    BondsUi.optionalDate(licenceUntil).orElse(null), country.getText(), address.getText(), contact.getText(),
                    phone.getText(), email.getText(), notes.getText(), base.blacklisted(), base.blacklistReason(),
                    base.blacklistedOn());
        } catch (RuntimeException ex) {
            error.setText(Ui.describe(ex));
            return;
        }
        tasks.run(Ui.text("bonds.saving"), p -> employers.save(e), saved -> {
            info.setText(Ui.text("employers.saved", saved.legalName(), saved.id()));
            reloadAndShow(saved);
        }, f -> error.setText(Ui.describe(f)));
    }

    private void toggleBlacklist() {
        if (shown == null) {
            return;
        }
        Employer e = shown;
        String reason = blacklistReason.getText();
        tasks.run(Ui.text("bonds.saving"), p -> employers.blacklist(e.id(), e.version(), !e.blacklisted(), reason), saved -> {
            info.setText(Ui.text(saved.blacklisted() ? "employers.nowBlacklisted" : "employers.noLongerBlacklisted",
                    saved.legalName()));
            reloadAndShow(saved);
        }, f -> error.setText(Ui.describe(f)));
    }

    private void statement() {
        if (shown == null) {
            return;
        }
        Employer e = shown;
        dialogs.chooseFileToSave(Ui.text("employers.statement.title"), "statement-" + e.id() + ".pdf").ifPresent(path ->
                tasks.run(Ui.text("bonds.saving"), p -> {
                    org.consulardesk.core.AtomicFiles.write(path, reports.statementPdf(e.id()));
                    return path;
                }, saved -> info.setText(Ui.text("bonds.document.saved", saved.toString())),
                        f -> error.setText(Ui.describe(f))));
    }

    private void reloadAndShow(Employer saved) {
        String text = search.getText();
        tasks.run(Ui.text("employers.loading"), p -> employers.search(text, 500), found -> {
            list.setAll(found);
            found.stream().filter(x -> x.id() == saved.id()).findFirst()
                    .ifPresentOrElse(x -> table.getSelectionModel().select(x), () -> edit(saved));
        }, f -> error.setText(Ui.describe(f)));
    }

    @Override
    public Node root() {
        return scroll;
    }

    @Override
    public Node initialFocus() {
        return search;
    }
}
