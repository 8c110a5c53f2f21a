package org.consulardesk.etd.store;

import static org.consulardesk.store.generated.Tables.ETD_APPLICATION;
import static org.consulardesk.store.generated.Tables.ETD_DOCUMENT;
import static org.consulardesk.store.generated.Tables.ETD_PHOTO;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.consulardesk.etd.model.ApplicationStatus;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.EtdReason;
import org.consulardesk.etd.model.EtdSettings;
import org.consulardesk.etd.model.EtdState;
import org.consulardesk.etd.model.Evidence;
import org.consulardesk.etd.model.Mrz;
import org.consulardesk.etd.model.RegisterQuery;
import org.consulardesk.etd.model.Sex;
import org.consulardesk.store.SettingsStore;
import org.consulardesk.store.Tx;
import org.consulardesk.store.generated.tables.records.EtdApplicationRecord;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Applications, their photos and issued documents in the ETD tables; settings as registry settings. */
public final class EtdStore {
    private static final String SETTINGS = "etd.";
    private final SettingsStore settings = new SettingsStore();

    // ---------------------------------------------------------------- applications

    public long insert(Tx tx, EtdApplication a) {
        EtdApplicationRecord row = tx.dsl().newRecord(ETD_APPLICATION);
        fill(row, a);
        row.setStatus(a.status().name());
        row.setAppliedBy(a.appliedBy());
        row.setAppliedAt(utc(a.appliedAt()));
        row.setRowVersion(1);
        row.store();
        return row.getId();
    }

    /** Changes the application's details if nobody changed it since {@code a.version()} and it is still submitted. */
    public boolean update(Tx tx, EtdApplication a) {
        EtdApplicationRecord row = tx.dsl().selectFrom(ETD_APPLICATION).where(ETD_APPLICATION.ID.eq(a.id())).forUpdate().fetchOne();
        if (row == null || row.getRowVersion() != a.version()) {
            return false;
        }
        fill(row, a);
        row.setRowVersion(row.getRowVersion() + 1);
        row.store();
        return true;
    }

    /** Moves the application from one status to the next if its version is still {@code version}. */
    public boolean decide(Tx tx, long id, int version, ApplicationStatus from, ApplicationStatus to, String by, Instant at,
            String rejectionReason) {
        var update = tx.dsl().update(ETD_APPLICATION).set(ETD_APPLICATION.STATUS, to.name())
                .set(ETD_APPLICATION.ROW_VERSION, ETD_APPLICATION.ROW_VERSION.plus(1));
        if (to == ApplicationStatus.APPROVED || to == ApplicationStatus.REJECTED) {
            update = update.set(ETD_APPLICATION.DECIDED_BY, by).set(ETD_APPLICATION.DECIDED_AT, utc(at))
                    .set(ETD_APPLICATION.REJECTION_REASON, rejectionReason);
        }
        return update.where(ETD_APPLICATION.ID.eq(id), ETD_APPLICATION.STATUS.eq(from.name()),
                ETD_APPLICATION.ROW_VERSION.eq(version)).execute() == 1;
    }

    public Optional<EtdApplication> application(Tx tx, long id) {
        return tx.dsl().selectFrom(ETD_APPLICATION).where(ETD_APPLICATION.ID.eq(id)).fetchOptional().map(EtdStore::application);
    }

    public List<EtdApplication> applications(Tx tx, ApplicationStatus status, int limit) {
        return tx.dsl().selectFrom(ETD_APPLICATION).where(ETD_APPLICATION.STATUS.eq(status.name()))
                .orderBy(ETD_APPLICATION.APPLIED_AT, ETD_APPLICATION.ID).limit(limit).fetch(EtdStore::application);
    }

    /** Applications with the same family name (any case), to compare with a new one. */
    public List<EtdApplication> applicationsNamed(Tx tx, String familyName) {
        return tx.dsl().selectFrom(ETD_APPLICATION)
                .where(DSL.upper(ETD_APPLICATION.FAMILY_NAME).eq(familyName.toUpperCase(Locale.ROOT)))
                .fetch(EtdStore::application);
    }

    private static void fill(EtdApplicationRecord row, EtdApplication a) {
        row.setPersonId(a.personId());
        row.setFamilyName(a.familyName());
        row.setGivenNames(a.givenNames());
        row.setBirthDate(a.birthDate());
        row.setSex(a.sex().name());
        row.setPlaceOfBirth(a.placeOfBirth());
        row.setNationality(a.nationality());
        row.setReason(a.reason().name());
        row.setPreviousDocument(a.previousDocument());
        row.setPoliceReport(a.policeReport());
        row.setTravelPurpose(a.travelPurpose());
        row.setRoute(a.route());
        row.setValidDays(a.validDays());
        row.setFeeAmount(a.feeAmount());
        row.setFeeCurrency(a.feeCurrency());
        row.setFeeWaived(a.feeWaived());
        row.setWaiverReason(a.waiverReason());
        row.setEvidence(a.evidence().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        row.setAssessment(a.assessment());
    }

    private static EtdApplication application(EtdApplicationRecord r) {
        Set<Evidence> evidence = EnumSet.noneOf(Evidence.class);
        if (!r.getEvidence().isBlank()) {
            Arrays.stream(r.getEvidence().split(",")).map(Evidence::valueOf).forEach(evidence::add);
        }
        return new EtdApplication(r.getId(), r.getRowVersion(), r.getPersonId(), r.getFamilyName(), r.getGivenNames(),
                r.getBirthDate(), Sex.valueOf(r.getSex()), r.getPlaceOfBirth(), r.getNationality(),
                EtdReason.valueOf(r.getReason()), r.getPreviousDocument(), r.getPoliceReport(), r.getTravelPurpose(),
                r.getRoute(), r.getValidDays(), r.getFeeAmount(), r.getFeeCurrency(), r.getFeeWaived(),
                r.getWaiverReason(), evidence, r.getAssessment(), ApplicationStatus.valueOf(r.getStatus()),
                r.getAppliedBy(), instant(r.getAppliedAt()), r.getDecidedBy(), instant(r.getDecidedAt()),
                r.getRejectionReason());
    }

    // ---------------------------------------------------------------- photos

    public Optional<byte[]> photo(Tx tx, long applicationId, String[] mediaType) {
        return tx.dsl().selectFrom(ETD_PHOTO).where(ETD_PHOTO.APPLICATION_ID.eq(applicationId)).fetchOptional().map(p -> {
            mediaType[0] = p.getMediaType();
            return p.getContent();
        });
    }

    public void setPhoto(Tx tx, long applicationId, byte[] content, String mediaType) {
        tx.dsl().deleteFrom(ETD_PHOTO).where(ETD_PHOTO.APPLICATION_ID.eq(applicationId)).execute();
        if (content != null) {
            tx.dsl().insertInto(ETD_PHOTO).set(ETD_PHOTO.APPLICATION_ID, applicationId).set(ETD_PHOTO.MEDIA_TYPE, mediaType)
                    .set(ETD_PHOTO.CONTENT, content).execute();
        }
    }

    // ---------------------------------------------------------------- documents

    public long insertDocument(Tx tx, long applicationId, String serial, String documentCode, LocalDate issuedOn,
            LocalDate expiresOn, String issuedBy, Mrz mrz, String verificationCode, Instant at) {
        return tx.dsl().insertInto(ETD_DOCUMENT).set(ETD_DOCUMENT.APPLICATION_ID, applicationId)
                .set(ETD_DOCUMENT.SERIAL, serial).set(ETD_DOCUMENT.DOCUMENT_CODE, documentCode)
                .set(ETD_DOCUMENT.ISSUED_ON, issuedOn).set(ETD_DOCUMENT.EXPIRES_ON, expiresOn)
                .set(ETD_DOCUMENT.ISSUED_BY, issuedBy).set(ETD_DOCUMENT.MRZ_LINE1, mrz.line1())
                .set(ETD_DOCUMENT.MRZ_LINE2, mrz.line2()).set(ETD_DOCUMENT.VERIFICATION_CODE, verificationCode)
                .set(ETD_DOCUMENT.STATE, EtdState.ISSUED.name()).set(ETD_DOCUMENT.STATE_CHANGED_BY, issuedBy)
                .set(ETD_DOCUMENT.STATE_CHANGED_AT, utc(at)).set(ETD_DOCUMENT.ROW_VERSION, 1)
                .returning(ETD_DOCUMENT.ID).fetchOne().getId();
    }

    /** Puts a document on another blank (the first one was spoiled by the printer). */
    public boolean moveToBlank(Tx tx, long documentId, int version, String serial, Mrz mrz, String verificationCode) {
        return tx.dsl().update(ETD_DOCUMENT).set(ETD_DOCUMENT.SERIAL, serial).set(ETD_DOCUMENT.MRZ_LINE1, mrz.line1())
                .set(ETD_DOCUMENT.MRZ_LINE2, mrz.line2()).set(ETD_DOCUMENT.VERIFICATION_CODE, verificationCode)
                .set(ETD_DOCUMENT.ROW_VERSION, ETD_DOCUMENT.ROW_VERSION.plus(1))
                .where(ETD_DOCUMENT.ID.eq(documentId), ETD_DOCUMENT.ROW_VERSION.eq(version)).execute() == 1;
    }

    public boolean setState(Tx tx, long documentId, EtdState from, EtdState to, String note, String by, Instant at) {
        return setState(tx, documentId, from, to, note, by, at, null);
    }

    /** Changes the state; {@code enteredOn} (date of entry into Utopia) is written when not null. */
    public boolean setState(Tx tx, long documentId, EtdState from, EtdState to, String note, String by, Instant at,
            LocalDate enteredOn) {
        var update = tx.dsl().update(ETD_DOCUMENT).set(ETD_DOCUMENT.STATE, to.name()).set(ETD_DOCUMENT.STATE_NOTE, note);
        if (enteredOn != null) {
            update = update.set(ETD_DOCUMENT.ENTERED_ON, enteredOn);
        }
        return update
                .set(ETD_DOCUMENT.STATE_CHANGED_BY, by).set(ETD_DOCUMENT.STATE_CHANGED_AT, utc(at))
                .set(ETD_DOCUMENT.ROW_VERSION, ETD_DOCUMENT.ROW_VERSION.plus(1))
                .where(ETD_DOCUMENT.ID.eq(documentId), ETD_DOCUMENT.STATE.eq(from.name())).execute() == 1;
    }

    public Optional<EtdDocument> document(Tx tx, long id) {
        return documents(tx).where(ETD_DOCUMENT.ID.eq(id)).fetchOptional(EtdStore::document);
    }

    public Optional<EtdDocument> documentOfApplication(Tx tx, long applicationId) {
        return documents(tx).where(ETD_DOCUMENT.APPLICATION_ID.eq(applicationId)).fetchOptional(EtdStore::document);
    }

    public List<EtdDocument> documentsBySerial(Tx tx, String serial) {
        return documents(tx).where(ETD_DOCUMENT.SERIAL.eq(serial)).fetch(EtdStore::document);
    }

    public List<EtdDocument> documentsOfPerson(Tx tx, long personId) {
        return documents(tx).where(ETD_APPLICATION.PERSON_ID.eq(personId)).fetch(EtdStore::document);
    }

    public List<EtdDocument> documentsNamed(Tx tx, String familyName) {
        return documents(tx).where(DSL.upper(ETD_APPLICATION.FAMILY_NAME).eq(familyName.toUpperCase(Locale.ROOT)))
                .fetch(EtdStore::document);
    }

    /** Active documents whose validity ended before {@code today}. */
    public List<EtdDocument> overdue(Tx tx, LocalDate today) {
        return documents(tx).where(ETD_DOCUMENT.EXPIRES_ON.lt(today),
                ETD_DOCUMENT.STATE.in(EtdState.ISSUED.name(), EtdState.COLLECTED.name())).fetch(EtdStore::document);
    }

    public List<EtdDocument> register(Tx tx, RegisterQuery q, int offset, int limit) {
        return documents(tx).where(conditions(q)).orderBy(ETD_DOCUMENT.ISSUED_ON.desc(), ETD_DOCUMENT.ID.desc())
                .offset(offset).limit(limit).fetch(EtdStore::document);
    }

    public int count(Tx tx, RegisterQuery q) {
        return tx.dsl().selectCount().from(ETD_DOCUMENT).join(ETD_APPLICATION)
                .on(ETD_APPLICATION.ID.eq(ETD_DOCUMENT.APPLICATION_ID)).where(conditions(q)).fetchOne(0, int.class);
    }

    /** Every document's serial (one entry per document, so a number used twice appears twice). */
    public List<String> allSerials(Tx tx) {
        return tx.dsl().select(ETD_DOCUMENT.SERIAL).from(ETD_DOCUMENT).fetch(ETD_DOCUMENT.SERIAL);
    }

    private static List<Condition> conditions(RegisterQuery q) {
        List<Condition> c = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            for (String word : q.text().strip().toUpperCase(Locale.ROOT).split("\\s+")) {
                String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                c.add(ETD_DOCUMENT.SERIAL.upper().like(like, '\\')
                        .or(DSL.upper(ETD_APPLICATION.FAMILY_NAME).like(like, '\\'))
                        .or(DSL.upper(ETD_APPLICATION.GIVEN_NAMES).like(like, '\\')));
            }
        }
        if (q.state() != null) {
            c.add(ETD_DOCUMENT.STATE.eq(q.state().name()));
        }
        if (q.issuedFrom() != null) {
            c.add(ETD_DOCUMENT.ISSUED_ON.ge(q.issuedFrom()));
        }
        if (q.issuedTo() != null) {
            c.add(ETD_DOCUMENT.ISSUED_ON.le(q.issuedTo()));
        }
        return c;
    }

    private static org.jooq.SelectJoinStep<Record> documents(Tx tx) {
        return tx.dsl().select(ETD_DOCUMENT.asterisk()).select(ETD_APPLICATION.PERSON_ID, ETD_APPLICATION.FAMILY_NAME,
                ETD_APPLICATION.GIVEN_NAMES, ETD_APPLICATION.BIRTH_DATE, ETD_APPLICATION.SEX, ETD_APPLICATION.NATIONALITY)
                .from(ETD_DOCUMENT)
                .join(ETD_APPLICATION).on(ETD_APPLICATION.ID.eq(ETD_DOCUMENT.APPLICATION_ID));
    }

    private static EtdDocument document(Record r) {
        return new EtdDocument(r.get(ETD_DOCUMENT.ID), r.get(ETD_DOCUMENT.ROW_VERSION), r.get(ETD_DOCUMENT.APPLICATION_ID),
                r.get(ETD_APPLICATION.PERSON_ID), r.get(ETD_DOCUMENT.SERIAL), r.get(ETD_DOCUMENT.DOCUMENT_CODE),
                r.get(ETD_APPLICATION.FAMILY_NAME), r.get(ETD_APPLICATION.GIVEN_NAMES), r.get(ETD_APPLICATION.BIRTH_DATE),
                Sex.valueOf(r.get(ETD_APPLICATION.SEX)), r.get(ETD_DOCUMENT.ISSUED_ON), r.get(ETD_DOCUMENT.EXPIRES_ON),
                r.get(ETD_DOCUMENT.ISSUED_BY), new Mrz(r.get(ETD_DOCUMENT.MRZ_LINE1), r.get(ETD_DOCUMENT.MRZ_LINE2)),
                r.get(ETD_DOCUMENT.VERIFICATION_CODE), EtdState.valueOf(r.get(ETD_DOCUMENT.STATE)),
                r.get(ETD_DOCUMENT.STATE_NOTE), r.get(ETD_DOCUMENT.STATE_CHANGED_BY), instant(r.get(ETD_DOCUMENT.STATE_CHANGED_AT)),
                r.get(ETD_APPLICATION.NATIONALITY), r.get(ETD_DOCUMENT.ENTERED_ON));
    }

    // ---------------------------------------------------------------- settings

    public EtdSettings settings(Tx tx) {
        EtdSettings d = EtdSettings.DEFAULTS;
        return new EtdSettings(get(tx, "documentCode", d.documentCode()), get(tx, "issuer", d.issuer()),
                Integer.parseInt(get(tx, "defaultValidDays", Integer.toString(d.defaultValidDays()))),
                get(tx, "defaultRoute", d.defaultRoute()),
                Boolean.parseBoolean(get(tx, "waiveFeeByDefault", Boolean.toString(d.waiveFeeByDefault()))),
                get(tx, "defaultWaiverReason", d.defaultWaiverReason()),
                Boolean.parseBoolean(get(tx, "singleApproval", Boolean.toString(d.singleApproval()))));
    }

    public void saveSettings(Tx tx, EtdSettings s) {
        settings.put(tx, SETTINGS + "documentCode", s.documentCode());
        settings.put(tx, SETTINGS + "issuer", s.issuer());
        settings.put(tx, SETTINGS + "defaultValidDays", Integer.toString(s.defaultValidDays()));
        settings.put(tx, SETTINGS + "defaultRoute", s.defaultRoute());
        settings.put(tx, SETTINGS + "waiveFeeByDefault", Boolean.toString(s.waiveFeeByDefault()));
        settings.put(tx, SETTINGS + "defaultWaiverReason", s.defaultWaiverReason());
        settings.put(tx, SETTINGS + "singleApproval", Boolean.toString(s.singleApproval()));
    }

    private String get(Tx tx, String name, String fallback) {
        return settings.get(tx, SETTINGS + name).orElse(fallback);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
