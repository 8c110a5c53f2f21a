package org.consulardesk.security.store;

import static org.consulardesk.store.generated.Tables.AUDIT_ENTRY;
import static org.consulardesk.store.generated.Tables.AUDIT_HEAD;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.AuditEntryRecord;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.impl.DSL;

/** The append-only audit table. There is deliberately no update or delete here. */
public final class AuditStore {

    /** The chain head, locked for the rest of the transaction so appends never interleave. */
    public Head lockHead(Tx tx) {
        var row = tx.dsl().select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH).from(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchOne();
        return new Head(row.value1(), row.value2());
    }

    public record Head(long lastSeq, String lastHash) {
    }

    public void append(Tx tx, AuditRecord r) {
        tx.dsl().insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, r.seq())
                .set(AUDIT_ENTRY.OCCURRED_AT, r.occurredAt().atOffset(ZoneOffset.UTC))
                .set(AUDIT_ENTRY.ACTOR, r.actor())
                .set(AUDIT_ENTRY.ACTION, r.action())
                .set(AUDIT_ENTRY.ENTITY_TYPE, r.entityType())
                .set(AUDIT_ENTRY.ENTITY_ID, r.entityId())
                .set(AUDIT_ENTRY.FIELD_NAMES, r.fieldNames())
                .set(AUDIT_ENTRY.DETAIL, r.detail())
                .set(AUDIT_ENTRY.PREV_HASH, r.prevHash())
                .set(AUDIT_ENTRY.ENTRY_HASH, r.entryHash())
                .execute();
        tx.dsl().update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, r.seq()).set(AUDIT_HEAD.LAST_HASH, r.entryHash())
                .where(AUDIT_HEAD.ID.eq(1)).execute();
    }

    /** Newest first, one page at a time: the log grows without bound. */
    public List<AuditRecord> page(Tx tx, AuditFilter filter, int offset, int limit) {
        return tx.dsl().selectFrom(AUDIT_ENTRY).where(condition(filter)).orderBy(AUDIT_ENTRY.SEQ.desc())
                .offset(offset).limit(limit).fetch(AuditStore::toRecord);
    }

    public int count(Tx tx, AuditFilter filter) {
        return tx.dsl().fetchCount(AUDIT_ENTRY, condition(filter));
    }

    /** Streams the whole chain in order without holding it in memory. */
    public void forEachInOrder(Tx tx, Consumer<AuditRecord> consumer) {
        try (Cursor<AuditEntryRecord> cursor = tx.dsl().selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetchSize(1000).fetchLazy()) {
            for (AuditEntryRecord record : cursor) {
                consumer.accept(toRecord(record));
            }
        }
    }

    public List<String> distinctActions(Tx tx) {
        return new ArrayList<>(tx.dsl().selectDistinct(AUDIT_ENTRY.ACTION).from(AUDIT_ENTRY)
                .orderBy(AUDIT_ENTRY.ACTION).fetch(AUDIT_ENTRY.ACTION));
    }

    private static Condition condition(AuditFilter f) {
        Condition c = DSL.noCondition();
        if (f.actor() != null && !f.actor().isBlank()) {
            c = c.and(AUDIT_ENTRY.ACTOR.eq(f.actor().strip()));
        }
        if (f.action() != null && !f.action().isBlank()) {
            c = c.and(AUDIT_ENTRY.ACTION.eq(f.action()));
        }
        if (f.entityType() != null && !f.entityType().isBlank()) {
            c = c.and(AUDIT_ENTRY.ENTITY_TYPE.eq(f.entityType()));
        }
        if (f.from() != null) {
            c = c.and(AUDIT_ENTRY.OCCURRED_AT.ge(f.from().atOffset(ZoneOffset.UTC)));
        }
        if (f.to() != null) {
            c = c.and(AUDIT_ENTRY.OCCURRED_AT.lt(f.to().atOffset(ZoneOffset.UTC)));
        }
        return c;
    }

    private static AuditRecord toRecord(AuditEntryRecord r) {
        return new AuditRecord(r.getSeq(), r.getOccurredAt().toInstant(), r.getActor(), r.getAction(), r.getEntityType(),
                r.getEntityId(), r.getFieldNames(), r.getDetail(), r.getPrevHash(), r.getEntryHash());
    }
}
