package org.consulardesk.security.service;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.consulardesk.core.crypto.Hashes;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.store.AuditStore;
import org.consulardesk.store.Tx;

/**
 * The audit log: who did what, when, to which entity and which fields. Each entry's hash covers the
 * previous entry's hash, so editing, deleting or reordering any row breaks the chain from there on.
 */
public final class AuditService {
    public static final String GENESIS = "0".repeat(64);

    private final Session session;
    private final AuditStore store = new AuditStore();

    AuditService(Session session) {
        this.session = session;
    }

    /** Records within the caller's transaction, as the current user. */
    public void record(Tx tx, AuditEvent event) {
        record(tx, session.user().username(), event);
    }

    public void record(Tx tx, String actor, AuditEvent event) {
        AuditStore.Head head = store.lockHead(tx);
        long seq = head.lastSeq() + 1;
        String fields = event.fieldNames().isEmpty() ? null : String.join(",", event.fieldNames());
        AuditRecord unsigned = new AuditRecord(seq, session.now(), actor, event.action(), event.entityType(),
                event.entityId(), fields, event.detail(), head.lastHash(), "");
        store.append(tx, withHash(unsigned));
    }

    /** Records in a transaction of its own. */
    public void record(AuditEvent event) {
        session.database().write(tx -> {
            record(tx, event);
            return null;
        });
    }

    public List<AuditRecord> page(AuditFilter filter, int offset, int limit) {
        session.require(Permission.VIEW_AUDIT);
        return session.database().read(tx -> store.page(tx, filter, offset, limit));
    }

    public int count(AuditFilter filter) {
        session.require(Permission.VIEW_AUDIT);
        return session.database().read(tx -> store.count(tx, filter));
    }

    public List<String> actions() {
        session.require(Permission.VIEW_AUDIT);
        return session.database().read(store::distinctActions);
    }

    /** Walks the chain from the start; reports the first entry whose link or hash does not hold. */
    public VerifyResult verify() {
        session.require(Permission.VIEW_AUDIT);
        // In one transaction with the head locked first: no append can slip in between walk and head.
        VerifyResult result = session.database().write(tx -> {
            AuditStore.Head head = store.lockHead(tx);
            Walker walker = new Walker();
            store.forEachInOrder(tx, walker);
            if (walker.broken == null && (head.lastSeq() != walker.expectedSeq - 1 || !head.lastHash().equals(walker.prevHash))) {
                return new VerifyResult(walker.count, Optional.of(new Break(head.lastSeq(), "tail")));
            }
            return new VerifyResult(walker.count, Optional.ofNullable(walker.broken));
        });
        record(AuditEvent.of("AUDIT_VERIFIED").withDetail(result.ok() ? "ok" : "broken at " + result.firstBreak().get().seq()));
        return result;
    }

    public record VerifyResult(long checked, Optional<Break> firstBreak) {
        public boolean ok() {
            return firstBreak.isEmpty();
        }
    }

    /** @param reason {@code hash} (row altered), {@code link} (row missing or reordered) or {@code tail} (rows removed at the end) */
    public record Break(long seq, String reason) {
    }

    static AuditRecord withHash(AuditRecord r) {
        String hash = HexFormat.of().formatHex(Hashes.sha256().digest(r.canonical().getBytes(StandardCharsets.UTF_8)));
        return new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.action(), r.entityType(), r.entityId(),
                r.fieldNames(), r.detail(), r.prevHash(), hash);
    }

    private static final class Walker implements java.util.function.Consumer<AuditRecord> {
        long expectedSeq = 1;
        String prevHash = GENESIS;
        long count;
        Break broken;

        @Override
        public void accept(AuditRecord r) {
            if (broken != null) {
                return;
            }
            count++;
            if (r.seq() != expectedSeq || !r.prevHash().equals(prevHash)) {
                broken = new Break(expectedSeq, "link");
                return;
            }
            if (!withHash(r).entryHash().equals(r.entryHash())) {
                broken = new Break(r.seq(), "hash");
                return;
            }
            expectedSeq++;
            prevHash = r.entryHash();
        }
    }
}
