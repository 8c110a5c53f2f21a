package org.consulardesk.etd.store;

import static org.consulardesk.etd.store.EtdStore.instant;
import static org.consulardesk.etd.store.EtdStore.utc;
import static org.consulardesk.store.generated.Tables.ETD_BLANK;
import static org.consulardesk.store.generated.Tables.ETD_STOCK_BATCH;
import static org.consulardesk.store.generated.Tables.ETD_STOCK_RECONCILIATION;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.consulardesk.etd.model.Blank;
import org.consulardesk.etd.model.StockBatch;
import org.consulardesk.etd.model.StockReport;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.EtdBlankRecord;
import org.jooq.InsertValuesStep7;

/** Batches of numbered blanks, one row per blank, and the signed-off reconciliations. */
public final class StockStore {

    public long insertBatch(Tx tx, StockBatch b) {
        long id = tx.dsl().insertInto(ETD_STOCK_BATCH).set(ETD_STOCK_BATCH.PREFIX, b.prefix())
                .set(ETD_STOCK_BATCH.FIRST_NO, b.first()).set(ETD_STOCK_BATCH.LAST_NO, b.last())
                .set(ETD_STOCK_BATCH.DIGITS, b.digits()).set(ETD_STOCK_BATCH.REFERENCE, b.reference())
                .set(ETD_STOCK_BATCH.RECEIVED_BY, b.receivedBy()).set(ETD_STOCK_BATCH.RECEIVED_AT, utc(b.receivedAt()))
                .returning(ETD_STOCK_BATCH.ID).fetchOne().getId();
        InsertValuesStep7<EtdBlankRecord, String, Long, String, String, String, String, java.time.OffsetDateTime> insert =
                tx.dsl().insertInto(ETD_BLANK, ETD_BLANK.SERIAL, ETD_BLANK.BATCH_ID, ETD_BLANK.STATUS, ETD_BLANK.ASSIGNED_TO,
                        ETD_BLANK.SPOIL_REASON, ETD_BLANK.CHANGED_BY, ETD_BLANK.CHANGED_AT);
        for (long n = b.first(); n <= b.last(); n++) {
            insert = insert.values(b.serial(n), id, Blank.Status.ON_HAND.name(), null, null, b.receivedBy(), utc(b.receivedAt()));
        }
        insert.execute();
        return id;
    }

    public List<StockBatch> batches(Tx tx) {
        return tx.dsl().selectFrom(ETD_STOCK_BATCH).orderBy(ETD_STOCK_BATCH.ID).fetch(r -> new StockBatch(r.getId(),
                r.getPrefix(), r.getFirstNo(), r.getLastNo(), r.getDigits(), r.getReference(), r.getReceivedBy(),
                instant(r.getReceivedAt())));
    }

    /** Serials among {@code serials} that already exist. */
    public List<String> existing(Tx tx, Collection<String> serials) {
        return tx.dsl().select(ETD_BLANK.SERIAL).from(ETD_BLANK).where(ETD_BLANK.SERIAL.in(serials)).fetch(ETD_BLANK.SERIAL);
    }

    public Optional<Blank> blank(Tx tx, String serial) {
        return tx.dsl().selectFrom(ETD_BLANK).where(ETD_BLANK.SERIAL.eq(serial)).fetchOptional(StockStore::blank);
    }

    public List<Blank> blanks(Tx tx) {
        return tx.dsl().selectFrom(ETD_BLANK).orderBy(ETD_BLANK.SERIAL).fetch(StockStore::blank);
    }

    /** The lowest on-hand blank assigned to {@code user}, else the lowest unassigned one. */
    public Optional<String> nextBlank(Tx tx, String user) {
        Optional<String> own = tx.dsl().select(ETD_BLANK.SERIAL).from(ETD_BLANK)
                .where(ETD_BLANK.STATUS.eq(Blank.Status.ON_HAND.name()), ETD_BLANK.ASSIGNED_TO.eq(user))
                .orderBy(ETD_BLANK.SERIAL).limit(1).fetchOptional(ETD_BLANK.SERIAL);
        if (own.isPresent()) {
            return own;
        }
        return tx.dsl().select(ETD_BLANK.SERIAL).from(ETD_BLANK)
                .where(ETD_BLANK.STATUS.eq(Blank.Status.ON_HAND.name()), ETD_BLANK.ASSIGNED_TO.isNull())
                .orderBy(ETD_BLANK.SERIAL).limit(1).fetchOptional(ETD_BLANK.SERIAL);
    }

    /** Moves an on-hand blank to issued or spoiled; false if it was not on hand (taken meanwhile). */
    public boolean use(Tx tx, String serial, Blank.Status to, String spoilReason, String by, Instant at) {
        return tx.dsl().update(ETD_BLANK).set(ETD_BLANK.STATUS, to.name()).set(ETD_BLANK.SPOIL_REASON, spoilReason)
                .set(ETD_BLANK.CHANGED_BY, by).set(ETD_BLANK.CHANGED_AT, utc(at))
                .where(ETD_BLANK.SERIAL.eq(serial), ETD_BLANK.STATUS.eq(Blank.Status.ON_HAND.name())).execute() == 1;
    }

    /** A blank already issued that the printer spoiled (its document moves to another blank). */
    public boolean spoilIssued(Tx tx, String serial, String reason, String by, Instant at) {
        return tx.dsl().update(ETD_BLANK).set(ETD_BLANK.STATUS, Blank.Status.SPOILED.name()).set(ETD_BLANK.SPOIL_REASON, reason)
                .set(ETD_BLANK.CHANGED_BY, by).set(ETD_BLANK.CHANGED_AT, utc(at))
                .where(ETD_BLANK.SERIAL.eq(serial), ETD_BLANK.STATUS.eq(Blank.Status.ISSUED.name())).execute() == 1;
    }

    public int assign(Tx tx, Collection<String> serials, String assignee, String by, Instant at) {
        return tx.dsl().update(ETD_BLANK).set(ETD_BLANK.ASSIGNED_TO, assignee).set(ETD_BLANK.CHANGED_BY, by)
                .set(ETD_BLANK.CHANGED_AT, utc(at))
                .where(ETD_BLANK.SERIAL.in(serials), ETD_BLANK.STATUS.eq(Blank.Status.ON_HAND.name())).execute();
    }

    public void insertReconciliation(Tx tx, StockReport r, String note, String by, Instant at) {
        tx.dsl().insertInto(ETD_STOCK_RECONCILIATION).set(ETD_STOCK_RECONCILIATION.EXPECTED, r.expected())
                .set(ETD_STOCK_RECONCILIATION.ON_HAND, r.onHand()).set(ETD_STOCK_RECONCILIATION.COUNTED, r.counted())
                .set(ETD_STOCK_RECONCILIATION.ISSUED, r.issued()).set(ETD_STOCK_RECONCILIATION.SPOILED, r.spoiled())
                .set(ETD_STOCK_RECONCILIATION.FLAGS, r.flags().size()).set(ETD_STOCK_RECONCILIATION.NOTE, note)
                .set(ETD_STOCK_RECONCILIATION.SIGNED_BY, by).set(ETD_STOCK_RECONCILIATION.SIGNED_AT, utc(at)).execute();
    }

    private static Blank blank(EtdBlankRecord r) {
        return new Blank(r.getSerial(), r.getBatchId(), Blank.Status.valueOf(r.getStatus()), r.getAssignedTo(),
                r.getSpoilReason(), r.getChangedBy(), instant(r.getChangedAt()));
    }
}
