package org.consulardesk.bonds.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.consulardesk.bonds.model.BondAlerts;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.store.AlertStore;
import org.consulardesk.bonds.store.BondStore;
import org.consulardesk.bonds.store.ClaimStore;
import org.consulardesk.bonds.store.LedgerStore;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * What needs attention: bonds ending within N days (or past their end and not yet released), workers
 * whose employer has no bond in force, pooled bonds whose balance is below their cover per worker
 * times their covered workers, claims waiting for a decision or payout, entries waiting for approval.
 */
public final class BondAlertsService {
    /** At most this many uncovered workers are listed. */
    public static final int MAX_UNCOVERED = 500;

    private final Session session;
    private final BondStore bonds = new BondStore();
    private final AlertStore alerts = new AlertStore();
    private final ClaimStore claims = new ClaimStore();
    private final LedgerStore ledger = new LedgerStore();

    public BondAlertsService(Session session) {
        this.session = session;
    }

    public BondAlerts alerts(int withinDays) {
        session.require(Permission.MANAGE_BONDS);
        LocalDate today = LocalDate.now(session.clock());
        int days = Math.max(0, Math.min(withinDays, 3650));
        return session.database().read(tx -> {
            List<BondOverview> ending = bonds.overviews(tx, bonds.endingBy(tx, today.plusDays(days)));
            List<BondAlerts.UnderFunded> under = new ArrayList<>();
            for (BondOverview o : bonds.overviews(tx, bonds.inStates(tx, EnumSet.of(BondState.ACTIVE, BondState.PARTIALLY_DRAWN)))) {
                if (o.bond().pooled() && o.bond().coverPerWorker() != null && o.coveredWorkers() > 0) {
                    Money required = new Money(o.bond().coverPerWorker().multiply(BigDecimal.valueOf(o.coveredWorkers())),
                            o.bond().faceAmount().currency());
                    if (o.balance().compareTo(required) < 0) {
                        under.add(new BondAlerts.UnderFunded(o, required));
                    }
                }
            }
            return new BondAlerts(today, days, ending, alerts.uncoveredWorkers(tx, today, MAX_UNCOVERED), under,
                    claims.inStatuses(tx, BondService.openClaimStatuses()), ledger.pending(tx));
        });
    }
}
