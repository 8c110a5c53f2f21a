package org.consulardesk.registry.service;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.Consent;
import org.consulardesk.registry.model.MergeEntry;
import org.consulardesk.registry.model.MergePlan;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.store.DuplicateStore;
import org.consulardesk.registry.store.RegistrationStore;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.Tx;

/**
 * Merging two registrations of the same person into the surviving one, and undoing it (head of
 * post). The other record is marked as merged, never deleted; both records as they were before are
 * kept as a snapshot in the (encrypted) registry, from which an undo restores them. Documents and
 * consents move between the two records with their ids (scans and consent history stay intact);
 * the other lists are copied. See ADR 0040–0042.
 */
public final class MergeService {
    private static final Gson GSON = new GsonBuilder().registerTypeAdapter(LocalDate.class, new LocalDateAdapter())
            .serializeNulls().create();

    private final Session session;
    private final DuplicateStore store = new DuplicateStore();
    private final RegistrationStore registrations = new RegistrationStore();

    public MergeService(Session session) {
        this.session = session;
    }

    /** What the snapshot holds (JSON). */
    record Snapshot(Registration survivor, Registration merged, List<Long> movedMemberships) {
    }

    /** Merges {@code plan.mergedId()} into the survivor {@code plan.result().id()}; returns the merge's id. */
    public long merge(MergePlan plan) {
        session.require(Permission.EDIT_REGISTRY);
        long survivorId = plan.result().id();
        long mergedId = plan.mergedId();
        if (survivorId == mergedId || survivorId == 0 || mergedId == 0) {
            throw new UserError("error.merge.samePerson");
        }
        Registration result = RegistrationRules.check(plan.result());
        return session.database().write(tx -> {
            Registration survivor = registrations.get(tx, survivorId).orElseThrow(() -> new UserError("error.person.notFound", survivorId));
            Registration merged = registrations.get(tx, mergedId).orElseThrow(() -> new UserError("error.person.notFound", mergedId));
            if (store.mergedInto(tx, survivorId).isPresent() || store.mergedInto(tx, mergedId).isPresent()) {
                throw new UserError("error.merge.alreadyMerged");
            }
            int survivorVersion = store.version(tx, survivorId).orElseThrow();
            int mergedVersion = store.version(tx, mergedId).orElseThrow();
            if (survivorVersion != result.version() || mergedVersion != plan.mergedVersion()) {
                throw new UserError("error.concurrentChange");
            }
            Set<Long> keptDocuments = new HashSet<>();
            result.documents().forEach(d -> keptDocuments.add(d.id()));
            store.moveDocuments(tx, idsOfDocuments(survivor).stream().filter(id -> !keptDocuments.contains(id)).toList(),
                    survivorId, mergedId);
            store.moveDocuments(tx, idsOfDocuments(merged).stream().filter(keptDocuments::contains).toList(),
                    mergedId, survivorId);
            Set<Long> keptConsents = new HashSet<>();
            result.consents().forEach(c -> keptConsents.add(c.id()));
            store.moveConsents(tx, idsOfConsents(survivor).stream().filter(id -> !keptConsents.contains(id)).toList(),
                    survivorId, mergedId);
            store.moveConsents(tx, idsOfConsents(merged).stream().filter(keptConsents::contains).toList(),
                    mergedId, survivorId);
            List<Long> moved = Objects.equals(result.householdId(), merged.householdId()) && result.householdId() != null
                    ? store.moveMemberships(tx, mergedId, survivorId, result.householdId()) : List.of();
            if (!registrations.update(tx, result, RegistrationService.keys(result), session.now())) {
                throw new UserError("error.concurrentChange");
            }
            store.setMergedInto(tx, mergedId, survivorId, session.now());
            byte[] snapshot = GSON.toJson(new Snapshot(survivor, merged, moved)).getBytes(StandardCharsets.UTF_8);
            long id = store.insertMerge(tx, survivorId, mergedId, result.version() + 1, session.now(),
                    session.user().username(), snapshot);
            String detail = "merge " + id + ": person " + mergedId + " merged into person " + survivorId;
            session.audit().record(tx, AuditEvent.on("PERSON_MERGED", "person", survivorId,
                    RegistrationService.changedFields(survivor, result)).withDetail(detail));
            session.audit().record(tx, AuditEvent.on("PERSON_MERGED_AWAY", "person", mergedId).withDetail(detail));
            return id;
        });
    }

    /**
     * Restores both records of a merge exactly as they were before it. Refused when the surviving
     * record was changed after the merge, unless {@code discardLaterChanges}: then those changes are
     * dropped, but kept with the merge (undo snapshot) and the audit entry says so (ADR 0042).
     */
    public void undo(long mergeId, boolean discardLaterChanges) {
        session.require(Permission.UNDO_MERGE);
        session.database().write(tx -> {
            DuplicateStore.StoredMerge m = store.merge(tx, mergeId).orElseThrow(() -> new UserError("error.merge.notFound", mergeId));
            if (m.undoneAt() != null) {
                throw new UserError("error.merge.alreadyUndone", mergeId);
            }
            if (!store.mergedInto(tx, m.mergedId()).map(s -> s == m.survivorId()).orElse(false)) {
                throw new UserError("error.merge.alreadyUndone", mergeId);
            }
            Snapshot snap = GSON.fromJson(new String(m.snapshot(), StandardCharsets.UTF_8), Snapshot.class);
            Registration now = registrations.get(tx, m.survivorId()).orElseThrow();
            boolean editedAfter = now.version() != m.survivorVersionAfter();
            if (editedAfter && !discardLaterChanges) {
                throw new UserError("error.merge.editedAfter", mergeId);
            }
            byte[] undoSnapshot = editedAfter ? GSON.toJson(now).getBytes(StandardCharsets.UTF_8) : null;
            // Documents and consents go back to the record they belonged to before the merge.
            store.moveDocuments(tx, idsOfDocuments(snap.survivor()), m.mergedId(), m.survivorId());
            store.moveDocuments(tx, idsOfDocuments(snap.merged()), m.survivorId(), m.mergedId());
            store.moveConsents(tx, idsOfConsents(snap.survivor()), m.mergedId(), m.survivorId());
            store.moveConsents(tx, idsOfConsents(snap.merged()), m.survivorId(), m.mergedId());
            store.moveMembershipRows(tx, snap.movedMemberships(), m.mergedId());
            restore(tx, snap.survivor(), now.version());
            Registration mergedNow = registrations.get(tx, m.mergedId()).orElseThrow();
            restore(tx, snap.merged(), mergedNow.version());
            store.setMergedInto(tx, m.mergedId(), null, session.now());
            store.markUndone(tx, mergeId, session.now(), session.user().username(), undoSnapshot);
            String detail = "merge " + mergeId + " undone: person " + m.mergedId() + " separated from person " + m.survivorId()
                    + (editedAfter ? "; changes made after the merge discarded (kept with the merge)" : "");
            session.audit().record(tx, AuditEvent.on("PERSON_MERGE_UNDONE", "person", m.survivorId(),
                    RegistrationService.changedFields(now, snap.survivor())).withDetail(detail));
            session.audit().record(tx, AuditEvent.on("PERSON_MERGE_UNDONE", "person", m.mergedId()).withDetail(detail));
            return null;
        });
    }

    /** Merges, latest first (for the undo list). */
    public List<MergeEntry> merges(int offset, int limit) {
        session.require(Permission.EDIT_REGISTRY);
        return session.database().read(tx -> store.merges(tx, offset, limit));
    }

    /** Writes a snapshot back; documents or consents deleted since then come back as new rows. */
    private void restore(Tx tx, Registration snapshot, int currentVersion) {
        Set<Long> docs = store.existingDocuments(tx, snapshot.id(), idsOfDocuments(snapshot));
        Set<Long> consents = store.existingConsents(tx, snapshot.id(), idsOfConsents(snapshot));
        List<TravelDocument> documents = new ArrayList<>();
        for (TravelDocument d : snapshot.documents()) {
            documents.add(docs.contains(d.id()) ? d : new TravelDocument(0, d.type(), d.number(), d.issuingAuthority(),
                    d.issuedOn(), d.expiresOn(), false));
        }
        List<Consent> consentList = new ArrayList<>();
        for (Consent c : snapshot.consents()) {
            consentList.add(consents.contains(c.id()) ? c : new Consent(0, c.purpose(), c.partner(), c.grantedOn(), c.channel(),
                    c.recordedBy(), c.withdrawnOn()));
        }
        Registration r = new Registration(snapshot.id(), currentVersion, snapshot.familyName(), snapshot.givenNames(),
                snapshot.familyNameOriginal(), snapshot.givenNamesOriginal(), snapshot.aliases(), snapshot.sex(),
                snapshot.birthDate(), snapshot.placeOfBirth(), snapshot.nationalityEvidence(), snapshot.languages(),
                snapshot.notes(), snapshot.purpose(), snapshot.whereabouts(), snapshot.contacts(), snapshot.emergencyContacts(),
                documents, snapshot.employments(), snapshot.vulnerabilities(), consentList, snapshot.householdId());
        if (!registrations.update(tx, r, RegistrationService.keys(r), session.now())) {
            throw new UserError("error.concurrentChange");
        }
    }

    private static List<Long> idsOfDocuments(Registration r) {
        return r.documents().stream().map(TravelDocument::id).filter(id -> id != 0).toList();
    }

    private static List<Long> idsOfConsents(Registration r) {
        return r.consents().stream().map(Consent::id).filter(id -> id != 0).toList();
    }

    private static final class LocalDateAdapter extends TypeAdapter<LocalDate> {
        @Override
        public void write(JsonWriter out, LocalDate value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public LocalDate read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return LocalDate.parse(in.nextString());
        }
    }
}
