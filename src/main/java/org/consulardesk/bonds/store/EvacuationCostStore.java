package org.consulardesk.bonds.store;

import static org.consulardesk.store.generated.Tables.EVACUATION_COST;
import static org.consulardesk.store.generated.Tables.EVACUATION_COST_WORKER;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consulardesk.bonds.model.AllocationMethod;
import org.consulardesk.bonds.model.CostKind;
import org.consulardesk.bonds.model.EvacuationCost;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.EvacuationCostRecord;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** Evacuation costs and the registrants each one moved. */
public final class EvacuationCostStore {

    public long insert(Tx tx, CostKind kind, String description, LocalDate incurredOn, Money amount, String operationRef,
                       Collection<Long> personIds, String user, Instant now) {
        // A unique placeholder first; the reference is derived from the id just given.
        String placeholder = "NEW-" + java.util.UUID.randomUUID().toString().substring(0, 30);
        long id = tx.dsl().insertInto(EVACUATION_COST).set(EVACUATION_COST.REFERENCE, placeholder)
                .set(EVACUATION_COST.KIND, kind.name()).set(EVACUATION_COST.DESCRIPTION, description)
                .set(EVACUATION_COST.INCURRED_ON, incurredOn).set(EVACUATION_COST.AMOUNT, amount.amount())
                .set(EVACUATION_COST.CURRENCY, amount.code()).set(EVACUATION_COST.OPERATION_REF, operationRef)
                .set(EVACUATION_COST.STATUS, "OPEN").set(EVACUATION_COST.CREATED_BY, user)
                .set(EVACUATION_COST.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .returningResult(EVACUATION_COST.ID).fetchOne().value1();
        tx.dsl().update(EVACUATION_COST).set(EVACUATION_COST.REFERENCE, String.format("EVC-%d-%04d", incurredOn.getYear(), id))
                .where(EVACUATION_COST.ID.eq(id)).execute();
        for (Long person : personIds) {
            tx.dsl().insertInto(EVACUATION_COST_WORKER).set(EVACUATION_COST_WORKER.COST_ID, id)
                    .set(EVACUATION_COST_WORKER.PERSON_ID, person).execute();
        }
        return id;
    }

    /** Marks the cost allocated (posted) with the method used; false if it was posted meanwhile. */
    public boolean markPosted(Tx tx, long id, AllocationMethod method) {
        return tx.dsl().update(EVACUATION_COST).set(EVACUATION_COST.STATUS, "POSTED").set(EVACUATION_COST.METHOD, method.name())
                .where(EVACUATION_COST.ID.eq(id).and(EVACUATION_COST.STATUS.eq("OPEN"))).execute() == 1;
    }

    /** Locks the cost's row for the rest of the transaction. */
    public void lock(Tx tx, long id) {
        tx.dsl().update(EVACUATION_COST).set(EVACUATION_COST.STATUS, EVACUATION_COST.STATUS).where(EVACUATION_COST.ID.eq(id))
                .execute();
    }

    public void setOperationRef(Tx tx, long id, String operationRef) {
        tx.dsl().update(EVACUATION_COST).set(EVACUATION_COST.OPERATION_REF, operationRef).where(EVACUATION_COST.ID.eq(id)).execute();
    }

    public Optional<EvacuationCost> get(Tx tx, long id) {
        return list(tx, EVACUATION_COST.ID.eq(id)).stream().findFirst();
    }

    public Optional<EvacuationCost> byReference(Tx tx, String reference) {
        return list(tx, EVACUATION_COST.REFERENCE.eq(reference)).stream().findFirst();
    }

    public List<EvacuationCost> all(Tx tx) {
        return list(tx, DSL.noCondition());
    }

    /** The references of these costs (id to reference). */
    public Map<Long, String> references(Tx tx, Collection<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        if (!ids.isEmpty()) {
            tx.dsl().select(EVACUATION_COST.ID, EVACUATION_COST.REFERENCE).from(EVACUATION_COST)
                    .where(EVACUATION_COST.ID.in(ids)).forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    /** References of costs not yet allocated that moved any of these registrants. */
    public List<String> openCostsOf(Tx tx, Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        return tx.dsl().selectDistinct(EVACUATION_COST.REFERENCE).from(EVACUATION_COST)
                .join(EVACUATION_COST_WORKER).on(EVACUATION_COST_WORKER.COST_ID.eq(EVACUATION_COST.ID))
                .where(EVACUATION_COST.STATUS.eq("OPEN").and(EVACUATION_COST_WORKER.PERSON_ID.in(personIds)))
                .orderBy(EVACUATION_COST.REFERENCE).fetch(EVACUATION_COST.REFERENCE);
    }

    private List<EvacuationCost> list(Tx tx, Condition where) {
        List<EvacuationCostRecord> rows = tx.dsl().selectFrom(EVACUATION_COST).where(where)
                .orderBy(EVACUATION_COST.INCURRED_ON.desc(), EVACUATION_COST.ID.desc()).fetch();
        Map<Long, List<Long>> persons = new HashMap<>();
        List<Long> ids = rows.stream().map(EvacuationCostRecord::getId).toList();
        if (!ids.isEmpty()) {
            tx.dsl().selectFrom(EVACUATION_COST_WORKER).where(EVACUATION_COST_WORKER.COST_ID.in(ids))
                    .orderBy(EVACUATION_COST_WORKER.PERSON_ID)
                    .forEach(w -> persons.computeIfAbsent(w.getCostId(), k -> new ArrayList<>()).add(w.getPersonId()));
        }
        return rows.stream().map(r -> new EvacuationCost(r.getId(), r.getReference(), CostKind.valueOf(r.getKind()),
                r.getDescription(), r.getIncurredOn(), new Money(r.getAmount(), Currency.getInstance(r.getCurrency().strip())),
                r.getMethod() == null ? null : AllocationMethod.valueOf(r.getMethod()), r.getOperationRef(),
                "POSTED".equals(r.getStatus()), persons.getOrDefault(r.getId(), List.of()))).toList();
    }
}
