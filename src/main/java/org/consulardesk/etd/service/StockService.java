package org.consulardesk.etd.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.consulardesk.core.UserError;
import org.consulardesk.etd.model.Blank;
import org.consulardesk.etd.model.StockBatch;
import org.consulardesk.etd.model.StockFlag;
import org.consulardesk.etd.model.StockReport;
import org.consulardesk.etd.store.EtdStore;
import org.consulardesk.etd.store.StockStore;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * The numbered blank forms of the post: received as serial ranges, assigned to officers, issued,
 * spoiled with a reason, and reconciled (expected = on hand + issued + spoiled, with gaps and double
 * use flagged) in a report the head of post signs off.
 */
public final class StockService {
    /** One delivery of blanks; larger ranges are split into several receipts. */
    public static final int MAX_BATCH = 10_000;

    private final Session session;
    private final StockStore stock = new StockStore();
    private final EtdStore etd = new EtdStore();

    public StockService(Session session) {
        this.session = session;
    }

    /** Records a delivery of blanks numbered {@code prefix + first..last}, each padded to {@code digits} digits. */
    public StockBatch receive(String prefix, long first, long last, int digits, String reference) {
        session.require(Permission.MANAGE_ETD_STOCK);
        String p = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
        if (!p.matches("[A-Z]{0,4}") || first < 0 || last < first || digits < 1
                || p.length() + digits > 9 || String.valueOf(last).length() > digits) {
            throw new UserError("error.etd.stock.range");
        }
        if (last - first + 1 > MAX_BATCH) {
            throw new UserError("error.etd.stock.tooMany", MAX_BATCH);
        }
        StockBatch draft = new StockBatch(0, p, first, last, digits, reference == null || reference.isBlank() ? null : reference.strip(),
                session.user().username(), session.now());
        long id = session.database().write(tx -> {
            List<String> serials = new ArrayList<>();
            for (long n = first; n <= last; n++) {
                serials.add(draft.serial(n));
            }
            List<String> existing = new ArrayList<>();
            for (int i = 0; i < serials.size(); i += 1000) {
                existing.addAll(stock.existing(tx, serials.subList(i, Math.min(serials.size(), i + 1000))));
            }
            if (!existing.isEmpty()) {
                throw new UserError("error.etd.stock.overlap", existing.size(), existing.get(0));
            }
            long created = stock.insertBatch(tx, draft);
            session.audit().record(tx, AuditEvent.on("ETD_STOCK_RECEIVED", "etd_stock_batch", created)
                    .withDetail(draft.serial(first) + ".." + draft.serial(last) + " (" + draft.size() + ")"));
            return created;
        });
        return session.database().read(tx -> stock.batches(tx)).stream().filter(b -> b.id() == id).findFirst().orElseThrow();
    }

    public List<StockBatch> batches() {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(stock::batches);
    }

    public List<Blank> blanks() {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(stock::blanks);
    }

    /**
     * Assigns the on-hand blanks from {@code fromSerial} to {@code toSerial} (same prefix and width) to an
     * officer or workstation; {@code assignee} null returns them to the common stock. Returns how many.
     */
    public int assign(String fromSerial, String toSerial, String assignee) {
        session.require(Permission.MANAGE_ETD_STOCK);
        String from = fromSerial == null ? "" : fromSerial.strip().toUpperCase(Locale.ROOT);
        String to = toSerial == null ? "" : toSerial.strip().toUpperCase(Locale.ROOT);
        if (from.isEmpty() || to.isEmpty() || from.length() != to.length() || from.compareTo(to) > 0) {
            throw new UserError("error.etd.stock.range");
        }
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        return session.database().write(tx -> {
            List<String> serials = stock.blanks(tx).stream().filter(b -> b.status() == Blank.Status.ON_HAND)
                    .map(Blank::serial).filter(s -> s.length() == from.length() && s.compareTo(from) >= 0 && s.compareTo(to) <= 0)
                    .toList();
            int n = serials.isEmpty() ? 0 : stock.assign(tx, serials, who, session.user().username(), session.now());
            session.audit().record(tx, AuditEvent.on("ETD_STOCK_ASSIGNED", "etd_blank", from + ".." + to, "assignedTo")
                    .withDetail(n + " blanks to " + (who == null ? "common stock" : who)));
            return n;
        });
    }

    /** Records an on-hand blank as spoiled (printer jam, misprint, damage) with its reason. */
    public void spoil(String serial, String reason) {
        session.require(Permission.ISSUE_ETD);
        if (reason == null || reason.isBlank()) {
            throw new UserError("error.etd.spoilReason");
        }
        String s = serial == null ? "" : serial.strip().toUpperCase(Locale.ROOT);
        session.database().write(tx -> {
            Blank b = stock.blank(tx, s).orElseThrow(() -> new UserError("error.etd.stock.unknownBlank", s));
            if (b.status() != Blank.Status.ON_HAND
                    || !stock.use(tx, s, Blank.Status.SPOILED, reason.strip(), session.user().username(), session.now())) {
                throw new UserError("error.etd.stock.notOnHand", s);
            }
            session.audit().record(tx, AuditEvent.on("ETD_BLANK_SPOILED", "etd_blank", s, "spoilReason"));
            return null;
        });
    }

    /** The reconciliation as of now; {@code counted} is the physical count of blanks on hand, if one was made. */
    public StockReport report(Integer counted) {
        session.require(Permission.MANAGE_ETD_STOCK);
        return session.database().read(tx -> reconcile(stock.batches(tx), stock.blanks(tx), etd.allSerials(tx), counted));
    }

    /** The head of post signs the report off: its figures are kept and the sign-off audited. */
    public void signOff(StockReport report, String note) {
        session.require(Permission.MANAGE_ETD_STOCK);
        session.database().write(tx -> {
            stock.insertReconciliation(tx, report, note == null || note.isBlank() ? null : note.strip(),
                    session.user().username(), session.now());
            session.audit().record(tx, AuditEvent.of("ETD_STOCK_RECONCILED").withDetail("expected " + report.expected()
                    + ", on hand " + report.onHand() + ", counted " + (report.counted() == null ? "-" : report.counted())
                    + ", issued " + report.issued() + ", spoiled " + report.spoiled() + ", flags " + report.flags().size()));
            return null;
        });
    }

    /**
     * The reconciliation as a printable PDF for the head of post's signature (figures, flags, balance,
     * signature lines); producing it is audited with the figures.
     */
    public byte[] reportPdf(StockReport report) {
        session.require(Permission.MANAGE_ETD_STOCK);
        java.time.LocalDateTime at = java.time.LocalDateTime.ofInstant(report.at(), session.clock().getZone());
        byte[] pdf = EtdLetters.stockReport(report, session.descriptor().postName(), at, session.user().displayName());
        session.database().write(tx -> {
            session.audit().record(tx, AuditEvent.of("ETD_STOCK_REPORT_PRINTED").withDetail("expected " + report.expected()
                    + ", on hand " + report.onHand() + ", issued " + report.issued() + ", spoiled " + report.spoiled()
                    + ", flags " + report.flags().size()));
            return null;
        });
        return pdf;
    }

    StockReport reconcile(List<StockBatch> batches, List<Blank> blanks, List<String> documentSerials, Integer counted) {
        int expected = batches.stream().mapToInt(StockBatch::size).sum();
        Map<String, Blank> bySerial = new HashMap<>();
        int onHand = 0;
        int assigned = 0;
        int issued = 0;
        int spoiled = 0;
        for (Blank b : blanks) {
            bySerial.put(b.serial(), b);
            switch (b.status()) {
                case ON_HAND -> {
                    onHand++;
                    if (b.assignedTo() != null) {
                        assigned++;
                    }
                }
                case ISSUED -> issued++;
                case SPOILED -> spoiled++;
            }
        }
        Map<String, Integer> uses = new TreeMap<>();
        documentSerials.forEach(s -> uses.merge(s, 1, Integer::sum));
        List<StockFlag> flags = new ArrayList<>();
        for (Map.Entry<String, Integer> e : uses.entrySet()) {
            Blank b = bySerial.get(e.getKey());
            if (e.getValue() > 1 || (b != null && b.status() == Blank.Status.SPOILED)) {
                flags.add(new StockFlag(StockFlag.Kind.DOUBLE_USE, e.getKey()));
            } else if (b == null || b.status() == Blank.Status.ON_HAND) {
                flags.add(new StockFlag(StockFlag.Kind.GAP, e.getKey()));
            }
        }
        for (Blank b : blanks) {
            if (b.status() == Blank.Status.ISSUED && !uses.containsKey(b.serial())) {
                flags.add(new StockFlag(StockFlag.Kind.GAP, b.serial()));
            }
        }
        // Unassigned blanks left behind while later numbers of the same batch were used.
        Map<Long, String> highestUsed = new HashMap<>();
        for (Blank b : blanks) {
            if (b.status() != Blank.Status.ON_HAND && b.assignedTo() == null) {
                highestUsed.merge(b.batchId(), b.serial(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
            }
        }
        for (Blank b : blanks) {
            String high = highestUsed.get(b.batchId());
            if (b.status() == Blank.Status.ON_HAND && b.assignedTo() == null && high != null && b.serial().compareTo(high) < 0) {
                flags.add(new StockFlag(StockFlag.Kind.SKIPPED, b.serial()));
            }
        }
        flags.sort((x, y) -> x.serial().compareTo(y.serial()));
        return new StockReport(session.now(), expected, onHand, assigned, issued, spoiled, counted, flags);
    }
}
