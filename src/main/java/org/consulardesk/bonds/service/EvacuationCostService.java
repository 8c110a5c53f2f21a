package org.consulardesk.bonds.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consulardesk.bonds.model.Allocation;
import org.consulardesk.bonds.model.AllocationMethod;
import org.consulardesk.bonds.model.AllocationPreview;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.CostKind;
import org.consulardesk.bonds.model.Coverage;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EvacuationCost;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.store.BondStore;
import org.consulardesk.bonds.store.EmployerStore;
import org.consulardesk.bonds.store.EvacuationCostStore;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.service.PersonLinks;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.Tx;

/**
 * Evacuation costs and their allocation to the bonds of the evacuated workers' employers. A worker's
 * bond is the bond in force that names them, else a pooled bond of their employer (or agency) in
 * force; both must cover evacuation and let the state draw. Per head, each evacuated worker's equal
 * share goes to their bond; proportionally, the covered workers' part of the cost is shared in
 * proportion to the bonds' available balances (converted with the rates given). No bond is charged
 * beyond its available balance; what is left, and the share of uncovered workers, the state bears.
 * Preview first, then post: posting recomputes the same allocation in its transaction.
 */
public final class EvacuationCostService {
    private final Session session;
    private final EvacuationCostStore store = new EvacuationCostStore();
    private final BondStore bonds = new BondStore();
    private final EmployerStore employers = new EmployerStore();
    private final PersonLinks links = new PersonLinks();
    private final org.consulardesk.bonds.store.LedgerStore ledgerStore = new org.consulardesk.bonds.store.LedgerStore();
    private final Ledger ledger;

    public EvacuationCostService(Session session) {
        this.session = session;
        this.ledger = new Ledger(session);
    }

    /** Records a cost and the registrants it moved; its reference (EVC-year-number) is returned with it. */
    /** The session's date (a trainer's exercise may set its clock): a cost recorded without a date is dated so. */
    public LocalDate today() {
        return LocalDate.now(session.clock());
    }

    public EvacuationCost record(CostKind kind, String description, LocalDate incurredOn, Money amount,
                                 List<Long> personIds, String operationRef) {
        session.require(Permission.MANAGE_BONDS);
        String text = EmployerService.strip(description);
        if (kind == null || text == null || text.length() > 1000 || incurredOn == null) {
            throw new UserError("error.cost.incomplete");
        }
        if (amount.amount().signum() <= 0) {
            throw new UserError("error.ledger.amountPositive");
        }
        List<Long> persons = List.copyOf(new LinkedHashSet<>(personIds));
        if (persons.isEmpty()) {
            throw new UserError("error.cost.noWorkers");
        }
        String op = EmployerService.strip(operationRef);
        long id = session.database().write(tx -> {
            for (Long p : persons) {
                if (!employers.personExists(tx, p)) {
                    throw new UserError("error.person.notFound", p);
                }
            }
            // Each worker as the registration that stands for them now (ADR 0064), once.
            List<Long> current = List.copyOf(new LinkedHashSet<>(persons.stream().map(p -> links.current(tx, p)).toList()));
            long created = store.insert(tx, kind, text, incurredOn, amount, op, current, session.user().username(), session.now());
            session.audit().record(tx, AuditEvent.on("EVACUATION_COST_RECORDED", "evacuation_cost", created, "kind",
                    "amount", "persons").withDetail(amount + ", " + persons.size() + " persons"));
            return created;
        });
        return get(id);
    }

    public EvacuationCost get(long id) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> store.get(tx, id)).orElseThrow(() -> new UserError("error.cost.notFound", id));
    }

    /** The cost a later evacuation operation points at. */
    public Optional<EvacuationCost> byReference(String reference) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> store.byReference(tx, reference == null ? "" : reference.strip()));
    }

    public List<EvacuationCost> list() {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(store::all);
    }

    /** The ledger entries that charged a cost to bonds (empty while it is open), with each bond's reference. */
    public List<org.consulardesk.bonds.model.LedgerLine> drawdowns(long costId) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> {
            EvacuationCost cost = store.get(tx, costId).orElseThrow(() -> new UserError("error.cost.notFound", costId));
            List<org.consulardesk.bonds.model.LedgerLine> out = new ArrayList<>();
            for (var e : ledgerStore.ofCost(tx, costId)) {
                Bond b = bonds.get(tx, e.bondId()).orElseThrow();
                out.add(new org.consulardesk.bonds.model.LedgerLine(e, b.reference(), b.organisationId(),
                        b.organisationName(), cost.reference()));
            }
            return out;
        });
    }

    /** Links a cost to the evacuation operation it belongs to. */
    public EvacuationCost linkOperation(long id, String operationRef) {
        session.require(Permission.MANAGE_BONDS);
        String op = EmployerService.strip(operationRef);
        if (op != null && op.length() > 100) {
            throw new UserError("error.bonds.tooLong", 100);
        }
        session.database().write(tx -> {
            store.get(tx, id).orElseThrow(() -> new UserError("error.cost.notFound", id));
            store.setOperationRef(tx, id, op);
            session.audit().record(tx, AuditEvent.on("EVACUATION_COST_LINKED", "evacuation_cost", id, "operation_ref"));
            return null;
        });
        return get(id);
    }

    /**
     * What posting would charge each bond. {@code rates} gives, for each bond currency other than the
     * cost's, the units of that currency per unit of the cost's currency.
     */
    public AllocationPreview preview(long costId, AllocationMethod method, Map<Currency, BigDecimal> rates) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> allocate(tx, store.get(tx, costId)
                .orElseThrow(() -> new UserError("error.cost.notFound", costId)), method, rates));
    }

    /** Posts the drawdowns of the allocation (each one under the ledger's rules) and closes the cost. */
    public AllocationPreview post(long costId, AllocationMethod method, Map<Currency, BigDecimal> rates) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().write(tx -> {
            store.lock(tx, costId);
            EvacuationCost cost = store.get(tx, costId).orElseThrow(() -> new UserError("error.cost.notFound", costId));
            if (cost.posted()) {
                throw new UserError("error.cost.posted", cost.reference());
            }
            AllocationPreview p = allocate(tx, cost, method, rates);
            for (Allocation a : p.allocations()) {
                if (a.charge().isZero()) {
                    continue;
                }
                Bond b = ledger.lock(tx, a.bondId());
                Money original = a.share().currency().equals(a.charge().currency()) ? null : a.share().minus(a.shortfall());
                ledger.post(tx, b, EntryKind.DRAWDOWN, a.charge().negate(), original, original == null ? null : a.rate(),
                        new Ledger.Links(null, costId, null, null),
                        org.consulardesk.core.Messages.get("bonds.cost.memo", cost.reference(), a.personIds().size()));
            }
            store.markPosted(tx, costId, method);
            session.audit().record(tx, AuditEvent.on("EVACUATION_COST_POSTED", "evacuation_cost", costId, "method")
                    .withDetail(method + ", " + p.allocations().size() + " bonds, unrecovered " + p.unrecovered()));
            return p;
        });
    }

    private AllocationPreview allocate(Tx tx, EvacuationCost cost, AllocationMethod method, Map<Currency, BigDecimal> rates) {
        if (method == null) {
            throw new UserError("error.cost.method");
        }
        Currency currency = cost.amount().currency();
        Map<Long, List<Long>> workersByBond = new LinkedHashMap<>();
        Map<Long, BondOverview> overviews = new LinkedHashMap<>();
        List<Long> uncovered = new ArrayList<>();
        for (Long person : cost.personIds()) {
            Optional<BondOverview> bond = bondOf(tx, person);
            if (bond.isEmpty()) {
                uncovered.add(person);
            } else {
                overviews.putIfAbsent(bond.get().bond().id(), bond.get());
                workersByBond.computeIfAbsent(bond.get().bond().id(), k -> new ArrayList<>()).add(person);
            }
        }
        Map<Long, BigDecimal> rateOf = new LinkedHashMap<>();
        for (BondOverview o : overviews.values()) {
            Currency bc = o.bond().faceAmount().currency();
            BigDecimal r = bc.equals(currency) ? BigDecimal.ONE : rates == null ? null : rates.get(bc);
            if (r == null || r.signum() <= 0) {
                throw new UserError("error.ledger.rateRequired", currency.getCurrencyCode(), bc.getCurrencyCode());
            }
            rateOf.put(o.bond().id(), r);
        }
        int total = cost.personIds().size();
        int coveredCount = total - uncovered.size();
        BigDecimal amount = cost.amount().amount();
        Map<Long, BigDecimal> shares = new LinkedHashMap<>();
        if (method == AllocationMethod.PER_HEAD || overviews.isEmpty()) {
            for (Map.Entry<Long, List<Long>> e : workersByBond.entrySet()) {
                shares.put(e.getKey(), amount.multiply(BigDecimal.valueOf(e.getValue().size()))
                        .divide(BigDecimal.valueOf(total), Money.digits(currency), RoundingMode.HALF_EVEN));
            }
        } else {
            BigDecimal coveredPart = amount.multiply(BigDecimal.valueOf(coveredCount))
                    .divide(BigDecimal.valueOf(total), Money.digits(currency), RoundingMode.HALF_EVEN);
            Map<Long, BigDecimal> weights = new LinkedHashMap<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (BondOverview o : overviews.values()) {
                BigDecimal w = o.available().amount().max(BigDecimal.ZERO)
                        .divide(rateOf.get(o.bond().id()), 10, RoundingMode.HALF_EVEN);
                weights.put(o.bond().id(), w);
                sum = sum.add(w);
            }
            BigDecimal given = BigDecimal.ZERO;
            List<Long> ids = new ArrayList<>(weights.keySet());
            for (int i = 0; i < ids.size(); i++) {
                BigDecimal s;
                if (sum.signum() == 0) {
                    s = BigDecimal.ZERO;
                } else if (i == ids.size() - 1) {
                    s = coveredPart.subtract(given); // the last bond takes the rounding remainder
                } else {
                    s = coveredPart.multiply(weights.get(ids.get(i))).divide(sum, Money.digits(currency), RoundingMode.HALF_EVEN);
                }
                shares.put(ids.get(i), s);
                given = given.add(s);
            }
        }
        List<Allocation> allocations = new ArrayList<>();
        Money charged = Money.zero(currency);
        for (Map.Entry<Long, BigDecimal> e : shares.entrySet()) {
            BondOverview o = overviews.get(e.getKey());
            Currency bc = o.bond().faceAmount().currency();
            BigDecimal rate = rateOf.get(e.getKey());
            Money share = new Money(e.getValue(), currency);
            Money charge = Money.rounded(e.getValue().multiply(rate), bc);
            Money available = o.available().isNegative() ? Money.zero(bc) : o.available();
            Money shortfall = Money.zero(currency);
            if (charge.compareTo(available) > 0) {
                charge = available;
                Money coveredInCost = Money.rounded(charge.amount().divide(rate, 10, RoundingMode.HALF_EVEN), currency);
                shortfall = share.minus(coveredInCost);
            }
            charged = charged.plus(share.minus(shortfall));
            allocations.add(new Allocation(o.bond().id(), o.bond().reference(), o.bond().organisationId(),
                    o.bond().organisationName(), workersByBond.get(e.getKey()), share, charge, rate, shortfall));
        }
        allocations.sort(Comparator.comparing(Allocation::organisationName).thenComparing(Allocation::bondId));
        return new AllocationPreview(cost, method, allocations, uncovered, cost.amount().minus(charged));
    }

    /** The bond that pays for a worker's evacuation, if any. */
    private Optional<BondOverview> bondOf(Tx tx, long person) {
        List<Bond> candidates = new ArrayList<>();
        // The bond may name the worker under a registration merged into the one the cost names (ADR 0064).
        for (long same : links.sameAs(tx, person)) {
            for (Long id : bonds.bondsCovering(tx, same)) {
                bonds.get(tx, id).ifPresent(candidates::add);
            }
        }
        for (Long org : employers.organisationsOf(tx, links.current(tx, person))) {
            bonds.ofOrganisation(tx, org).stream().filter(Bond::pooled).sorted(Comparator.comparing(Bond::id))
                    .forEach(candidates::add);
        }
        return candidates.stream()
                .filter(b -> b.state().inForce() && b.stateMayDraw() && b.coverage().contains(Coverage.EVACUATION))
                .findFirst().map(b -> bonds.overviews(tx, List.of(b)).get(0));
    }
}
