package org.consulardesk.bonds.ui;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.consulardesk.bonds.model.Claim;
import org.consulardesk.bonds.model.ClaimCategory;
import org.consulardesk.bonds.model.ClaimItem;
import org.consulardesk.bonds.model.ClaimStatus;
import org.consulardesk.bonds.model.NewClaim;
import org.consulardesk.bonds.service.ClaimService;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.DialogService;
import org.consulardesk.core.ui.Styles;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.core.ui.View;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * The claims queue (overdue decisions marked) and one claim's life: filing with items, evidence
 * scans, the employer's notice, the assessment, the decision with reason (entitled officers only;
 * the approved column of the items is editable) and the payout from the bond with its receipt.
 */
public final class ClaimsView implements View {
    private final ClaimService claims;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final org.consulardesk.bonds.service.BondReports reports;
    private final boolean decider;
    private final VBox root;
    private final javafx.scene.control.ScrollPane scroll;
    private final CheckBox showAll = new CheckBox(Ui.text("claims.showAll"));
    private final ObservableList<Claim> queue = FXCollections.observableArrayList();
    private final TableView<Claim> table = new TableView<>(queue);
    private final Label error = Ui.errorLabel("claims-error");
    private final Label info = new Label();

    private final VBox fileCard;
    private final TextField fileBond = Ui.field("claims.file.bond");
    private final TextField filePerson = Ui.field("claims.file.person");
    private final TextField fileCurrency = Ui.field("claims.file.currency");
    private final TextField fileStatement = Ui.field("claims.file.statement");
    private final ComboBox<ClaimCategory> itemCategory = BondsUi.choice("claims-item-category", "claims.item.category",
            "bonds.claim.category.", ClaimCategory.values(), ClaimCategory.OUTSTANDING_WAGES);
    private final TextField itemDescription = Ui.field("claims.item.description");
    private final TextField itemAmount = Ui.field("claims.item.amount");
    private final ObservableList<ClaimItem> newItems = FXCollections.observableArrayList();
    private final TableView<ClaimItem> newItemsTable = new TableView<>(newItems);

    private final VBox detail;
    private final Label heading = new Label();
    private final Label facts = new Label();
    private final ObservableList<ClaimItem> items = FXCollections.observableArrayList();
    private final TableView<ClaimItem> itemsTable = new TableView<>(items);
    private final Map<Long, String> approvedText = new HashMap<>();
    private final TextField noticeDate = Ui.field("claims.notice.date");
    private final TextField noticeHow = Ui.field("claims.notice.how");
    private final TextField noticeResponse = Ui.field("claims.notice.response");
    private final TextField assessment = Ui.field("claims.assessment");
    private final TextField reason = Ui.field("claims.decision.reason");
    private final TextField receipt = Ui.field("claims.pay.receipt");
    private final TextField rate = Ui.field("claims.pay.rate");
    private Claim shown;
    /** The session's date, read with each load (never the workstation's clock: exercises set their own). */
    private LocalDate today;
    private java.util.function.LongConsumer onOpenPerson = id -> { };

    private final TextField decisionDays = new TextField();

    public ClaimsView(ClaimService claims, org.consulardesk.bonds.service.BondReports reports, BackgroundTasks tasks,
                      DialogService dialogs, boolean decider) {
        this.claims = claims;
        this.today = claims.today();
        this.reports = reports;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.decider = decider;

        showAll.setId("claims-show-all");
        showAll.selectedProperty().addListener((o, a, b) -> load(null));
        Button newClaim = Ui.button("claims.new", e -> toggleFile());
        newClaim.setId("claims-new");
        decisionDays.setId("claims-decision-days");
        decisionDays.setAccessibleText(Ui.text("claims.decisionDays"));
        decisionDays.setPrefColumnCount(4);
        decisionDays.setOnAction(e -> setDecisionDays());
        Label daysLabel = Ui.label("claims.decisionDays");
        daysLabel.setLabelFor(decisionDays);
        Button setDays = Ui.button("claims.decisionDays.set", e -> setDecisionDays());
        setDays.setId("claims-decision-days-set");
        HBox daysRow = new HBox(8, daysLabel, decisionDays, setDays);
        daysRow.setAlignment(Pos.CENTER_LEFT);
        decisionDays.setEditable(decider);
        setDays.setVisible(decider);
        setDays.setManaged(decider);
        HBox top = new HBox(12, newClaim, showAll, daysRow);
        top.setAlignment(Pos.CENTER_LEFT);

        table.setId("claims-table");
        table.setAccessibleText(Ui.text("claims.title"));
        table.setPlaceholder(Ui.label("claims.empty"));
        table.getColumns().add(Ui.column("claims.col.no", c -> Long.toString(c.id()), 60));
        table.getColumns().add(Ui.column("claims.col.worker", c -> c.familyName() + ", " + c.givenNames(), 180));
        table.getColumns().add(Ui.column("claims.col.employer", Claim::organisationName, 180));
        table.getColumns().add(Ui.column("claims.col.bond", Claim::bondReference, 150));
        table.getColumns().add(Ui.column("claims.col.status", c -> Ui.text("bonds.claim.status." + c.status().name()), 150));
        table.getColumns().add(Ui.column("claims.col.due", c -> c.decisionDue().toString()
                + (c.overdue(today) ? " " + Ui.text("claims.overdue") : ""), 150));
        table.getColumns().add(Ui.column("claims.col.claimed", c -> c.claimed().toString(), 110));
        table.getColumns().add(Ui.column("claims.col.approved", c -> c.status() == ClaimStatus.REJECTED
                || c.decidedBy() != null ? c.approved().toString() : "", 110));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(180);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Claim item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove(Styles.OVERDUE);
                if (!empty && item != null && item.overdue(today)) {
                    getStyleClass().add(Styles.OVERDUE);
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                show(b);
            }
        });

        fileCard = fileForm();
        fileCard.setVisible(false);
        fileCard.setManaged(false);
        detail = detailPane();
        show(null);
        info.setId("claims-info");
        info.getStyleClass().add(Styles.SUCCESS);
        root = Ui.page(Ui.styled(Styles.TITLE, "claims.title"), Ui.styled(Styles.MUTED, "claims.intro"), top, table, fileCard,
                error, info, detail);
        root.setSpacing(10);
        for (Label l : new Label[] {error, info}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
        }
        scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
    }

    /** What "Open the worker's registration" calls with the person's id (the shell opens the person form). */
    public ClaimsView setOnOpenPerson(java.util.function.LongConsumer onOpenPerson) {
        this.onOpenPerson = onOpenPerson;
        return this;
    }

    public static ClaimsView of(Session session, BackgroundTasks tasks, DialogService dialogs) {
        return new ClaimsView(new ClaimService(session), new org.consulardesk.bonds.service.BondReports(session), tasks, dialogs,
                session.can(Permission.DECIDE_CLAIMS));
    }

    private VBox fileForm() {
        GridPane grid = Ui.form();
        fileCurrency.setText("USD");
        fileBond.setPromptText(Ui.text("claims.file.bond.prompt"));
        Ui.row(grid, 0, "claims.file.bond", fileBond);
        Ui.row(grid, 1, "claims.file.person", filePerson);
        Ui.row(grid, 2, "claims.file.currency", fileCurrency);
        Ui.row(grid, 3, "claims.file.statement", fileStatement);
        itemDescription.setPromptText(Ui.text("claims.item.description"));
        HBox.setHgrow(itemDescription, Priority.ALWAYS);
        itemAmount.setPromptText(Ui.text("claims.item.amount"));
        itemAmount.setPrefColumnCount(9);
        Button addItem = Ui.button("claims.item.add", e -> addItem());
        addItem.setId("claims-item-add");
        itemAmount.setOnAction(e -> addItem());
        HBox itemRow = new HBox(8, itemCategory, itemDescription, itemAmount, addItem);
        itemRow.setAlignment(Pos.CENTER_LEFT);
        Ui.row(grid, 4, "claims.file.items", itemRow);
        newItemsTable.setId("claims-new-items");
        newItemsTable.setPlaceholder(Ui.label("claims.items.none"));
        newItemsTable.getColumns().add(Ui.column("claims.items.col.category", i -> Ui.text("bonds.claim.category." + i.category().name()), 160));
        newItemsTable.getColumns().add(Ui.column("claims.items.col.description", ClaimItem::description, 260));
        newItemsTable.getColumns().add(Ui.column("claims.items.col.amount", i -> i.amount().toPlainString(), 100));
        newItemsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        newItemsTable.setPrefHeight(110);
        grid.add(newItemsTable, 1, 5);
        Button file = Ui.button("claims.file.submit", e -> file());
        file.setId("claims-file-submit");
        file.getStyleClass().add(Styles.PRIMARY);
        grid.add(new HBox(8, file, Ui.button("bonds.new.cancel", e -> toggleFile())), 1, 6);
        return Ui.card(Ui.styled(Styles.SUBTITLE, "claims.file.heading"), grid);
    }

    private VBox detailPane() {
        heading.setId("claims-heading");
        heading.getStyleClass().add(Styles.SUBTITLE);
        facts.setId("claims-facts");
        facts.setWrapText(true);
        itemsTable.setId("claims-items");
        itemsTable.setEditable(true);
        itemsTable.getColumns().add(Ui.column("claims.items.col.category", i -> Ui.text("bonds.claim.category." + i.category().name()), 160));
        itemsTable.getColumns().add(Ui.column("claims.items.col.description", ClaimItem::description, 260));
        itemsTable.getColumns().add(Ui.column("claims.items.col.amount", i -> i.amount().toPlainString(), 100));
        TableColumn<ClaimItem, String> approved = new TableColumn<>(Ui.text("claims.items.col.approved"));
        approved.setCellValueFactory(c -> new ReadOnlyStringWrapper(approvedText.getOrDefault(c.getValue().id(),
                c.getValue().approved() == null ? c.getValue().amount().toPlainString() : c.getValue().approved().toPlainString())));
        approved.setCellFactory(TextFieldTableCell.forTableColumn());
        approved.setOnEditCommit(e -> approvedText.put(e.getRowValue().id(), e.getNewValue()));
        approved.setPrefWidth(120);
        itemsTable.getColumns().add(approved);
        itemsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        itemsTable.setPrefHeight(120);

        GridPane grid = Ui.form();
        noticeDate.setPromptText("YYYY-MM-DD");
        noticeHow.setPromptText(Ui.text("claims.notice.how"));
        noticeResponse.setPromptText(Ui.text("claims.notice.response"));
        HBox.setHgrow(noticeResponse, Priority.ALWAYS);
        Button notice = Ui.button("claims.notice.record", e -> notice());
        notice.setId("claims-notice-record");
        HBox noticeRow = new HBox(8, noticeDate, noticeHow, noticeResponse, notice);
        noticeRow.setAlignment(Pos.CENTER_LEFT);
        Ui.row(grid, 0, "claims.notice", noticeRow);
        Button assess = Ui.button("claims.assessment.record", e -> assess());
        assess.setId("claims-assessment-record");
        HBox.setHgrow(assessment, Priority.ALWAYS);
        Ui.row(grid, 1, "claims.assessment", new HBox(8, assessment, assess));
        Button decide = Ui.button("claims.decision.record", e -> decide());
        decide.setId("claims-decision-record");
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox decisionRow = new HBox(8, reason, decide);
        Ui.row(grid, 2, "claims.decision", decisionRow);
        decisionRow.setDisable(!decider);
        rate.setPromptText(Ui.text("claims.pay.rate"));
        rate.setPrefColumnCount(8);
        Button pay = Ui.button("claims.pay.record", e -> pay());
        pay.setId("claims-pay-record");
        HBox.setHgrow(receipt, Priority.ALWAYS);
        Ui.row(grid, 3, "claims.pay", new HBox(8, receipt, rate, pay));
        Button evidence = Ui.button("claims.evidence.add", e -> addEvidence());
        evidence.setId("claims-evidence-add");
        Button letter = Ui.button("claims.letter", e -> letter());
        letter.setId("claims-letter");
        // The worker as shown: after a merge, the registration that stands for them now (ADR 0064).
        Button open = Ui.button("claims.openPerson", e -> {
            if (shown != null) {
                onOpenPerson.accept(shown.personId());
            }
        });
        open.setId("claims-open-person");
        VBox card = Ui.card(heading, facts, itemsTable, Ui.styled(Styles.MUTED, "claims.items.editHint"), grid,
                new HBox(8, evidence, letter, open));
        card.setSpacing(8);
        return card;
    }

    @Override
    public void activate() {
        load(shown == null ? null : shown.id());
        tasks.run(Ui.text("claims.loading"), p -> claims.decisionDays(), d -> decisionDays.setText(Integer.toString(d)),
                f -> { });
    }

    private void setDecisionDays() {
        if (!decider) {
            return;
        }
        error.setText("");
        String text = decisionDays.getText() == null ? "" : decisionDays.getText().strip();
        if (!text.matches("\\d{1,3}")) {
            error.setText(Ui.text("error.claim.decisionDays"));
            return;
        }
        int days = Integer.parseInt(text);
        tasks.run(Ui.text("bonds.saving"), p -> claims.setDecisionDays(days), d -> info.setText(Ui.text("claims.decisionDays.saved", d)),
                f -> error.setText(Ui.describe(f)));
    }

    private void load(Long reopen) {
        today = claims.today();
        boolean all = showAll.isSelected();
        tasks.run(Ui.text("claims.loading"), p -> all ? claims.all() : claims.queue(), list -> {
            queue.setAll(list);
            if (reopen == null && shown == null && !list.isEmpty()) {
                table.getSelectionModel().selectFirst(); // the earliest decision date: the detail is never empty
            }
            if (reopen != null) {
                list.stream().filter(c -> c.id() == reopen).findFirst().ifPresentOrElse(this::show,
                        () -> tasks.run(Ui.text("claims.loading"), p -> claims.get(reopen), this::show,
                                f -> error.setText(Ui.describe(f))));
            }
        }, f -> error.setText(Ui.describe(f)));
    }

    private void show(Claim c) {
        shown = c;
        detail.setVisible(c != null);
        detail.setManaged(c != null);
        approvedText.clear();
        if (c == null) {
            items.clear();
            return;
        }
        heading.setText(Ui.text("claims.detail.heading", c.id(), c.familyName() + ", " + c.givenNames(), c.organisationName(),
                Ui.text("bonds.claim.status." + c.status().name())));
        List<String> lines = new ArrayList<>();
        lines.add(Ui.text("claims.detail.filed", c.filedOn().toString(), c.filedBy(), c.decisionDue().toString(),
                c.claimed().toString(), c.bondReference()));
        if (c.statement() != null) {
            lines.add(Ui.text("claims.detail.statement", c.statement()));
        }
        if (c.employerNotifiedOn() != null) {
            lines.add(Ui.text("claims.detail.notice", c.employerNotifiedOn().toString(), BondsUi.nz(c.employerNotifiedHow()),
                    BondsUi.nz(c.employerResponse())));
        }
        if (c.assessment() != null) {
            lines.add(Ui.text("claims.detail.assessment", c.assessment(), BondsUi.nz(c.assessedBy())));
        }
        if (c.decidedBy() != null) {
            lines.add(Ui.text("claims.detail.decision", c.decidedOn().toString(), c.decidedBy(), c.approved().toString(),
                    BondsUi.nz(c.decisionReason())));
        }
        if (c.receiptReference() != null) {
            lines.add(Ui.text("claims.detail.paid", c.paidOn().toString(), c.receiptReference()));
        }
        if (!c.evidence().isEmpty()) {
            lines.add(Ui.text("claims.detail.evidence", c.evidence().size()));
        }
        facts.setText(String.join("\n", lines));
        items.setAll(c.items());
        if (noticeDate.getText() == null || noticeDate.getText().isBlank()) {
            noticeDate.setText(today.toString());
        }
    }

    private void toggleFile() {
        boolean show = !fileCard.isVisible();
        fileCard.setVisible(show);
        fileCard.setManaged(show);
        if (show) {
            fileBond.requestFocus();
        }
    }

    private void addItem() {
        error.setText("");
        try {
            newItems.add(new ClaimItem(0, itemCategory.getValue(), itemDescription.getText(), BondsUi.amount(itemAmount), null));
            itemDescription.clear();
            itemAmount.clear();
            itemDescription.requestFocus();
        } catch (RuntimeException e) {
            error.setText(Ui.describe(e));
        }
    }

    private void file() {
        error.setText("");
        info.setText("");
        NewClaim claim;
        try {
            claim = new NewClaim(BondsUi.number(fileBond), BondsUi.number(filePerson), BondsUi.currency(fileCurrency),
                    fileStatement.getText(), List.copyOf(newItems));
        } catch (RuntimeException e) {
            error.setText(Ui.describe(e));
            return;
        }
        tasks.run(Ui.text("bonds.saving"), p -> claims.file(claim), c -> {
            info.setText(Ui.text("claims.filed", c.id(), c.decisionDue().toString()));
            newItems.clear();
            fileStatement.clear();
            toggleFile();
            load(c.id());
        }, f -> error.setText(Ui.describe(f)));
    }

    private void notice() {
        if (shown == null) {
            return;
        }
        Claim c = shown;
        String how = noticeHow.getText();
        String response = noticeResponse.getText();
        LocalDate on;
        try {
            on = BondsUi.date(noticeDate);
        } catch (RuntimeException e) {
            error.setText(Ui.describe(e));
            return;
        }
        change(() -> claims.notifyEmployer(c.id(), c.version(), on, how, response), "claims.noticeRecorded");
    }

    private void assess() {
        if (shown == null) {
            return;
        }
        Claim c = shown;
        String text = assessment.getText();
        change(() -> claims.assess(c.id(), c.version(), text), "claims.assessed");
    }

    private void decide() {
        if (shown == null) {
            return;
        }
        Claim c = shown;
        Map<Long, BigDecimal> amounts = new HashMap<>();
        try {
            for (ClaimItem i : c.items()) {
                String text = approvedText.getOrDefault(i.id(), i.amount().toPlainString());
                TextField parse = new TextField(text);
                amounts.put(i.id(), BondsUi.amount(parse));
            }
        } catch (RuntimeException e) {
            error.setText(Ui.describe(e));
            return;
        }
        String why = reason.getText();
        change(() -> claims.decide(c.id(), c.version(), amounts, why), "claims.decided");
    }

    private void pay() {
        if (shown == null) {
            return;
        }
        Claim c = shown;
        String ref = receipt.getText();
        BigDecimal r;
        try {
            r = BondsUi.optionalAmount(rate).orElse(null);
        } catch (RuntimeException e) {
            error.setText(Ui.describe(e));
            return;
        }
        change(() -> claims.pay(c.id(), c.version(), ref, r), "claims.paid");
    }

    private void addEvidence() {
        if (shown == null) {
            return;
        }
        Claim c = shown;
        dialogs.chooseFileToOpen(Ui.text("claims.evidence.choose")).ifPresent(path -> change(() -> {
            claims.addEvidence(c.id(), path.getFileName().toString(), Files.probeContentType(path), Files.readAllBytes(path));
            return claims.get(c.id());
        }, "claims.evidenceAdded"));
    }

    private void letter() {
        if (shown == null) {
            return;
        }
        long id = shown.id();
        dialogs.chooseFileToSave(Ui.text("claims.letter.title"), "claim-" + id + "-decision.pdf").ifPresent(path ->
                tasks.run(Ui.text("bonds.saving"), p -> {
                    org.consulardesk.core.AtomicFiles.write(path, reports.decisionLetterPdf(id));
                    return path;
                }, saved -> info.setText(Ui.text("bonds.document.saved", saved.toString())),
                        f -> error.setText(Ui.describe(f))));
    }

    @FunctionalInterface
    private interface Work {
        Claim run() throws Exception;
    }

    private void change(Work work, String doneKey) {
        error.setText("");
        info.setText("");
        long id = shown == null ? 0 : shown.id();
        tasks.run(Ui.text("bonds.saving"), p -> work.run(), c -> {
            info.setText(Ui.text(doneKey, c.id()));
            assessment.clear();
            reason.clear();
            receipt.clear();
            rate.clear();
            load(c.id());
        }, f -> {
            error.setText(Ui.describe(f));
            if (id != 0) {
                load(id);
            }
        });
    }

    /** The claim shown (tests). */
    Claim shown() {
        return shown;
    }

    @Override
    public Node root() {
        return scroll;
    }

    @Override
    public Node initialFocus() {
        return table;
    }
}
