package org.consulardesk.bonds.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondDocument;
import org.consulardesk.bonds.model.BondDraft;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.ClaimStatus;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryStatus;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.model.ReleaseCheck;
import org.consulardesk.bonds.store.BondStore;
import org.consulardesk.bonds.store.ClaimStore;
import org.consulardesk.bonds.store.EmployerStore;
import org.consulardesk.bonds.store.EvacuationCostStore;
import org.consulardesk.bonds.store.LedgerStore;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.PersonRef;
import org.consulardesk.registry.service.PersonLinks;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.Tx;

/**
 * Bonds: creating and changing drafts, the workers covered and their terms, document scans, and the
 * state machine (draft, active, partially drawn, expired, released, forfeited). Money moves only
 * through ledger entries ({@link LedgerService}); release and forfeiture post their own entry.
 */
public final class BondService {
    /** Largest document scan kept in the registry. */
    public static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    private final Session session;
    private final BondStore store = new BondStore();
    private final EmployerStore employers = new EmployerStore();
    private final LedgerStore ledgerStore = new LedgerStore();
    private final ClaimStore claims = new ClaimStore();
    private final EvacuationCostStore costs = new EvacuationCostStore();
    private final PersonLinks links = new PersonLinks();
    private final Ledger ledger;

    public BondService(Session session) {
        this.session = session;
        this.ledger = new Ledger(session);
    }

    LocalDate today() {
        return LocalDate.now(session.clock());
    }

    public Bond create(BondDraft draft) {
        session.require(Permission.MANAGE_BONDS);
        BondDraft d = validate(draft);
        long id = session.database().write(tx -> {
            Employer e = employers.get(tx, d.organisationId())
                    .orElseThrow(() -> new UserError("error.employer.notFound", d.organisationId()));
            if (e.blacklisted()) {
                throw new UserError("error.bond.blacklisted", e.legalName());
            }
            long created = store.insert(tx, d, session.user().username(), session.now());
            session.audit().record(tx, AuditEvent.on("BOND_ADDED", "bond", created, "organisation_id", "instrument",
                    "reference", "face_amount", "currency", "coverage", "pooled", "term"));
            return created;
        });
        return get(id);
    }

    /** Changes the terms of a draft; the currency only while the ledger is empty. */
    public Bond updateDraft(long id, int version, BondDraft draft) {
        session.require(Permission.MANAGE_BONDS);
        BondDraft d = validate(draft);
        session.database().write(tx -> {
            Bond b = store.get(tx, id).orElseThrow(() -> new UserError("error.bond.notFound", id));
            if (b.state() != BondState.DRAFT) {
                throw new UserError("error.bond.notDraft");
            }
            if (d.organisationId() != b.organisationId()) {
                throw new UserError("error.bond.organisationFixed");
            }
            if (!d.currency().equals(b.faceAmount().currency()) && !ledgerStore.entries(tx, id).isEmpty()) {
                throw new UserError("error.bond.currencyFixed");
            }
            if (!store.lock(tx, id, version)) {
                throw new UserError("error.concurrentChange");
            }
            store.updateDraft(tx, id, d);
            session.audit().record(tx, AuditEvent.on("BOND_CHANGED", "bond", id, "terms"));
            return null;
        });
        return get(id);
    }

    public Bond get(long id) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> store.get(tx, id)).orElseThrow(() -> new UserError("error.bond.notFound", id));
    }

    public BondOverview overview(long id) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> {
            Bond b = store.get(tx, id).orElseThrow(() -> new UserError("error.bond.notFound", id));
            return store.overviews(tx, List.of(b)).get(0);
        });
    }

    /** The bond register: bonds whose employer, reference or issuer contains {@code text}; optionally one state. */
    public List<BondOverview> register(String text, BondState state, int limit) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> store.overviews(tx, store.search(tx, text, state, Math.max(1, limit))));
    }

    public List<BondOverview> ofEmployer(long organisationId) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> store.overviews(tx, store.ofOrganisation(tx, organisationId)));
    }

    // --- covered workers

    /**
     * Adds a worker of the bond's employer (or agency) with the employment terms the bond secures.
     * A per-worker bond covers one worker; a pooled bond any number.
     */
    public List<CoveredWorker> addWorker(long bondId, CoveredWorker worker) {
        session.require(Permission.MANAGE_BONDS);
        if (worker.contractStart() != null && worker.contractEnd() != null
                && worker.contractEnd().isBefore(worker.contractStart())) {
            throw new UserError("error.bond.workerDates");
        }
        if (worker.monthlyWage() != null && worker.monthlyWage().amount().signum() < 0) {
            throw new UserError("error.ledger.amountPositive");
        }
        String title = EmployerService.strip(worker.positionTitle());
        if (title != null && title.length() > 200) {
            throw new UserError("error.bonds.tooLong", 200);
        }
        session.database().write(tx -> {
            Bond b = ledger.lock(tx, bondId);
            if (b.state().closed()) {
                throw new UserError("error.bond.closed", Ledger.Messages.state(b.state()));
            }
            if (!employers.personExists(tx, worker.personId())) {
                throw new UserError("error.person.notFound", worker.personId());
            }
            // A registration merged into another one stands for that one (ADR 0064).
            long person = links.current(tx, worker.personId());
            if (!employers.organisationsOf(tx, person).contains(b.organisationId())) {
                throw new UserError("error.bond.notEmployed", person, b.organisationName());
            }
            List<CoveredWorker> current = workers(tx, bondId);
            if (current.stream().anyMatch(w -> w.personId() == person)) {
                throw new UserError("error.bond.workerTwice", person);
            }
            if (!b.pooled() && !current.isEmpty()) {
                throw new UserError("error.bond.perWorkerOne");
            }
            store.addWorker(tx, bondId, new CoveredWorker(person, null, null, title, worker.contractStart(),
                    worker.contractEnd(), worker.monthlyWage()));
            session.audit().record(tx, AuditEvent.on("BOND_WORKER_ADDED", "bond", bondId, "person_id", "position_title",
                    "contract_start", "contract_end", "monthly_wage").withDetail("person " + person));
            return null;
        });
        return workers(bondId);
    }

    public List<CoveredWorker> removeWorker(long bondId, long personId) {
        session.require(Permission.MANAGE_BONDS);
        session.database().write(tx -> {
            Bond b = ledger.lock(tx, bondId);
            if (b.state().closed()) {
                throw new UserError("error.bond.closed", Ledger.Messages.state(b.state()));
            }
            // The worker as listed (the registration that stands for them now) and any registration
            // merged into it that the bond still names.
            boolean removed = false;
            for (long id : links.sameAs(tx, personId)) {
                removed |= store.removeWorker(tx, bondId, id);
            }
            if (!removed) {
                throw new UserError("error.person.notFound", personId);
            }
            session.audit().record(tx, AuditEvent.on("BOND_WORKER_REMOVED", "bond", bondId, "person_id")
                    .withDetail("person " + personId));
            return null;
        });
        return workers(bondId);
    }

    public List<CoveredWorker> workers(long bondId) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> workers(tx, bondId));
    }

    /** The bond's workers, each shown as the registration that stands for them now (ADR 0064). */
    private List<CoveredWorker> workers(Tx tx, long bondId) {
        List<CoveredWorker> stored = store.workers(tx, bondId);
        Map<Long, PersonRef> refs = links.refs(tx, stored.stream().map(CoveredWorker::personId).toList());
        return stored.stream().map(w -> {
            PersonRef r = refs.get(w.personId());
            return r == null || !r.merged() ? w : w.withPerson(r.currentId(), r.familyName(), r.givenNames());
        }).toList();
    }

    // --- documents

    public BondDocument addDocument(long bondId, String title, String mediaType, byte[] content) {
        session.require(Permission.MANAGE_BONDS);
        String t = EmployerService.strip(title);
        if (t == null || t.length() > 200) {
            throw new UserError("error.bond.documentTitle");
        }
        if (content == null || content.length == 0 || content.length > MAX_DOCUMENT_BYTES) {
            throw new UserError("error.bond.documentSize", MAX_DOCUMENT_BYTES / (1024 * 1024));
        }
        String type = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType.strip();
        long id = session.database().write(tx -> {
            ledger.lock(tx, bondId);
            long added = store.addDocument(tx, bondId, t, type.length() > 60 ? "application/octet-stream" : type, content,
                    session.user().username(), session.now());
            session.audit().record(tx, AuditEvent.on("BOND_DOCUMENT_ADDED", "bond", bondId, "document")
                    .withDetail("document " + added));
            return added;
        });
        return documents(bondId).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    public List<BondDocument> documents(long bondId) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> store.documents(tx, bondId));
    }

    /** The scan itself; reading it is audited. */
    public byte[] documentContent(long bondId, long documentId) {
        session.require(Permission.MANAGE_BONDS);
        byte[] content = session.database().read(tx -> store.documentContent(tx, bondId, documentId))
                .orElseThrow(() -> new UserError("error.bond.documentNotFound", documentId));
        session.audit().record(AuditEvent.on("BOND_DOCUMENT_OPENED", "bond", bondId, "document")
                .withDetail("document " + documentId));
        return content;
    }

    // --- state machine

    /** Draft to active: the posted balance must reach the face amount (the money or guarantee is in place). */
    public Bond activate(long id, int version) {
        session.require(Permission.MANAGE_BONDS);
        session.database().write(tx -> {
            Bond b = store.get(tx, id).orElseThrow(() -> new UserError("error.bond.notFound", id));
            if (b.state() != BondState.DRAFT) {
                throw new UserError("error.bond.notDraft");
            }
            if (!store.lock(tx, id, version)) {
                throw new UserError("error.concurrentChange");
            }
            BondOverview o = store.overviews(tx, List.of(b)).get(0);
            if (o.balance().compareTo(b.faceAmount()) < 0) {
                throw new UserError("error.bond.notFunded", o.balance().toString(), b.faceAmount().toString());
            }
            ledger.setState(tx, b, BondState.ACTIVE, null);
            ledger.refreshDrawn(tx, store.get(tx, id).orElseThrow());
            return null;
        });
        return get(id);
    }

    /** Marks bonds in force whose term ended before today as expired; returns how many. */
    public int expireDue() {
        session.require(Permission.MANAGE_BONDS);
        LocalDate today = today();
        return session.database().write(tx -> {
            int n = 0;
            for (Bond b : store.inStates(tx, EnumSet.of(BondState.ACTIVE, BondState.PARTIALLY_DRAWN))) {
                if (b.termEnd().isBefore(today)) {
                    ledger.lock(tx, b.id());
                    ledger.setState(tx, b, BondState.EXPIRED, null);
                    n++;
                }
            }
            return n;
        });
    }

    /** What must be settled before the balance goes back to the employer. */
    public ReleaseCheck releaseCheck(long id) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> check(tx, store.get(tx, id).orElseThrow(() -> new UserError("error.bond.notFound", id))));
    }

    private ReleaseCheck check(Tx tx, Bond b) {
        BondOverview o = store.overviews(tx, List.of(b)).get(0);
        List<Long> openClaims = claims.ofBond(tx, b.id()).stream().filter(c -> c.status().open()).map(c -> c.id()).toList();
        List<Long> pending = ledgerStore.entries(tx, b.id()).stream().filter(e -> e.status() == EntryStatus.PENDING)
                .map(LedgerEntry::id).toList();
        List<Long> named = new ArrayList<>(store.workers(tx, b.id()).stream().map(CoveredWorker::personId).toList());
        if (b.pooled()) {
            employers.workers(tx, b.organisationId()).forEach(w -> named.add(w.personId()));
        }
        // Costs may name the worker under a registration merged into, or merged away from, the one the bond names.
        java.util.Set<Long> covered = new java.util.LinkedHashSet<>();
        named.forEach(p -> covered.addAll(links.sameAs(tx, p)));
        List<String> openCosts = costs.openCostsOf(tx, covered);
        return new ReleaseCheck(b.id(), o.balance(), openClaims, pending, openCosts);
    }

    /**
     * End of term: returns the whole balance to the employer with a RELEASE entry, once no claim,
     * pending entry or unallocated evacuation cost of its workers is open. Above the approval threshold
     * the entry waits for a second officer and the bond becomes released when it is approved.
     */
    public ReleaseCheck release(long id, String memo) {
        session.require(Permission.MANAGE_BONDS);
        session.database().write(tx -> {
            Bond b = ledger.lock(tx, id);
            if (!b.state().drawable()) {
                throw new UserError("error.bond.notReleasable", Ledger.Messages.state(b.state()));
            }
            ReleaseCheck c = check(tx, b);
            if (!c.clear()) {
                throw new UserError("error.bond.releaseBlocked", c.openClaimIds().size(), c.pendingEntryIds().size(),
                        String.join(", ", c.openCostReferences()));
            }
            String text = memo == null || memo.isBlank() ? org.consulardesk.core.Messages.get("bonds.release.memo") : memo;
            if (c.balance().isZero()) {
                ledger.setState(tx, b, BondState.RELEASED, text);
            } else {
                ledger.post(tx, b, EntryKind.RELEASE, c.balance().negate(), null, null, Ledger.Links.NONE, text);
            }
            return null;
        });
        return releaseCheck(id);
    }

    /** Forfeits the remaining balance to the state (e.g. the employer breached the terms); reason required. */
    public Bond forfeit(long id, String reason) {
        session.require(Permission.APPROVE_LEDGER);
        String why = EmployerService.strip(reason);
        if (why == null) {
            throw new UserError("error.bond.forfeitReason");
        }
        session.database().write(tx -> {
            Bond b = ledger.lock(tx, id);
            if (!b.state().drawable()) {
                throw new UserError("error.bond.notReleasable", Ledger.Messages.state(b.state()));
            }
            BondOverview o = store.overviews(tx, List.of(b)).get(0);
            if (!o.pendingDebits().isZero()) {
                throw new UserError("error.bond.releaseBlocked", 0, 1, "");
            }
            if (o.balance().isZero()) {
                ledger.setState(tx, b, BondState.FORFEITED, why);
            } else {
                ledger.post(tx, b, EntryKind.FORFEITURE, o.balance().negate(), null, null, Ledger.Links.NONE, why);
            }
            return null;
        });
        return get(id);
    }

    private BondDraft validate(BondDraft d) {
        if (d.instrument() == null || d.currency() == null || d.termStart() == null || d.termEnd() == null) {
            throw new UserError("error.bond.incomplete");
        }
        String reference = EmployerService.strip(d.reference());
        if (reference == null || reference.length() > 100) {
            throw new UserError("error.bond.reference");
        }
        if (d.faceAmount() == null || d.faceAmount().signum() <= 0 || !Money.fits(d.faceAmount(), d.currency())
                || d.faceAmount().precision() - d.faceAmount().scale() > 15) {
            throw new UserError("error.bond.amount", d.currency().getCurrencyCode());
        }
        if (d.termEnd().isBefore(d.termStart())) {
            throw new UserError("error.bond.term");
        }
        if (d.coverage().isEmpty()) {
            throw new UserError("error.bond.coverage");
        }
        if (!d.stateMayDraw() && !d.workerMayDraw()) {
            throw new UserError("error.bond.drawers");
        }
        BigDecimal cover = d.coverPerWorker();
        if (cover != null && (cover.signum() <= 0 || !Money.fits(cover, d.currency()))) {
            throw new UserError("error.bond.amount", d.currency().getCurrencyCode());
        }
        String issuer = EmployerService.strip(d.issuer());
        String access = EmployerService.strip(d.accessConditions());
        if ((issuer != null && issuer.length() > 300) || (access != null && access.length() > 2000)) {
            throw new UserError("error.bonds.tooLong", issuer != null && issuer.length() > 300 ? 300 : 2000);
        }
        return new BondDraft(d.organisationId(), d.instrument(), issuer, reference,
                d.faceAmount().setScale(Money.digits(d.currency())), d.currency(), d.coverage(), d.pooled(),
                d.pooled() && cover != null ? cover.setScale(Money.digits(d.currency())) : null, d.termStart(),
                d.termEnd(), access, d.stateMayDraw(), d.workerMayDraw());
    }

    static List<ClaimStatus> openClaimStatuses() {
        return java.util.Arrays.stream(ClaimStatus.values()).filter(ClaimStatus::open).toList();
    }
}
