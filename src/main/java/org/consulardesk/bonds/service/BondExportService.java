package org.consulardesk.bonds.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.CurrencyTotal;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.LedgerLine;
import org.consulardesk.bonds.store.BondStore;
import org.consulardesk.bonds.store.EmployerStore;
import org.consulardesk.bonds.store.EvacuationCostStore;
import org.consulardesk.bonds.store.LedgerStore;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.service.PersonLinks;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * Reads the bond register and the ledger page by page for the spreadsheet exports (never all rows
 * at once): bonds with their derived figures, entries with their bond and employer, and totals per
 * currency. Permission {@code MANAGE_BONDS}; the export itself is audited by the exchange.
 */
public final class BondExportService {
    static final int PAGE = 500;

    private final Session session;
    private final BondStore bonds = new BondStore();
    private final LedgerStore ledger = new LedgerStore();
    private final EmployerStore employers = new EmployerStore();
    private final EvacuationCostStore costs = new EvacuationCostStore();
    private final PersonLinks links = new PersonLinks();

    public BondExportService(Session session) {
        this.session = session;
    }

    public Employer employer(long organisationId) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> employers.get(tx, organisationId))
                .orElseThrow(() -> new UserError("error.employer.notFound", organisationId));
    }

    public long countBonds(Long organisationId, BondState state) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> bonds.count(tx, organisationId, state));
    }

    /** Every bond (of one employer, in one state, when given) with its figures, in id order. */
    public void bonds(Long organisationId, BondState state, Consumer<BondOverview> sink) {
        session.require(Permission.MANAGE_BONDS);
        long after = 0;
        while (true) {
            long from = after;
            List<BondOverview> page = session.database().read(tx ->
                    bonds.overviews(tx, bonds.page(tx, from, organisationId, state, PAGE)));
            page.forEach(sink);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).bond().id();
        }
    }

    /** Totals per currency (in currency-code order) of the bonds {@link #bonds} goes through. */
    public List<CurrencyTotal> totals(Long organisationId, BondState state) {
        Map<Currency, CurrencyTotal> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        bonds(organisationId, state, o -> totals.merge(o.bond().faceAmount().currency(),
                CurrencyTotal.zero(o.bond().faceAmount().currency()).plus(o), (old, ignored) -> old.plus(o)));
        return new ArrayList<>(totals.values());
    }

    public long countEntries(Long organisationId, Long bondId) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> ledger.count(tx, organisationId, bondId));
    }

    /** Every ledger entry (of one employer's bonds, or of one bond, when given), in id order. */
    public void entries(Long organisationId, Long bondId, Consumer<LedgerLine> sink) {
        session.require(Permission.MANAGE_BONDS);
        Map<Long, Bond> bondCache = new HashMap<>();
        long after = 0;
        while (true) {
            long from = after;
            List<LedgerLine> page = session.database().read(tx -> {
                List<LedgerEntry> entries = ledger.page(tx, from, organisationId, bondId, PAGE);
                for (LedgerEntry e : entries) {
                    if (!bondCache.containsKey(e.bondId())) {
                        if (bondCache.size() > 10_000) {
                            bondCache.clear();
                        }
                        bonds.get(tx, e.bondId()).ifPresent(b -> bondCache.put(b.id(), b));
                    }
                }
                Set<Long> costIds = new HashSet<>();
                entries.stream().map(LedgerEntry::costId).filter(Objects::nonNull).forEach(costIds::add);
                Map<Long, String> references = costs.references(tx, costIds);
                // Entries keep the worker's registration as recorded; the export names the one that stands for it now.
                Map<Long, Long> personNow = links.currentIds(tx, entries.stream().map(LedgerEntry::personId)
                        .filter(Objects::nonNull).collect(java.util.stream.Collectors.toCollection(HashSet::new)));
                List<LedgerLine> lines = new ArrayList<>(entries.size());
                for (LedgerEntry e : entries) {
                    Bond b = bondCache.get(e.bondId());
                    lines.add(new LedgerLine(e, b == null ? null : b.reference(), b == null ? 0 : b.organisationId(),
                            b == null ? null : b.organisationName(), e.costId() == null ? null : references.get(e.costId()),
                            e.personId() == null ? null : personNow.get(e.personId())));
                }
                return lines;
            });
            page.forEach(sink);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).entry().id();
        }
    }
}
