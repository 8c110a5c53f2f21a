package org.consulardesk.bonds.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondDocument;
import org.consulardesk.bonds.model.Claim;
import org.consulardesk.bonds.model.ClaimItem;
import org.consulardesk.bonds.model.ClaimStatus;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryStatus;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.model.NewClaim;
import org.consulardesk.bonds.store.BondStore;
import org.consulardesk.bonds.store.ClaimStore;
import org.consulardesk.bonds.store.EmployerStore;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.PersonRef;
import org.consulardesk.registry.service.PersonLinks;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.Tx;

/**
 * Workers' claims on bonds (seed guideline 8: how the citizen applies and receives proceeds): filed
 * by an officer with amounts per item and evidence, the employer notified, an assessment, a decision
 * with its reason by an entitled officer (DECIDE_CLAIMS), and the payout from the bond with a receipt.
 * Claims undecided after their decision date are overdue.
 */
public final class ClaimService {
    /** Days from filing to the decision date. */
    /** Days from filing to the decision unless the head of post set another period. */
    public static final int DECISION_DAYS = 30;
    /** The registry setting that holds the decision period in days. */
    public static final String DECISION_DAYS_SETTING = "bonds.claim.decisionDays";
    private final org.consulardesk.store.SettingsStore settings = new org.consulardesk.store.SettingsStore();
    private static final int MAX_TEXT = 4000;

    private final Session session;
    private final ClaimStore store = new ClaimStore();
    private final BondStore bonds = new BondStore();
    private final EmployerStore employers = new EmployerStore();
    private final PersonLinks links = new PersonLinks();
    private final Ledger ledger;

    public ClaimService(Session session) {
        this.session = session;
        this.ledger = new Ledger(session);
    }

    /** The session's date (a trainer's exercise may set its clock): due dates and overdue marks use it. */
    public LocalDate today() {
        return LocalDate.now(session.clock());
    }

    /** Days from filing to the decision due date (the head of post's setting, else {@link #DECISION_DAYS}). */
    public int decisionDays() {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(this::decisionDays);
    }

    private int decisionDays(org.consulardesk.store.Tx tx) {
        return settings.get(tx, DECISION_DAYS_SETTING).map(v -> {
            try {
                return Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                return DECISION_DAYS;
            }
        }).filter(d -> d >= 1 && d <= 365).orElse(DECISION_DAYS);
    }

    /** The head of post sets the decision period for claims filed from now on (1 to 365 days); audited. */
    public int setDecisionDays(int days) {
        session.require(Permission.DECIDE_CLAIMS);
        if (days < 1 || days > 365) {
            throw new UserError("error.claim.decisionDays");
        }
        session.database().write(tx -> {
            settings.put(tx, DECISION_DAYS_SETTING, Integer.toString(days));
            session.audit().record(tx, AuditEvent.of("CLAIM_DECISION_DAYS_SET").withDetail(days + " days"));
            return null;
        });
        return days;
    }

    public Claim file(NewClaim c) {
        session.require(Permission.MANAGE_BONDS);
        if (c.items().isEmpty()) {
            throw new UserError("error.claim.noItems");
        }
        for (ClaimItem i : c.items()) {
            if (i.category() == null || EmployerService.strip(i.description()) == null || i.description().length() > 1000) {
                throw new UserError("error.claim.item");
            }
            if (i.amount() == null || i.amount().signum() <= 0 || !Money.fits(i.amount(), c.currency())) {
                throw new UserError("error.bond.amount", c.currency().getCurrencyCode());
            }
        }
        String statement = text(c.statement());
        LocalDate filed = today();
        long id = session.database().write(tx -> {
            Bond b = ledger.lock(tx, c.bondId());
            if (!b.state().drawable()) {
                throw new UserError("error.bond.notReleasable", Ledger.Messages.state(b.state()));
            }
            if (!b.workerMayDraw()) {
                throw new UserError("error.claim.workerMayNotDraw");
            }
            // The worker as the registration that stands for them now; the bond may still name a
            // registration merged into it (ADR 0064).
            long person = links.current(tx, c.personId());
            java.util.Set<Long> same = links.sameAs(tx, person);
            boolean covered = bonds.workers(tx, b.id()).stream().anyMatch(w -> same.contains(w.personId()))
                    || (b.pooled() && employers.organisationsOf(tx, person).contains(b.organisationId()));
            if (!covered) {
                throw new UserError("error.claim.notCovered", c.personId());
            }
            List<String> uncovered = c.items().stream().filter(i -> !b.coverage().contains(i.category().coverage()))
                    .map(i -> org.consulardesk.core.Messages.get("bonds.claim.category." + i.category().name())).distinct().toList();
            if (!uncovered.isEmpty()) {
                throw new UserError("error.claim.categoryNotCovered", String.join(", ", uncovered));
            }
            long created = store.insert(tx, new NewClaim(c.bondId(), person, c.currency(), statement,
                    c.items().stream().map(i -> new ClaimItem(0, i.category(), i.description().strip(),
                            i.amount().setScale(Money.digits(c.currency())), null)).toList()),
                    filed, filed.plusDays(decisionDays(tx)), session.user().username());
            session.audit().record(tx, AuditEvent.on("CLAIM_FILED", "bond_claim", created, "bond_id", "person_id", "items",
                    "statement").withDetail("bond " + c.bondId()));
            return created;
        });
        return get(id);
    }

    public Claim get(long id) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> store.get(tx, id).map(c -> current(tx, List.of(c)).get(0)))
                .orElseThrow(() -> new UserError("error.claim.notFound", id));
    }

    /** Claims shown with the registration that stands for each worker now (after a merge, ADR 0064). */
    private List<Claim> current(org.consulardesk.store.Tx tx, List<Claim> claims) {
        java.util.Map<Long, PersonRef> refs = links.refs(tx, claims.stream().map(Claim::personId).toList());
        return claims.stream().map(c -> {
            PersonRef r = refs.get(c.personId());
            return r == null || !r.merged() ? c : c.withPerson(r.currentId(), r.familyName(), r.givenNames());
        }).toList();
    }

    /** Open claims (waiting for a decision or a payout), earliest decision date first. */
    public List<Claim> queue() {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> current(tx, store.inStatuses(tx, BondService.openClaimStatuses())));
    }

    public List<Claim> all() {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> current(tx, store.all(tx)));
    }

    public List<Claim> ofBond(long bondId) {
        session.require(Permission.MANAGE_BONDS);
        return session.database().read(tx -> current(tx, store.ofBond(tx, bondId)));
    }

    public BondDocument addEvidence(long claimId, String title, String mediaType, byte[] content) {
        session.require(Permission.MANAGE_BONDS);
        String t = EmployerService.strip(title);
        if (t == null || t.length() > 200) {
            throw new UserError("error.bond.documentTitle");
        }
        if (content == null || content.length == 0 || content.length > BondService.MAX_DOCUMENT_BYTES) {
            throw new UserError("error.bond.documentSize", BondService.MAX_DOCUMENT_BYTES / (1024 * 1024));
        }
        String type = mediaType == null || mediaType.isBlank() || mediaType.length() > 60 ? "application/octet-stream" : mediaType;
        long id = session.database().write(tx -> {
            store.get(tx, claimId).orElseThrow(() -> new UserError("error.claim.notFound", claimId));
            long added = store.addEvidence(tx, claimId, t, type, content, session.user().username(), session.now());
            session.audit().record(tx, AuditEvent.on("CLAIM_EVIDENCE_ADDED", "bond_claim", claimId, "evidence")
                    .withDetail("evidence " + added));
            return added;
        });
        return get(claimId).evidence().stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    public byte[] evidenceContent(long claimId, long evidenceId) {
        session.require(Permission.MANAGE_BONDS);
        byte[] content = session.database().read(tx -> store.evidenceContent(tx, claimId, evidenceId))
                .orElseThrow(() -> new UserError("error.bond.documentNotFound", evidenceId));
        session.audit().record(AuditEvent.on("CLAIM_EVIDENCE_OPENED", "bond_claim", claimId, "evidence")
                .withDetail("evidence " + evidenceId));
        return content;
    }

    /** Records that (and how) the employer was told of the claim, and its answer if any. */
    public Claim notifyEmployer(long id, int version, LocalDate on, String how, String response) {
        session.require(Permission.MANAGE_BONDS);
        String channel = EmployerService.strip(how);
        if (on == null || channel == null || channel.length() > 200) {
            throw new UserError("error.claim.notice");
        }
        String answer = text(response);
        change(id, version, "CLAIM_EMPLOYER_NOTIFIED", List.of(ClaimStatus.FILED, ClaimStatus.EMPLOYER_NOTIFIED), (tx, c) -> {
            store.notified(tx, id, on, channel, answer);
            store.setStatus(tx, id, ClaimStatus.EMPLOYER_NOTIFIED);
        }, "employer_notified_on", "employer_notified_how", "employer_response");
        return get(id);
    }

    /** The officer's assessment of eligibility and amounts, before the decision. */
    public Claim assess(long id, int version, String assessment) {
        session.require(Permission.MANAGE_BONDS);
        String text = text(assessment);
        if (text == null) {
            throw new UserError("error.claim.assessment");
        }
        change(id, version, "CLAIM_ASSESSED", List.of(ClaimStatus.FILED, ClaimStatus.EMPLOYER_NOTIFIED, ClaimStatus.ASSESSED),
                (tx, c) -> {
                    if (c.employerNotifiedOn() == null) {
                        throw new UserError("error.claim.notifyFirst");
                    }
                    store.assessed(tx, id, text, session.user().username());
                    store.setStatus(tx, id, ClaimStatus.ASSESSED);
                }, "assessment");
        return get(id);
    }

    /**
     * The decision, with its reason: amounts approved per item (each at most what was claimed; missing
     * items get zero). Nothing approved is a rejection.
     */
    public Claim decide(long id, int version, Map<Long, BigDecimal> approvedPerItem, String reason) {
        session.require(Permission.DECIDE_CLAIMS);
        String why = text(reason);
        if (why == null) {
            throw new UserError("error.claim.reason");
        }
        change(id, version, "CLAIM_DECIDED", List.of(ClaimStatus.ASSESSED), (tx, c) -> {
            Map<Long, BigDecimal> approved = new HashMap<>();
            BigDecimal total = BigDecimal.ZERO;
            for (ClaimItem i : c.items()) {
                BigDecimal a = approvedPerItem.getOrDefault(i.id(), BigDecimal.ZERO);
                if (a.signum() < 0 || a.compareTo(i.amount()) > 0 || !Money.fits(a, c.currency())) {
                    throw new UserError("error.claim.approvedAmount", i.description());
                }
                approved.put(i.id(), a.setScale(Money.digits(c.currency())));
                total = total.add(a);
            }
            store.decided(tx, id, session.user().username(), today(), why, approved);
            store.setStatus(tx, id, total.signum() > 0 ? ClaimStatus.APPROVED : ClaimStatus.REJECTED);
        }, "decision", "decision_reason", "approved_amount");
        return get(id);
    }

    /**
     * Pays the approved amount from the bond with a CLAIM_PAYOUT entry and records the receipt (the
     * worker's signed receipt or the transfer reference). A claim in another currency than the bond's
     * needs the rate used. Above the approval threshold the claim waits (PAYOUT_PENDING) until a second
     * officer approves the entry.
     */
    public Claim pay(long id, int version, String receiptReference, BigDecimal rate) {
        session.require(Permission.MANAGE_BONDS);
        String receipt = EmployerService.strip(receiptReference);
        if (receipt == null || receipt.length() > 200) {
            throw new UserError("error.claim.receipt");
        }
        change(id, version, "CLAIM_PAYOUT_POSTED", List.of(ClaimStatus.APPROVED), (tx, c) -> {
            Bond b = ledger.lock(tx, c.bondId());
            if (!b.workerMayDraw()) {
                throw new UserError("error.claim.workerMayNotDraw");
            }
            Ledger.Converted money = Ledger.convert(b, c.approved(), rate);
            LedgerEntry e = ledger.post(tx, b, EntryKind.CLAIM_PAYOUT, money.amount().negate(), money.original(),
                    money.rate(), new Ledger.Links(c.personId(), null, id, null),
                    org.consulardesk.core.Messages.get("bonds.claim.payoutMemo", id, receipt));
            store.paid(tx, id, receipt, today());
            if (e.status() == EntryStatus.PENDING) {
                store.setStatus(tx, id, ClaimStatus.PAYOUT_PENDING);
            }
        }, "receipt_reference", "paid_on");
        return get(id);
    }

    private interface Change {
        void apply(Tx tx, Claim claim);
    }

    private void change(long id, int version, String action, List<ClaimStatus> allowed, Change work, String... fields) {
        session.database().write(tx -> {
            Claim c = store.get(tx, id).orElseThrow(() -> new UserError("error.claim.notFound", id));
            if (!store.bump(tx, id, version)) {
                throw new UserError("error.concurrentChange");
            }
            if (!allowed.contains(c.status())) {
                throw new UserError("error.claim.wrongStatus",
                        org.consulardesk.core.Messages.get("bonds.claim.status." + c.status().name()));
            }
            work.apply(tx, c);
            session.audit().record(tx, AuditEvent.on(action, "bond_claim", id, fields));
            return null;
        });
    }

    private static String text(String s) {
        String t = EmployerService.strip(s);
        if (t != null && t.length() > MAX_TEXT) {
            throw new UserError("error.bonds.tooLong", MAX_TEXT);
        }
        return t;
    }
}
