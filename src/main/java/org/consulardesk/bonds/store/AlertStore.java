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
        // A bond may name the worker under a registration since merged into this one (ADR 0064).
        var mergedAway = PERSON.as("merged_away");
        var namedBond = DSL.selectOne().from(BOND_WORKER).join(BOND).on(BOND.ID.eq(BOND_WORKER.BOND_ID))
                .where(BOND_WORKER.PERSON_ID.eq(EMPLOYMENT.PERSON_ID)
                        .or(BOND_WORKER.PERSON_ID.in(DSL.select(mergedAway.ID).from(mergedAway)
                                .where(mergedAway.MERGED_INTO.eq(EMPLOYMENT.PERSON_ID)))))
                .and(BOND.STATE.in(IN_FORCE));
        return tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, ORGANISATION.ID, ORGANISATION.LEGAL_NAME)
                .from(EMPLOYMENT).join(PERSON).on(PERSON.ID.eq(EMPLOYMENT.PERSON_ID))
                .join(ORGANISATION).on(ORGANISATION.ID.eq(EMPLOYMENT.EMPLOYER_ID))
                .where(EMPLOYMENT.CONTRACT_END.isNull().or(EMPLOYMENT.CONTRACT_END.ge(today)))
                .and(PERSON.MERGED_INTO.isNull()) // a registration merged into another one counts there
                .andNotExists(orgBond).andNotExists(namedBond)
                .orderBy(ORGANISATION.LEGAL_NAME, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.ID)
                .limit(limit)
                .fetch(r -> new BondAlerts.UncoveredWorker(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
