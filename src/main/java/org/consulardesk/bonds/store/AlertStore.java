package org.consulardesk.bonds.store;

import static org.consulardesk.store.generated.Tables.BOND;
import static org.consulardesk.store.generated.Tables.BOND_WORKER;
import static org.consulardesk.store.generated.Tables.EMPLOYMENT;
import static org.consulardesk.store.generated.Tables.ORGANISATION;
import static org.consulardesk.store.generated.Tables.PERSON;

import java.time.LocalDate;
import java.util.List;
import org.consulardesk.bonds.model.BondAlerts;
import org.consulardesk.store.Tx;
import org.jooq.impl.DSL;

/** Queries across the registry's employment records and the bonds for the alerts. */
public final class AlertStore {
    private static final List<String> IN_FORCE = List.of("ACTIVE", "PARTIALLY_DRAWN");

    /**
     * Registrants with a current employment (no end, or ending today or later) whose employer has no
     * bond in force and who are not named by a bond in force.
     */
    public List<BondAlerts.UncoveredWorker> uncoveredWorkers(Tx tx, LocalDate today, int limit) {
        var orgBond = DSL.selectOne().from(BOND).where(BOND.ORGANISATION_ID.eq(EMPLOYMENT.EMPLOYER_ID)
                .and(BOND.STATE.in(IN_FORCE)));
        // A bond may name the worker under a registration since merged into this one, also through later
        // merges (A into B, then B into C): "named" holds every registration a bond in force names and every
        // registration those were merged into, hop by hop (ADR 0064, 0069). UNION, not UNION ALL, ends the
        // recursion even on a cycle; the walk starts from the bonds' workers, not from the registry.
        var hop = PERSON.as("hop");
        var named = DSL.name("named").fields("person_id").as(
                DSL.select(BOND_WORKER.PERSON_ID).from(BOND_WORKER).join(BOND).on(BOND.ID.eq(BOND_WORKER.BOND_ID))
                        .where(BOND.STATE.in(IN_FORCE))
                        .union(DSL.select(hop.MERGED_INTO).from(DSL.table(DSL.name("named")))
                                .join(hop).on(hop.ID.eq(DSL.field(DSL.name("named", "person_id"), Long.class)))
                                .where(hop.MERGED_INTO.isNotNull())));
        var namedIds = DSL.select(DSL.field(DSL.name("named", "person_id"), Long.class)).from(named);
        return tx.dsl().withRecursive(named)
                .select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, ORGANISATION.ID, ORGANISATION.LEGAL_NAME)
                .from(EMPLOYMENT).join(PERSON).on(PERSON.ID.eq(EMPLOYMENT.PERSON_ID))
                .join(ORGANISATION).on(ORGANISATION.ID.eq(EMPLOYMENT.EMPLOYER_ID))
                .where(EMPLOYMENT.CONTRACT_END.isNull().or(EMPLOYMENT.CONTRACT_END.ge(today)))
                .and(PERSON.MERGED_INTO.isNull()) // a registration merged into another one counts there
                .andNotExists(orgBond).and(EMPLOYMENT.PERSON_ID.notIn(namedIds))
                .orderBy(ORGANISATION.LEGAL_NAME, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.ID)
                .limit(limit)
                .fetch(r -> new BondAlerts.UncoveredWorker(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
