package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.HOUSEHOLD;
import static org.consulardesk.store.generated.Tables.HOUSEHOLD_MEMBER;
import static org.consulardesk.store.generated.Tables.PERSON;

import java.util.List;
import java.util.Optional;
import org.consulardesk.registry.model.Household;
import org.consulardesk.registry.model.HouseholdMember;
import org.consulardesk.registry.model.HouseholdRelationship;
import org.consulardesk.store.Tx;

/**
 * Households and their members. A registrant member is linked both ways: a {@code household_member}
 * row with {@code person_id} and {@code person.household_id}.
 */
public final class HouseholdStore {

    public long insert(Tx tx, String label, String notes) {
        return tx.dsl().insertInto(HOUSEHOLD)
                .set(HOUSEHOLD.LABEL, label)
                .set(HOUSEHOLD.NOTES, notes)
                .set(HOUSEHOLD.ROW_VERSION, 1)
                .returningResult(HOUSEHOLD.ID).fetchOne().value1();
    }

    public Optional<Household> get(Tx tx, long id) {
        return tx.dsl().selectFrom(HOUSEHOLD).where(HOUSEHOLD.ID.eq(id)).fetchOptional()
                .map(h -> new Household(h.getId(), h.getRowVersion(), h.getLabel(), h.getNotes(), members(tx, id)));
    }

    public List<HouseholdMember> members(Tx tx, long householdId) {
        return tx.dsl().select(HOUSEHOLD_MEMBER.ID, HOUSEHOLD_MEMBER.PERSON_ID,
                        org.jooq.impl.DSL.coalesce(PERSON.FAMILY_NAME, HOUSEHOLD_MEMBER.FAMILY_NAME),
                        org.jooq.impl.DSL.coalesce(PERSON.GIVEN_NAMES, HOUSEHOLD_MEMBER.GIVEN_NAMES),
                        org.jooq.impl.DSL.coalesce(PERSON.BIRTH_DATE, HOUSEHOLD_MEMBER.BIRTH_DATE),
                        HOUSEHOLD_MEMBER.RELATIONSHIP, HOUSEHOLD_MEMBER.TRAVELLING_WITH)
                .from(HOUSEHOLD_MEMBER).leftJoin(PERSON).on(PERSON.ID.eq(HOUSEHOLD_MEMBER.PERSON_ID))
                .where(HOUSEHOLD_MEMBER.HOUSEHOLD_ID.eq(householdId)).orderBy(HOUSEHOLD_MEMBER.ID)
                .fetch(r -> new HouseholdMember(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        HouseholdRelationship.valueOf(r.value6()), Boolean.TRUE.equals(r.value7())));
    }

    /**
     * Raises the household's version if it is still {@code expectedVersion} (and locks the row).
     *
     * @return false when someone else changed the household in the meantime
     */
    public boolean bump(Tx tx, long householdId, int expectedVersion) {
        return tx.dsl().update(HOUSEHOLD).set(HOUSEHOLD.ROW_VERSION, expectedVersion + 1)
                .where(HOUSEHOLD.ID.eq(householdId).and(HOUSEHOLD.ROW_VERSION.eq(expectedVersion))).execute() == 1;
    }

    public long addMember(Tx tx, long householdId, HouseholdMember m) {
        return tx.dsl().insertInto(HOUSEHOLD_MEMBER)
                .set(HOUSEHOLD_MEMBER.HOUSEHOLD_ID, householdId)
                .set(HOUSEHOLD_MEMBER.PERSON_ID, m.personId())
                .set(HOUSEHOLD_MEMBER.FAMILY_NAME, m.personId() == null ? m.familyName() : null)
                .set(HOUSEHOLD_MEMBER.GIVEN_NAMES, m.personId() == null ? m.givenNames() : null)
                .set(HOUSEHOLD_MEMBER.BIRTH_DATE, m.personId() == null ? m.birthDate() : null)
                .set(HOUSEHOLD_MEMBER.RELATIONSHIP, m.relationship().name())
                .set(HOUSEHOLD_MEMBER.TRAVELLING_WITH, m.travellingWith())
                .returningResult(HOUSEHOLD_MEMBER.ID).fetchOne().value1();
    }

    /** The member row, if it belongs to that household. */
    public Optional<HouseholdMember> member(Tx tx, long householdId, long memberId) {
        return members(tx, householdId).stream().filter(m -> m.id() == memberId).findFirst();
    }

    public void changeMember(Tx tx, long memberId, HouseholdRelationship relationship, boolean travellingWith) {
        tx.dsl().update(HOUSEHOLD_MEMBER).set(HOUSEHOLD_MEMBER.RELATIONSHIP, relationship.name())
                .set(HOUSEHOLD_MEMBER.TRAVELLING_WITH, travellingWith).where(HOUSEHOLD_MEMBER.ID.eq(memberId)).execute();
    }

    public void removeMember(Tx tx, long memberId) {
        tx.dsl().deleteFrom(HOUSEHOLD_MEMBER).where(HOUSEHOLD_MEMBER.ID.eq(memberId)).execute();
    }

    /** True when the person is registered. */
    public boolean personExists(Tx tx, long personId) {
        return tx.dsl().fetchExists(PERSON, PERSON.ID.eq(personId));
    }

    /** The household a registrant belongs to, from {@code person.household_id}. */
    public Optional<Long> householdOf(Tx tx, long personId) {
        return tx.dsl().select(PERSON.HOUSEHOLD_ID).from(PERSON).where(PERSON.ID.eq(personId))
                .fetchOptional(PERSON.HOUSEHOLD_ID).filter(id -> id != null);
    }

    /**
     * Sets (or clears, with null) {@code person.household_id} and raises the person's row version,
     * so that a person form opened before cannot silently write the old household back.
     */
    public void setPersonHousehold(Tx tx, long personId, Long householdId) {
        tx.dsl().update(PERSON).set(PERSON.HOUSEHOLD_ID, householdId).set(PERSON.ROW_VERSION, PERSON.ROW_VERSION.plus(1))
                .where(PERSON.ID.eq(personId)).execute();
    }
}
