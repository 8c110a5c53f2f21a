package org.consulardesk.bonds.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.model.Statement;
import org.consulardesk.bonds.store.BondStore;
import org.consulardesk.bonds.store.EmployerStore;
import org.consulardesk.bonds.store.LedgerStore;
import org.consulardesk.core.UserError;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/** The per-employer statement: every bond with its ledger and balance, totals per currency. */
public final class StatementService {
    private final Session session;
    private final EmployerStore employers = new EmployerStore();
    private final BondStore bonds = new BondStore();
    private final LedgerStore ledger = new LedgerStore();

    public StatementService(Session session) {
        this.session = session;
    }

    public Statement statement(long organisationId) {
        session.require(Permission.MANAGE_BONDS);
        Statement s = session.database().read(tx -> {
            Employer e = employers.get(tx, organisationId)
                    .orElseThrow(() -> new UserError("error.employer.notFound", organisationId));
            List<Statement.Line> lines = new ArrayList<>();
            Map<Currency, Money> totals = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
            for (BondOverview o : bonds.overviews(tx, bonds.ofOrganisation(tx, organisationId))) {
                lines.add(new Statement.Line(o, ledger.entries(tx, o.bond().id())));
                totals.merge(o.balance().currency(), o.balance(), Money::plus);
            }
            return new Statement(e, LocalDate.now(session.clock()), lines, totals);
        });
        session.audit().record(AuditEvent.on("BOND_STATEMENT_VIEWED", "organisation", organisationId, "statement"));
        return s;
    }
}
