package org.consulardesk.etd.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consulardesk.core.UserError;
import org.consulardesk.etd.model.ApplicationStatus;
import org.consulardesk.etd.model.Blank;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.EtdMatch;
import org.consulardesk.etd.model.EtdSettings;
import org.consulardesk.etd.model.EtdState;
import org.consulardesk.etd.model.Mrz;
import org.consulardesk.etd.model.MrzInput;
import org.consulardesk.etd.model.RegisterQuery;
import org.consulardesk.etd.model.Sex;
import org.consulardesk.etd.store.EtdStore;
import org.consulardesk.etd.store.StockStore;
import org.consulardesk.registry.model.PersonRef;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.service.PersonLinks;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * Emergency travel documents from application to the end of their life: application for a
 * registrant or a walk-in, verification, four-eyes decision, issue on the next numbered blank with
 * its MRZ and verification code, and the states after issue. Every change is audited (names of
 * fields and ids only, never personal data).
 */
public final class EtdService {
    static final String VERIFICATION_KEY = "etd-verification";
    private static final int REGISTER_SCAN_LIMIT = 1_000_000;

    private final Session session;
    private final EtdStore store = new EtdStore();
    private final StockStore stock = new StockStore();
    private final PersonLinks links = new PersonLinks();

    public EtdService(Session session) {
        this.session = session;
    }

    // ---------------------------------------------------------------- settings

    public EtdSettings settings() {
        return session.database().read(store::settings);
    }

    /** The head of post's settings: document code, defaults, and single approval for a surge. */
    public void saveSettings(EtdSettings settings) {
        session.require(Permission.MANAGE_ETD_STOCK);
        if (settings.documentCode() == null || !settings.documentCode().matches("[A-Z][A-Z<]?")
                || settings.issuer() == null || !settings.issuer().matches("[A-Z]{3}")
                || settings.defaultValidDays() < 1 || settings.defaultValidDays() > 365) {
            throw new UserError("error.etd.settings");
        }
        session.database().write(tx -> {
            EtdSettings before = store.settings(tx);
            store.saveSettings(tx, settings);
            AuditEvent event = AuditEvent.on("ETD_SETTINGS_CHANGED", "registry", "etd-settings", "documentCode", "issuer",
                    "defaultValidDays", "defaultRoute", "waiveFeeByDefault", "singleApproval");
            if (before.singleApproval() != settings.singleApproval()) {
                event = event.withDetail(settings.singleApproval() ? "single approval on" : "four-eyes approval on");
            }
            session.audit().record(tx, event);
            return null;
        });
    }

    // ---------------------------------------------------------------- applications

    /** The session's date (a trainer's exercise may set its clock): the screen's date defaults use it. */
    public LocalDate today() {
        return LocalDate.now(session.clock());
    }

    /**
     * The registration an application's registrant id stands for now: the same one, or the one it was
     * merged into (ADR 0064); empty when no such registration exists.
     */
    public Optional<PersonRef> registrant(long personId) {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(tx -> Optional.of(links.ref(tx, personId)).filter(r -> r.familyName() != null));
    }

    /** A new application names the registration that stands for the typed id now. */
    private EtdApplication current(org.consulardesk.store.Tx tx, EtdApplication a) {
        if (a.personId() == null) {
            return a;
        }
        long now = links.current(tx, a.personId());
        return now == a.personId() ? a : new EtdApplication(a.id(), a.version(), now, a.familyName(), a.givenNames(),
                a.birthDate(), a.sex(), a.placeOfBirth(), a.nationality(), a.reason(), a.previousDocument(), a.policeReport(),
                a.travelPurpose(), a.route(), a.validDays(), a.feeAmount(), a.feeCurrency(), a.feeWaived(), a.waiverReason(),
                a.evidence(), a.assessment(), a.status(), a.appliedBy(), a.appliedAt(), a.decidedBy(), a.decidedAt(),
                a.rejectionReason());
    }

    /** A new application for a registrant, filled from the registry (names, birth, sex, place of birth). */
    public EtdApplication draftFor(long registered) {
        // A registration merged into another one stands for that one (ADR 0064).
        long personId = session.database().read(tx -> links.current(tx, registered));
        Registration r = new RegistrationService(session).get(personId);
        EtdApplication d = EtdApplication.draft(settings());
        Sex sex = switch (r.sex()) {
            case 'F' -> Sex.F;
            case 'M' -> Sex.M;
            default -> Sex.X;
        };
        return new EtdApplication(0, 0, personId, r.familyName(), r.givenNames(), r.birthDate(), sex, r.placeOfBirth(),
                d.nationality(), d.reason(), null, null, null, d.route(), d.validDays(), null, null, d.feeWaived(),
                d.waiverReason(), d.evidence(), null, ApplicationStatus.SUBMITTED, null, null, null, null, null);
    }

    /** Records a new application (submitted for the second officer's decision). */
    public EtdApplication apply(EtdApplication draft) {
        session.require(Permission.ISSUE_ETD);
        EtdApplication a = EtdRules.check(draft);
        EtdApplication toStore = new EtdApplication(0, 0, a.personId(), a.familyName().strip(), strip(a.givenNames()),
                strip(a.birthDate()), a.sex(), strip(a.placeOfBirth()), a.nationality(), a.reason(), strip(a.previousDocument()),
                strip(a.policeReport()), strip(a.travelPurpose()), a.route().strip(), a.validDays(), a.feeWaived() ? null : a.feeAmount(),
                a.feeWaived() ? null : a.feeCurrency(), a.feeWaived(), a.feeWaived() ? a.waiverReason().strip() : null,
                a.evidence(), strip(a.assessment()), ApplicationStatus.SUBMITTED, session.user().username(), session.now(),
                null, null, null);
        long id = session.database().write(tx -> {
            EtdApplication stored = current(tx, toStore);
            long created = store.insert(tx, stored);
            List<EtdMatch> found = matches(tx, stored);
            AuditEvent event = AuditEvent.on("ETD_APPLIED", "etd_application", created, "names", "birthDate", "reason",
                    "route", "validity", "fee", "evidence", "assessment").withDetail(stored.personId() == null ? "walk-in"
                            : "registrant " + stored.personId());
            session.audit().record(tx, event);
            if (!found.isEmpty()) {
                session.audit().record(tx, AuditEvent.on("ETD_MATCHES_FOUND", "etd_application", created)
                        .withDetail(found.size() + " earlier ETD(s), " + found.stream().filter(EtdMatch::lostOrStolen).count()
                                + " reported lost or stolen"));
            }
            return created;
        });
        return application(id);
    }

    /** Changes a submitted application (verification checklist, assessment, details) before the decision. */
    public EtdApplication update(EtdApplication changed) {
        session.require(Permission.ISSUE_ETD);
        EtdApplication a = EtdRules.check(changed);
        session.database().write(tx -> {
            EtdApplication before = store.application(tx, a.id()).orElseThrow(() -> new UserError("error.etd.notFound", a.id()));
            if (before.status() != ApplicationStatus.SUBMITTED) {
                throw new UserError("error.etd.alreadyDecided");
            }
            if (!store.update(tx, a)) {
                throw new UserError("error.concurrentChange");
            }
            session.audit().record(tx, AuditEvent.on("ETD_APPLICATION_CHANGED", "etd_application", a.id(), changed(before, a)));
            return null;
        });
        return application(a.id());
    }

    public EtdApplication application(long id) {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(tx -> store.application(tx, id)).orElseThrow(() -> new UserError("error.etd.notFound", id));
    }

    /** Applications waiting for a decision (the approval queue), oldest first. */
    public List<EtdApplication> awaitingDecision() {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(tx -> store.applications(tx, ApplicationStatus.SUBMITTED, 1000));
    }

    /** Approved applications waiting to be issued, oldest first. */
    public List<EtdApplication> awaitingIssue() {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(tx -> store.applications(tx, ApplicationStatus.APPROVED, 1000));
    }

    /**
     * Approval by a second, entitled officer: nobody approves their own application unless the head of
     * post has switched on single approval (surge). Evidence and an assessment are required.
     */
    public EtdApplication approve(long id, int version) {
        session.require(Permission.APPROVE_ETD);
        String me = session.user().username();
        session.database().write(tx -> {
            EtdApplication a = store.application(tx, id).orElseThrow(() -> new UserError("error.etd.notFound", id));
            boolean single = store.settings(tx).singleApproval();
            if (a.appliedBy().equals(me) && !single) {
                throw new UserError("error.etd.ownApplication");
            }
            if (a.evidence().isEmpty() || EtdRules.blank(a.assessment())) {
                throw new UserError("error.etd.verificationMissing");
            }
            if (!store.decide(tx, id, version, ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED, me, session.now(), null)) {
                throw new UserError(a.status() == ApplicationStatus.SUBMITTED ? "error.concurrentChange" : "error.etd.alreadyDecided");
            }
            AuditEvent event = AuditEvent.on("ETD_APPROVED", "etd_application", id);
            if (a.appliedBy().equals(me)) {
                event = event.withDetail("single approval (surge setting)");
            }
            session.audit().record(tx, event);
            return null;
        });
        return application(id);
    }

    /** Rejection with a reason; the applicant's own officer may not reject their own application either. */
    public EtdApplication reject(long id, int version, String reason) {
        session.require(Permission.APPROVE_ETD);
        if (EtdRules.blank(reason)) {
            throw new UserError("error.etd.rejectionReason");
        }
        String me = session.user().username();
        session.database().write(tx -> {
            EtdApplication a = store.application(tx, id).orElseThrow(() -> new UserError("error.etd.notFound", id));
            if (a.appliedBy().equals(me) && !store.settings(tx).singleApproval()) {
                throw new UserError("error.etd.ownApplication");
            }
            if (!store.decide(tx, id, version, ApplicationStatus.SUBMITTED, ApplicationStatus.REJECTED, me, session.now(),
                    reason.strip())) {
                throw new UserError(a.status() == ApplicationStatus.SUBMITTED ? "error.concurrentChange" : "error.etd.alreadyDecided");
            }
            session.audit().record(tx, AuditEvent.on("ETD_REJECTED", "etd_application", id, "rejectionReason"));
            return null;
        });
        return application(id);
    }

    // ---------------------------------------------------------------- matching

    /** Earlier ETDs that may be the applicant's: same registrant, same name and compatible birth, or the lost number. */
    public List<EtdMatch> matches(EtdApplication a) {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(tx -> matches(tx, a));
    }

    private List<EtdMatch> matches(org.consulardesk.store.Tx tx, EtdApplication a) {
        Map<Long, EtdMatch> found = new LinkedHashMap<>();
        if (a.personId() != null) {
            // Earlier ETDs of the same person, also those applied for under a registration merged into it.
            for (long person : links.sameAs(tx, a.personId())) {
                for (EtdDocument d : store.documentsOfPerson(tx, person)) {
                    found.putIfAbsent(d.id(), match(d, EtdMatch.Kind.SAME_REGISTRANT));
                }
            }
        }
        if (!EtdRules.blank(a.previousDocument())) {
            for (EtdDocument d : store.documentsBySerial(tx, a.previousDocument().strip().toUpperCase(java.util.Locale.ROOT))) {
                found.putIfAbsent(d.id(), match(d, EtdMatch.Kind.PREVIOUS_DOCUMENT_NUMBER));
            }
        }
        String family = Transliteration.name(a.familyName());
        String given = Transliteration.name(a.givenNames());
        // The register of one post is small (hundreds to thousands): compare transliterated names here,
        // so that MÜLLER, MUELLER and Müller match.
        for (EtdDocument d : store.register(tx, RegisterQuery.ALL, 0, REGISTER_SCAN_LIMIT)) {
            if (d.applicationId() == a.id() || found.containsKey(d.id())) {
                continue;
            }
            if (family.equals(Transliteration.name(d.familyName())) && given.equals(Transliteration.name(d.givenNames()))
                    && compatible(a.birthDate(), d.birthDate())) {
                found.put(d.id(), match(d, EtdMatch.Kind.SAME_NAME_AND_BIRTH));
            }
        }
        List<EtdMatch> list = new ArrayList<>(found.values());
        list.sort((x, y) -> Boolean.compare(y.lostOrStolen(), x.lostOrStolen()));
        return list;
    }

    /** Partial dates agree on what both know; an unknown date agrees with anything. */
    static boolean compatible(String a, String b) {
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            return true;
        }
        return a.startsWith(b) || b.startsWith(a);
    }

    private static EtdMatch match(EtdDocument d, EtdMatch.Kind kind) {
        return new EtdMatch(d.id(), d.serial(), d.displayName(), d.birthDate(), d.issuedOn(), d.state(), kind);
    }

    // ---------------------------------------------------------------- photo

    /** Stores the photo, cropped to the ICAO aspect, for an application not yet issued. */
    public void setPhoto(long applicationId, byte[] original, PhotoCrop.Area area) {
        session.require(Permission.ISSUE_ETD);
        byte[] jpeg = PhotoCrop.crop(original, area);
        session.database().write(tx -> {
            EtdApplication a = store.application(tx, applicationId)
                    .orElseThrow(() -> new UserError("error.etd.notFound", applicationId));
            if (a.status() == ApplicationStatus.ISSUED) {
                throw new UserError("error.etd.alreadyIssued");
            }
            store.setPhoto(tx, applicationId, jpeg, "image/jpeg");
            session.audit().record(tx, AuditEvent.on("ETD_PHOTO_SET", "etd_application", applicationId, "photo"));
            return null;
        });
    }

    public Optional<byte[]> photo(long applicationId) {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(tx -> store.photo(tx, applicationId, new String[1]));
    }

    // ---------------------------------------------------------------- issue and states

    /**
     * Issues an approved application on the next blank (the lowest one assigned to this officer, else the
     * lowest unassigned one): its number becomes the document number in the MRZ.
     */
    public EtdDocument issue(long applicationId) {
        session.require(Permission.ISSUE_ETD);
        String me = session.user().username();
        byte[] key = session.subKey(VERIFICATION_KEY);
        long documentId = session.database().write(tx -> {
            EtdApplication a = store.application(tx, applicationId)
                    .orElseThrow(() -> new UserError("error.etd.notFound", applicationId));
            if (a.status() != ApplicationStatus.APPROVED) {
                throw new UserError(a.status() == ApplicationStatus.ISSUED ? "error.etd.alreadyIssued" : "error.etd.notApproved");
            }
            if (store.photo(tx, applicationId, new String[1]).isEmpty()) {
                throw new UserError("error.etd.photoRequired");
            }
            EtdSettings settings = store.settings(tx);
            String serial = stock.nextBlank(tx, me).orElseThrow(() -> new UserError("error.etd.noBlank"));
            if (!stock.use(tx, serial, Blank.Status.ISSUED, null, me, session.now())) {
                throw new UserError("error.concurrentChange");
            }
            LocalDate today = LocalDate.now(session.clock());
            LocalDate expires = today.plusDays(a.validDays());
            Mrz mrz = MrzCodec.write(new MrzInput(settings.documentCode(), settings.issuer(), a.familyName(), a.givenNames(),
                    serial, a.nationality(), a.birthDate(), a.sex(), expires, ""));
            String code = VerificationCodes.code(key, serial, mrz.line1(), mrz.line2());
            long id = store.insertDocument(tx, applicationId, serial, settings.documentCode(), today, expires, me, mrz, code,
                    session.now());
            if (!store.decide(tx, applicationId, a.version(), ApplicationStatus.APPROVED, ApplicationStatus.ISSUED, me,
                    session.now(), null)) {
                throw new UserError("error.concurrentChange");
            }
            session.audit().record(tx, AuditEvent.on("ETD_ISSUED", "etd_document", id, "serial", "mrz", "verificationCode")
                    .withDetail("application " + applicationId + ", blank " + serial));
            return id;
        });
        java.util.Arrays.fill(key, (byte) 0);
        return document(documentId);
    }

    /**
     * The printer spoiled the blank of a document just issued: the blank is recorded as spoiled with the
     * reason, and the document moves to the next blank (new number, MRZ and verification code).
     */
    public EtdDocument spoilAndReissue(long documentId, String reason) {
        session.require(Permission.ISSUE_ETD);
        if (EtdRules.blank(reason)) {
            throw new UserError("error.etd.spoilReason");
        }
        String me = session.user().username();
        byte[] key = session.subKey(VERIFICATION_KEY);
        try {
            session.database().write(tx -> {
                EtdDocument d = store.document(tx, documentId)
                        .orElseThrow(() -> new UserError("error.etd.documentNotFound", documentId));
                if (d.state() != EtdState.ISSUED) {
                    throw new UserError("error.etd.reprintState");
                }
                EtdApplication a = store.application(tx, d.applicationId()).orElseThrow();
                if (!stock.spoilIssued(tx, d.serial(), reason.strip(), me, session.now())) {
                    throw new UserError("error.concurrentChange");
                }
                String serial = stock.nextBlank(tx, me).orElseThrow(() -> new UserError("error.etd.noBlank"));
                if (!stock.use(tx, serial, Blank.Status.ISSUED, null, me, session.now())) {
                    throw new UserError("error.concurrentChange");
                }
                Mrz mrz = MrzCodec.write(new MrzInput(d.documentCode(), d.mrz().line1().substring(2, 5), a.familyName(),
                        a.givenNames(), serial, a.nationality(), a.birthDate(), a.sex(), d.expiresOn(), ""));
                String code = VerificationCodes.code(key, serial, mrz.line1(), mrz.line2());
                if (!store.moveToBlank(tx, documentId, d.version(), serial, mrz, code)) {
                    throw new UserError("error.concurrentChange");
                }
                session.audit().record(tx, AuditEvent.on("ETD_BLANK_SPOILED", "etd_blank", d.serial(), "spoilReason")
                        .withDetail("document " + documentId));
                session.audit().record(tx, AuditEvent.on("ETD_REISSUED", "etd_document", documentId, "serial", "mrz",
                        "verificationCode").withDetail("blank " + d.serial() + " -> " + serial));
                return null;
            });
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
        return document(documentId);
    }

    /** Moves a document to its next state (collected, expired, cancelled, reported lost or stolen). */
    public EtdDocument changeState(long documentId, EtdState to, String note) {
        return changeState(documentId, to, note, null);
    }

    /**
     * Moves a document to its next state. Marking it used needs {@code enteredOn}, the date the holder
     * entered Utopia (not before the issue date, not in the future); other states take no date.
     */
    public EtdDocument changeState(long documentId, EtdState to, String note, LocalDate enteredOn) {
        session.require(Permission.ISSUE_ETD);
        if ((to == EtdState.CANCELLED || to == EtdState.LOST_STOLEN) && EtdRules.blank(note)) {
            throw new UserError("error.etd.stateNote");
        }
        if (to == EtdState.USED && enteredOn == null) {
            throw new UserError("error.etd.entryDateMissing");
        }
        LocalDate entry = to == EtdState.USED ? enteredOn : null;
        LocalDate today = LocalDate.now(session.clock());
        session.database().write(tx -> {
            EtdDocument d = store.document(tx, documentId).orElseThrow(() -> new UserError("error.etd.documentNotFound", documentId));
            if (!d.state().canBecome(to)) {
                throw new UserError("error.etd.state", d.state().name(), to.name());
            }
            if (entry != null && (entry.isBefore(d.issuedOn()) || entry.isAfter(today))) {
                throw new UserError("error.etd.entryDateRange", d.issuedOn().toString(), today.toString());
            }
            if (!store.setState(tx, documentId, d.state(), to, EtdRules.blank(note) ? null : note.strip(), session.user().username(),
                    session.now(), entry)) {
                throw new UserError("error.concurrentChange");
            }
            AuditEvent event = entry == null ? AuditEvent.on("ETD_STATE_CHANGED", "etd_document", documentId, "state")
                    : AuditEvent.on("ETD_STATE_CHANGED", "etd_document", documentId, "state", "enteredOn");
            session.audit().record(tx, event.withDetail(d.state().name() + " -> " + to.name()));
            return null;
        });
        return document(documentId);
    }

    /**
     * The registrant's photo from the registry, to start the application photo from (the officer may
     * import another); empty when there is none or it is not a JPEG or PNG (e.g. a PDF scan).
     */
    public Optional<byte[]> registryPhoto(long registered) {
        session.require(Permission.ISSUE_ETD);
        long personId = session.database().read(tx -> links.current(tx, registered));
        return new RegistrationService(session).photo(personId).map(RegistrationService.Attachment::content).filter(bytes -> {
            try {
                PhotoCrop.decode(bytes);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** Marks every issued or collected ETD whose validity has ended as expired; returns how many. */
    public int expireOverdue() {
        session.require(Permission.ISSUE_ETD);
        LocalDate today = LocalDate.now(session.clock());
        return session.database().write(tx -> {
            int n = 0;
            for (EtdDocument d : store.overdue(tx, today)) {
                if (store.setState(tx, d.id(), d.state(), EtdState.EXPIRED, null, session.user().username(), session.now())) {
                    session.audit().record(tx, AuditEvent.on("ETD_STATE_CHANGED", "etd_document", d.id(), "state")
                            .withDetail(d.state().name() + " -> EXPIRED (validity ended)"));
                    n++;
                }
            }
            return n;
        });
    }

    // ---------------------------------------------------------------- register

    public EtdDocument document(long id) {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(tx -> store.document(tx, id)).orElseThrow(() -> new UserError("error.etd.documentNotFound", id));
    }

    public Optional<EtdDocument> documentOfApplication(long applicationId) {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(tx -> store.documentOfApplication(tx, applicationId));
    }

    public List<EtdDocument> register(RegisterQuery query, int offset, int limit) {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(tx -> store.register(tx, query, offset, limit));
    }

    /**
     * Streams the register (for the exchange workbooks), page by page in issue order (newest first),
     * without collecting it. Needs the right to issue ETDs and to export personal data.
     */
    public void streamRegister(RegisterQuery query, java.util.function.Consumer<EtdDocument> each) {
        session.require(Permission.ISSUE_ETD);
        session.require(Permission.EXPORT_PERSONAL_DATA);
        int page = 500;
        for (int offset = 0; ; offset += page) {
            int from = offset;
            List<EtdDocument> rows = session.database().read(tx -> store.register(tx, query, from, page));
            rows.forEach(each);
            if (rows.size() < page) {
                return;
            }
        }
    }

    public int count(RegisterQuery query) {
        session.require(Permission.ISSUE_ETD);
        return session.database().read(tx -> store.count(tx, query));
    }

    /** The printable ETD (PDF bytes); producing it is audited as a print. */
    public byte[] pdf(long documentId) {
        session.require(Permission.ISSUE_ETD);
        return session.database().write(tx -> {
            EtdDocument d = store.document(tx, documentId).orElseThrow(() -> new UserError("error.etd.documentNotFound", documentId));
            EtdApplication a = store.application(tx, d.applicationId()).orElseThrow();
            byte[] photo = store.photo(tx, d.applicationId(), new String[1]).orElse(null);
            byte[] pdf = EtdPdf.document(d, a, photo, session.descriptor().postName());
            session.audit().record(tx, AuditEvent.on("ETD_PRINTED", "etd_document", documentId));
            return pdf;
        });
    }

    /**
     * The letter handed over with an active ETD, for border and transit authorities (holder, number,
     * validity, route, verification code); producing it is audited.
     */
    public byte[] handoverLetter(long documentId) {
        session.require(Permission.ISSUE_ETD);
        LocalDate today = LocalDate.now(session.clock());
        return session.database().write(tx -> {
            EtdDocument d = store.document(tx, documentId).orElseThrow(() -> new UserError("error.etd.documentNotFound", documentId));
            if (!d.state().active()) {
                throw new UserError("error.etd.letterState", d.serial());
            }
            EtdApplication a = store.application(tx, d.applicationId()).orElseThrow();
            byte[] pdf = EtdLetters.handover(d, a, session.descriptor().postName(), today);
            session.audit().record(tx, AuditEvent.on("ETD_LETTER_PRINTED", "etd_document", documentId).withDetail("handover"));
            return pdf;
        });
    }

    /** The letter refusing a rejected application, with the reason; producing it is audited. */
    public byte[] rejectionLetter(long applicationId) {
        session.require(Permission.ISSUE_ETD);
        LocalDate today = LocalDate.now(session.clock());
        return session.database().write(tx -> {
            EtdApplication a = store.application(tx, applicationId)
                    .orElseThrow(() -> new UserError("error.etd.notFound", applicationId));
            if (a.status() != ApplicationStatus.REJECTED) {
                throw new UserError("error.etd.notRejected", applicationId);
            }
            byte[] pdf = EtdLetters.rejection(a, session.descriptor().postName(), today);
            session.audit().record(tx, AuditEvent.on("ETD_LETTER_PRINTED", "etd_application", applicationId)
                    .withDetail("rejection"));
            return pdf;
        });
    }

    /** Rejected applications, most recent application first (for their letters). */
    public List<EtdApplication> rejected() {
        session.require(Permission.ISSUE_ETD);
        List<EtdApplication> list = new ArrayList<>(session.database().read(tx -> store.applications(tx, ApplicationStatus.REJECTED,
                1000)));
        java.util.Collections.reverse(list);
        return list;
    }

    /** The register extract for a query (PDF bytes), audited. */
    public byte[] registerPdf(RegisterQuery query) {
        session.require(Permission.ISSUE_ETD);
        return session.database().write(tx -> {
            List<EtdDocument> rows = store.register(tx, query, 0, REGISTER_SCAN_LIMIT);
            byte[] pdf = EtdPdf.register(rows, session.descriptor().postName(), session.now());
            session.audit().record(tx, AuditEvent.of("ETD_REGISTER_EXTRACT").withDetail(rows.size() + " documents"));
            return pdf;
        });
    }

    /** True if {@code code} is the verification code this registry gave the document numbered {@code serial}. */
    public boolean verify(String serial, String code) {
        session.require(Permission.ISSUE_ETD);
        byte[] key = session.subKey(VERIFICATION_KEY);
        try {
            String wanted = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
            return session.database().read(tx -> store.documentsBySerial(tx, serial)).stream()
                    .anyMatch(d -> VerificationCodes.code(key, d.serial(), d.mrz().line1(), d.mrz().line2()).equals(wanted)
                            && d.verificationCode().equals(wanted));
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String[] changed(EtdApplication a, EtdApplication b) {
        List<String> f = new ArrayList<>();
        add(f, "names", !eq(a.familyName(), b.familyName()) || !eq(a.givenNames(), b.givenNames()));
        add(f, "birthDate", !eq(a.birthDate(), b.birthDate()));
        add(f, "sex", a.sex() != b.sex());
        add(f, "reason", a.reason() != b.reason() || !eq(a.previousDocument(), b.previousDocument())
                || !eq(a.policeReport(), b.policeReport()));
        add(f, "route", !eq(a.route(), b.route()) || !eq(a.travelPurpose(), b.travelPurpose()));
        add(f, "validity", a.validDays() != b.validDays());
        add(f, "fee", a.feeWaived() != b.feeWaived() || !eq(a.waiverReason(), b.waiverReason())
                || !java.util.Objects.equals(a.feeAmount(), b.feeAmount()));
        add(f, "evidence", !a.evidence().equals(b.evidence()));
        add(f, "assessment", !eq(a.assessment(), b.assessment()));
        return f.toArray(String[]::new);
    }

    private static void add(List<String> fields, String name, boolean changed) {
        if (changed) {
            fields.add(name);
        }
    }

    private static boolean eq(String a, String b) {
        return java.util.Objects.equals(strip(a), strip(b));
    }
}
