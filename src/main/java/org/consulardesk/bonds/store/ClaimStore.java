package org.consulardesk.bonds.store;

import static org.consulardesk.store.generated.Tables.BOND;
import static org.consulardesk.store.generated.Tables.BOND_CLAIM;
import static org.consulardesk.store.generated.Tables.BOND_CLAIM_EVIDENCE;
import static org.consulardesk.store.generated.Tables.BOND_CLAIM_ITEM;
import static org.consulardesk.store.generated.Tables.ORGANISATION;
import static org.consulardesk.store.generated.Tables.PERSON;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consulardesk.bonds.model.BondDocument;
import org.consulardesk.bonds.model.Claim;
import org.consulardesk.bonds.model.ClaimCategory;
import org.consulardesk.bonds.model.ClaimItem;
import org.consulardesk.bonds.model.ClaimStatus;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.model.NewClaim;
import org.consulardesk.store.Tx;
import org.jooq.Condition;
import org.jooq.Record;

/** Workers' claims on bonds, their items and evidence scans. */
public final class ClaimStore {

    public long insert(Tx tx, NewClaim c, LocalDate filedOn, LocalDate due, String user) {
        long id = tx.dsl().insertInto(BOND_CLAIM)
                .set(BOND_CLAIM.BOND_ID, c.bondId()).set(BOND_CLAIM.PERSON_ID, c.personId())
                .set(BOND_CLAIM.CURRENCY, c.currency().getCurrencyCode()).set(BOND_CLAIM.FILED_ON, filedOn)
                .set(BOND_CLAIM.DECISION_DUE, due).set(BOND_CLAIM.STATUS, ClaimStatus.FILED.name())
                .set(BOND_CLAIM.STATEMENT, c.statement()).set(BOND_CLAIM.FILED_BY, user).set(BOND_CLAIM.ROW_VERSION, 1)
                .returningResult(BOND_CLAIM.ID).fetchOne().value1();
        for (ClaimItem i : c.items()) {
            tx.dsl().insertInto(BOND_CLAIM_ITEM).set(BOND_CLAIM_ITEM.CLAIM_ID, id)
                    .set(BOND_CLAIM_ITEM.CATEGORY, i.category().name()).set(BOND_CLAIM_ITEM.DESCRIPTION, i.description())
                    .set(BOND_CLAIM_ITEM.AMOUNT, i.amount()).execute();
        }
        return id;
    }

    /** Raises the version if it is {@code expected} and locks the row; false if changed meanwhile. */
    public boolean bump(Tx tx, long id, int expected) {
        return tx.dsl().update(BOND_CLAIM).set(BOND_CLAIM.ROW_VERSION, expected + 1)
                .where(BOND_CLAIM.ID.eq(id).and(BOND_CLAIM.ROW_VERSION.eq(expected))).execute() == 1;
    }

    public void setStatus(Tx tx, long id, ClaimStatus status) {
        tx.dsl().update(BOND_CLAIM).set(BOND_CLAIM.STATUS, status.name()).where(BOND_CLAIM.ID.eq(id)).execute();
    }

    public void notified(Tx tx, long id, LocalDate on, String how, String response) {
        tx.dsl().update(BOND_CLAIM).set(BOND_CLAIM.EMPLOYER_NOTIFIED_ON, on).set(BOND_CLAIM.EMPLOYER_NOTIFIED_HOW, how)
                .set(BOND_CLAIM.EMPLOYER_RESPONSE, response).where(BOND_CLAIM.ID.eq(id)).execute();
    }

    public void assessed(Tx tx, long id, String assessment, String user) {
        tx.dsl().update(BOND_CLAIM).set(BOND_CLAIM.ASSESSMENT, assessment).set(BOND_CLAIM.ASSESSED_BY, user)
                .where(BOND_CLAIM.ID.eq(id)).execute();
    }

    public void decided(Tx tx, long id, String user, LocalDate on, String reason, Map<Long, BigDecimal> approved) {
        tx.dsl().update(BOND_CLAIM).set(BOND_CLAIM.DECIDED_BY, user).set(BOND_CLAIM.DECIDED_ON, on)
                .set(BOND_CLAIM.DECISION_REASON, reason).where(BOND_CLAIM.ID.eq(id)).execute();
        for (Map.Entry<Long, BigDecimal> e : approved.entrySet()) {
            tx.dsl().update(BOND_CLAIM_ITEM).set(BOND_CLAIM_ITEM.APPROVED_AMOUNT, e.getValue())
                    .where(BOND_CLAIM_ITEM.ID.eq(e.getKey()).and(BOND_CLAIM_ITEM.CLAIM_ID.eq(id))).execute();
        }
    }

    public void paid(Tx tx, long id, String receipt, LocalDate on) {
        tx.dsl().update(BOND_CLAIM).set(BOND_CLAIM.RECEIPT_REFERENCE, receipt).set(BOND_CLAIM.PAID_ON, on)
                .where(BOND_CLAIM.ID.eq(id)).execute();
    }

    public long addEvidence(Tx tx, long claimId, String title, String mediaType, byte[] content, String user, Instant now) {
        return tx.dsl().insertInto(BOND_CLAIM_EVIDENCE).set(BOND_CLAIM_EVIDENCE.CLAIM_ID, claimId)
                .set(BOND_CLAIM_EVIDENCE.TITLE, title).set(BOND_CLAIM_EVIDENCE.MEDIA_TYPE, mediaType)
                .set(BOND_CLAIM_EVIDENCE.CONTENT, content).set(BOND_CLAIM_EVIDENCE.ADDED_BY, user)
                .set(BOND_CLAIM_EVIDENCE.ADDED_AT, now.atOffset(ZoneOffset.UTC))
                .returningResult(BOND_CLAIM_EVIDENCE.ID).fetchOne().value1();
    }

    public Optional<byte[]> evidenceContent(Tx tx, long claimId, long evidenceId) {
        return tx.dsl().select(BOND_CLAIM_EVIDENCE.CONTENT).from(BOND_CLAIM_EVIDENCE)
                .where(BOND_CLAIM_EVIDENCE.ID.eq(evidenceId).and(BOND_CLAIM_EVIDENCE.CLAIM_ID.eq(claimId)))
                .fetchOptional(BOND_CLAIM_EVIDENCE.CONTENT);
    }

    public Optional<Claim> get(Tx tx, long id) {
        return list(tx, BOND_CLAIM.ID.eq(id)).stream().findFirst();
    }

    public List<Claim> ofBond(Tx tx, long bondId) {
        return list(tx, BOND_CLAIM.BOND_ID.eq(bondId));
    }

    /** Claims in the given statuses, oldest decision date first. */
    public List<Claim> inStatuses(Tx tx, List<ClaimStatus> statuses) {
        return list(tx, BOND_CLAIM.STATUS.in(statuses.stream().map(Enum::name).toList()));
    }

    public List<Claim> all(Tx tx) {
        return list(tx, org.jooq.impl.DSL.noCondition());
    }

    private List<Claim> list(Tx tx, Condition where) {
        List<Record> rows = tx.dsl().select(BOND_CLAIM.asterisk(), BOND.REFERENCE, BOND.ORGANISATION_ID,
                        ORGANISATION.LEGAL_NAME, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES)
                .from(BOND_CLAIM).join(BOND).on(BOND.ID.eq(BOND_CLAIM.BOND_ID))
                .join(ORGANISATION).on(ORGANISATION.ID.eq(BOND.ORGANISATION_ID))
                .join(PERSON).on(PERSON.ID.eq(BOND_CLAIM.PERSON_ID))
                .where(where).orderBy(BOND_CLAIM.DECISION_DUE, BOND_CLAIM.ID).fetch();
        List<Long> ids = rows.stream().map(r -> r.get(BOND_CLAIM.ID)).toList();
        Map<Long, List<ClaimItem>> items = new HashMap<>();
        Map<Long, List<BondDocument>> evidence = new HashMap<>();
        Map<Long, Currency> currencies = new HashMap<>();
        rows.forEach(r -> currencies.put(r.get(BOND_CLAIM.ID), Currency.getInstance(r.get(BOND_CLAIM.CURRENCY).strip())));
        if (!ids.isEmpty()) {
            tx.dsl().selectFrom(BOND_CLAIM_ITEM).where(BOND_CLAIM_ITEM.CLAIM_ID.in(ids)).orderBy(BOND_CLAIM_ITEM.ID)
                    .forEach(i -> {
                        int digits = Money.digits(currencies.get(i.getClaimId()));
                        items.computeIfAbsent(i.getClaimId(), k -> new ArrayList<>()).add(new ClaimItem(i.getId(),
                                ClaimCategory.valueOf(i.getCategory()), i.getDescription(),
                                i.getAmount().setScale(digits, RoundingMode.UNNECESSARY),
                                i.getApprovedAmount() == null ? null
                                        : i.getApprovedAmount().setScale(digits, RoundingMode.UNNECESSARY)));
                    });
            tx.dsl().select(BOND_CLAIM_EVIDENCE.ID, BOND_CLAIM_EVIDENCE.CLAIM_ID, BOND_CLAIM_EVIDENCE.TITLE,
                            BOND_CLAIM_EVIDENCE.MEDIA_TYPE,
                            org.jooq.impl.DSL.field("octet_length({0})", Integer.class, BOND_CLAIM_EVIDENCE.CONTENT),
                            BOND_CLAIM_EVIDENCE.ADDED_BY, BOND_CLAIM_EVIDENCE.ADDED_AT)
                    .from(BOND_CLAIM_EVIDENCE).where(BOND_CLAIM_EVIDENCE.CLAIM_ID.in(ids)).orderBy(BOND_CLAIM_EVIDENCE.ID)
                    .forEach(e -> evidence.computeIfAbsent(e.value2(), k -> new ArrayList<>()).add(new BondDocument(
                            e.value1(), e.value3(), e.value4(), e.value5(), e.value6(), e.value7().toInstant())));
        }
        List<Claim> out = new ArrayList<>();
        for (Record r : rows) {
            long id = r.get(BOND_CLAIM.ID);
            out.add(new Claim(id, r.get(BOND_CLAIM.ROW_VERSION), r.get(BOND_CLAIM.BOND_ID), r.get(BOND.REFERENCE),
                    r.get(BOND.ORGANISATION_ID), r.get(ORGANISATION.LEGAL_NAME), r.get(BOND_CLAIM.PERSON_ID),
                    r.get(PERSON.FAMILY_NAME), r.get(PERSON.GIVEN_NAMES), currencies.get(id), r.get(BOND_CLAIM.FILED_ON),
                    r.get(BOND_CLAIM.DECISION_DUE), ClaimStatus.valueOf(r.get(BOND_CLAIM.STATUS)),
                    r.get(BOND_CLAIM.STATEMENT), r.get(BOND_CLAIM.EMPLOYER_NOTIFIED_ON),
                    r.get(BOND_CLAIM.EMPLOYER_NOTIFIED_HOW), r.get(BOND_CLAIM.EMPLOYER_RESPONSE),
                    r.get(BOND_CLAIM.ASSESSMENT), r.get(BOND_CLAIM.ASSESSED_BY), r.get(BOND_CLAIM.DECIDED_BY),
                    r.get(BOND_CLAIM.DECIDED_ON), r.get(BOND_CLAIM.DECISION_REASON), r.get(BOND_CLAIM.RECEIPT_REFERENCE),
                    r.get(BOND_CLAIM.PAID_ON), r.get(BOND_CLAIM.FILED_BY), items.getOrDefault(id, List.of()),
                    evidence.getOrDefault(id, List.of())));
        }
        return out;
    }
}
