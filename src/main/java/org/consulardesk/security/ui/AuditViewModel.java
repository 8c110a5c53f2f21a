package org.consulardesk.security.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ui.Ui;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.security.service.AuditService;

/** Audit viewer state: filters, the current page of entries, and the result of a chain check. */
public final class AuditViewModel {
    static final int PAGE_SIZE = 200;

    final StringProperty actor = new SimpleStringProperty("");
    final ObjectProperty<String> action = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    final ObservableList<AuditRecord> entries = FXCollections.observableArrayList();
    final ObservableList<String> actions = FXCollections.observableArrayList();
    final IntegerProperty total = new SimpleIntegerProperty();
    final IntegerProperty offset = new SimpleIntegerProperty();
    final StringProperty verifyResult = new SimpleStringProperty("");
    final StringProperty verifyStyle = new SimpleStringProperty("");
    final StringProperty error = new SimpleStringProperty("");

    private final AuditService service;
    private final BackgroundTasks tasks;

    public AuditViewModel(AuditService service, BackgroundTasks tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    void search() {
        offset.set(0);
        load();
    }

    void next() {
        if (offset.get() + PAGE_SIZE < total.get()) {
            offset.set(offset.get() + PAGE_SIZE);
            load();
        }
    }

    void previous() {
        if (offset.get() > 0) {
            offset.set(Math.max(0, offset.get() - PAGE_SIZE));
            load();
        }
    }

    void load() {
        AuditFilter filter = filter();
        int start = offset.get();
        tasks.run(Ui.text("audit.loading"), p -> new Page(service.count(filter), service.page(filter, start, PAGE_SIZE),
                service.actions()), page -> {
                    error.set("");
                    total.set(page.total());
                    entries.setAll(page.entries());
                    String selected = action.get();
                    actions.setAll(page.actions());
                    action.set(selected);
                }, failure -> error.set(Ui.describe(failure)));
    }

    void verify() {
        verifyResult.set(Ui.text("audit.verifying"));
        verifyStyle.set("");
        tasks.run(Ui.text("audit.verifying"), p -> service.verify(), result -> {
            if (result.ok()) {
                verifyResult.set(Ui.text("audit.verify.ok", result.checked()));
                verifyStyle.set("ok");
            } else {
                AuditService.Break b = result.firstBreak().get();
                verifyResult.set(Ui.text("audit.verify.broken", b.seq(), Ui.text("audit.break." + b.reason())));
                verifyStyle.set("broken");
            }
            load();
        }, failure -> error.set(Ui.describe(failure)));
    }

    private AuditFilter filter() {
        ZoneId zone = ZoneId.systemDefault();
        Instant start = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        return new AuditFilter(actor.get(), action.get(), null, start, end);
    }

    private record Page(int total, List<AuditRecord> entries, List<String> actions) {
    }
}
