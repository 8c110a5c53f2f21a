package org.consulardesk.etd.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.consulardesk.etd.model.Blank;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.StockBatch;
import org.consulardesk.etd.model.StockFlag;
import org.consulardesk.etd.model.StockReport;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blank stock on a real encrypted H2 registry: receive, assign, issue, spoil, reconcile. */
class StockServiceTest {
    static final String OFFICER = "m.quillane";
    static final String SECOND = "d.farrowby";

    @TempDir
    Path tmp;
    Path dir;
    Path state;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("registry");
        state = tmp.resolve("state");
        try (Session head = create(dir).session()) {
            UserService users = new UserService(head, state, FAST);
            users.add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            users.add(SECOND, "Dorin Farrowby", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
        }
    }

    <T> T as(String user, Function<Session, T> work) {
        try (Session s = login(dir, state, user, OTHER_PASSPHRASE)) {
            return work.apply(s);
        }
    }

    <T> T asHead(Function<Session, T> work) {
        try (Session s = loginHead(dir, state)) {
            return work.apply(s);
        }
    }

    EtdDocument issueOne(String applicant, String approver, String family) {
        EtdApplication a = as(applicant, s -> {
            EtdService etd = new EtdService(s);
            EtdApplication x = etd.apply(EtdServiceTest.walkIn(etd.settings(), family, "Ona", "1990"));
            etd.setPhoto(x.id(), EtdServiceTest.portrait(), PhotoCrop.initial(600, 800));
            return x;
        });
        as(approver, s -> new EtdService(s).approve(a.id(), a.version()));
        return as(applicant, s -> new EtdService(s).issue(a.id()));
    }

    @Test
    void receiveAssignIssueSpoilAndReconcile() {
        StockBatch batch = asHead(s -> new StockService(s).receive("e", 101, 110, 6, "Pouch 14"));
        assertThat(batch.size()).isEqualTo(10);
        assertThat(batch.serial(101)).isEqualTo("E000101");
        // overlapping ranges are refused
        assertThat(asHead(s -> userError(() -> new StockService(s).receive("E", 110, 120, 6, null))).key())
                .isEqualTo("error.etd.stock.overlap");
        // only the head of post receives and assigns
        assertThat(as(OFFICER, s -> userError(() -> new StockService(s).receive("F", 1, 2, 3, null))).key())
                .isEqualTo("error.permission.denied");

        // blanks 101-103 are assigned to the second officer: the first officer takes 104 onwards
        assertThat(this.<Integer>asHead(s -> new StockService(s).assign("E000101", "E000103", SECOND))).isEqualTo(3);
        assertThat(issueOne(OFFICER, SECOND, "Kestrelle").serial()).isEqualTo("E000104");
        assertThat(issueOne(SECOND, OFFICER, "Marrowind").serial()).isEqualTo("E000101");

        // a jam before printing: the blank is spoiled with its reason
        as(OFFICER, s -> {
            new StockService(s).spoil("E000105", "Printer jam");
            return null;
        });
        assertThat(as(OFFICER, s -> userError(() -> new StockService(s).spoil("E000105", "again"))).key())
                .isEqualTo("error.etd.stock.notOnHand");
        assertThat(as(OFFICER, s -> userError(() -> new StockService(s).spoil("E000106", " "))).key())
                .isEqualTo("error.etd.spoilReason");
        // a jam after issue: the document moves to the next blank, the jammed one is spoiled
        EtdDocument jammed = issueOne(OFFICER, SECOND, "Tallowfen");
        assertThat(jammed.serial()).isEqualTo("E000106");
        EtdDocument moved = as(OFFICER, s -> new EtdService(s).spoilAndReissue(jammed.id(), "Ribbon tore"));
        assertThat(moved.id()).isEqualTo(jammed.id());
        assertThat(moved.serial()).isEqualTo("E000107");
        assertThat(moved.mrz().line2()).startsWith("E000107");
        assertThat(MrzCodec.read(moved.mrz().line1(), moved.mrz().line2()).number()).isEqualTo("E000107");

        StockReport report = asHead(s -> new StockService(s).report(6));
        assertThat(report.expected()).isEqualTo(10);
        assertThat(report.issued()).isEqualTo(3);
        assertThat(report.spoiled()).isEqualTo(2);
        assertThat(report.onHand()).isEqualTo(5);
        assertThat(report.assigned()).isEqualTo(2);
        assertThat(report.counted()).isEqualTo(6);
        assertThat(report.flags()).isEmpty();
        assertThat(report.balanced()).isFalse(); // counted 6, system says 5
        assertThat(asHead(s -> new StockService(s).report(5)).balanced()).isTrue();

        asHead(s -> {
            StockService stock = new StockService(s);
            stock.signOff(stock.report(5), "Counted with the deputy");
            return null;
        });
        assertThat(asHead(s -> s.audit().page(AuditFilter.ALL, 0, 500)).stream().filter(r -> r.action().equals("ETD_STOCK_RECONCILED")))
                .singleElement().satisfies(r -> assertThat(r.detail()).contains("expected 10").contains("on hand 5"));
    }

    @Test
    void gapsAndDoubleUseAreFlagged() {
        asHead(s -> new StockService(s).receive("E", 1, 5, 4, null));
        EtdDocument d = issueOne(OFFICER, SECOND, "Kestrelle");
        assertThat(d.serial()).isEqualTo("E0001");
        // The pure reconciliation over crafted data: a second document on E0001, one on a spoiled blank,
        // one on a number outside the stock, a blank issued with no document, and a skipped blank.
        asHead(s -> {
            StockService stock = new StockService(s);
            List<StockBatch> batches = stock.batches();
            long batch = batches.get(0).id();
            Instant t = Instant.parse("2026-11-20T10:00:00Z");
            List<Blank> blanks = List.of(
                    new Blank("E0001", batch, Blank.Status.ISSUED, null, null, OFFICER, t),
                    new Blank("E0002", batch, Blank.Status.ON_HAND, null, null, OFFICER, t),
                    new Blank("E0003", batch, Blank.Status.SPOILED, null, "jam", OFFICER, t),
                    new Blank("E0004", batch, Blank.Status.ISSUED, null, null, OFFICER, t),
                    new Blank("E0005", batch, Blank.Status.ON_HAND, null, null, OFFICER, t));
            StockReport r = stock.reconcile(batches, blanks, List.of("E0001", "E0001", "E0003", "X9999"), null);
            assertThat(r.flags()).containsExactly(
                    new StockFlag(StockFlag.Kind.DOUBLE_USE, "E0001"),
                    new StockFlag(StockFlag.Kind.SKIPPED, "E0002"),
                    new StockFlag(StockFlag.Kind.DOUBLE_USE, "E0003"),
                    new StockFlag(StockFlag.Kind.GAP, "E0004"),
                    new StockFlag(StockFlag.Kind.GAP, "X9999"));
            assertThat(r.balanced()).isFalse();
            // the real stock after one clean issue is balanced
            StockReport real = stock.report(null);
            assertThat(real.flags()).isEmpty();
            assertThat(real.expected()).isEqualTo(5);
            assertThat(real.issued()).isEqualTo(1);
            assertThat(real.balanced()).isTrue();
            return null;
        });
    }

    @Test
    void noBlankNoIssue() {
        EtdApplication a = as(OFFICER, s -> {
            EtdService etd = new EtdService(s);
            EtdApplication x = etd.apply(EtdServiceTest.walkIn(etd.settings(), "Kestrelle", "Ona", "1990"));
            etd.setPhoto(x.id(), EtdServiceTest.portrait(), PhotoCrop.initial(600, 800));
            return x;
        });
        as(SECOND, s -> new EtdService(s).approve(a.id(), a.version()));
        assertThat(as(OFFICER, s -> userError(() -> new EtdService(s).issue(a.id()))).key()).isEqualTo("error.etd.noBlank");
        // blanks assigned to someone else are not taken
        asHead(s -> new StockService(s).receive("E", 1, 2, 4, null));
        asHead(s -> new StockService(s).assign("E0001", "E0002", SECOND));
        assertThat(as(OFFICER, s -> userError(() -> new EtdService(s).issue(a.id()))).key()).isEqualTo("error.etd.noBlank");
        assertThat(this.<String>as(SECOND, s -> new EtdService(s).issue(a.id()).serial())).isEqualTo("E0001");
    }
}
