package org.consulardesk.registry.service;

import java.util.List;
import java.util.Optional;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.Household;
import org.consulardesk.registry.model.HouseholdMember;
import org.consulardesk.registry.model.HouseholdRelationship;
import org.consulardesk.registry.store.HouseholdStore;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.Tx;

/**
 * Households: registrants and relatives who are not registered, living or travelling together.
 * Every change names the household version it was made from; a change made from an outdated version
 * is refused. Changes are audited with field names only.
 */
public final class HouseholdService {
    private static final int MAX_LABEL = 200;
    private static final int MAX_NAME = 200;

    private final Session session;
    private final HouseholdStore store = new HouseholdStore();

    public HouseholdService(Session session) {
        this.session = session;
    }

    public Household create(String label) {
        session.require(Permission.EDIT_REGISTRY);
        String clean = label == null ? "" : label.strip();
        if (clean.isEmpty() || clean.length() > MAX_LABEL) {
            throw new UserError("error.household.label");
        }
        long id = session.database().write(tx -> {
            long created = store.insert(tx, clean, null);
            session.audit().record(tx, AuditEvent.on("HOUSEHOLD_ADDED", "household", created, "label"));
            return created;
        });
        return get(id);
    }

    public Household get(long householdId) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.get(tx, householdId))
                .orElseThrow(() -> new UserError("error.household.notFound", householdId));
    }

    public List<HouseholdMember> members(long householdId) {
        return get(householdId).members();
    }

    /** The household the registrant belongs to, if any. */
    public Optional<Household> householdOf(long personId) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.householdOf(tx, personId).flatMap(id -> store.get(tx, id)));
    }

    /** Adds a registrant; also sets the person's household. A person belongs to one household at most. */
    public Household addRegistrant(long householdId, int version, long personId, HouseholdRelationship relationship,
                                   boolean travellingWith) {
        session.require(Permission.EDIT_REGISTRY);
        HouseholdRelationship rel = relationship == null ? HouseholdRelationship.OTHER : relationship;
        session.database().write(tx -> {
            if (!store.personExists(tx, personId)) {
                throw new UserError("error.person.notFound", personId);
            }
            if (store.householdOf(tx, personId).isPresent()) {
                throw new UserError("error.household.alreadyMember", personId);
            }
            lock(tx, householdId, version);
            long member = store.addMember(tx, householdId,
                    new HouseholdMember(0, personId, null, null, null, rel, travellingWith));
            store.setPersonHousehold(tx, personId, householdId);
            session.audit().record(tx, AuditEvent.on("HOUSEHOLD_MEMBER_ADDED", "household", householdId,
                    "person_id", "relationship", "travelling_with").withDetail("member " + member));
            session.audit().record(tx, AuditEvent.on("PERSON_CHANGED", "person", personId, "household"));
            return null;
        });
        return get(householdId);
    }

    /** Adds a relative who is not registered: names, birth date (ISO, possibly partial), relationship. */
    public Household addRelative(long householdId, int version, String familyName, String givenNames, String birthDate,
                                 HouseholdRelationship relationship, boolean travellingWith) {
        session.require(Permission.EDIT_REGISTRY);
        String family = familyName == null ? "" : familyName.strip();
        String given = givenNames == null || givenNames.isBlank() ? null : givenNames.strip();
        String born = birthDate == null || birthDate.isBlank() ? null : birthDate.strip();
        if (family.isEmpty() || family.length() > MAX_NAME || (given != null && given.length() > MAX_NAME)) {
            throw new UserError("error.household.relativeName");
        }
        if (born != null && !PartialDate.isValid(born)) {
            throw new UserError("error.person.birthDate", born);
        }
        HouseholdRelationship rel = relationship == null ? HouseholdRelationship.OTHER : relationship;
        session.database().write(tx -> {
            lock(tx, householdId, version);
            long member = store.addMember(tx, householdId, new HouseholdMember(0, null, family, given, born, rel, travellingWith));
            session.audit().record(tx, AuditEvent.on("HOUSEHOLD_MEMBER_ADDED", "household", householdId,
                    "family_name", "given_names", "birth_date", "relationship", "travelling_with")
                    .withDetail("member " + member));
            return null;
        });
        return get(householdId);
    }

    /** Changes a member's relationship and whether they travel with the household. */
    public Household changeMember(long householdId, int version, long memberId, HouseholdRelationship relationship,
                                  boolean travellingWith) {
        session.require(Permission.EDIT_REGISTRY);
        HouseholdRelationship rel = relationship == null ? HouseholdRelationship.OTHER : relationship;
        session.database().write(tx -> {
            HouseholdMember m = store.member(tx, householdId, memberId)
                    .orElseThrow(() -> new UserError("error.household.memberNotFound", memberId));
            lock(tx, householdId, version);
            store.changeMember(tx, memberId, rel, travellingWith);
            List<String> fields = new java.util.ArrayList<>();
            if (m.relationship() != rel) {
                fields.add("relationship");
            }
            if (m.travellingWith() != travellingWith) {
                fields.add("travelling_with");
            }
            session.audit().record(tx, AuditEvent.on("HOUSEHOLD_MEMBER_CHANGED", "household", householdId,
                    fields.toArray(String[]::new)).withDetail("member " + memberId));
            return null;
        });
        return get(householdId);
    }

    /** Removes a member; a registrant's household is cleared too. */
    public Household removeMember(long householdId, int version, long memberId) {
        session.require(Permission.EDIT_REGISTRY);
        session.database().write(tx -> {
            HouseholdMember m = store.member(tx, householdId, memberId)
                    .orElseThrow(() -> new UserError("error.household.memberNotFound", memberId));
            lock(tx, householdId, version);
            store.removeMember(tx, memberId);
            session.audit().record(tx, AuditEvent.on("HOUSEHOLD_MEMBER_REMOVED", "household", householdId,
                    m.personId() != null ? "person_id" : "family_name").withDetail("member " + memberId));
            if (m.personId() != null) {
                store.setPersonHousehold(tx, m.personId(), null);
                session.audit().record(tx, AuditEvent.on("PERSON_CHANGED", "person", m.personId(), "household"));
            }
            return null;
        });
        return get(householdId);
    }

    private void lock(Tx tx, long householdId, int version) {
        if (store.get(tx, householdId).isEmpty()) {
            throw new UserError("error.household.notFound", householdId);
        }
        if (!store.bump(tx, householdId, version)) {
            throw new UserError("error.concurrentChange");
        }
    }
}
