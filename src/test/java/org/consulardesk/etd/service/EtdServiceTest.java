package org.consulardesk.etd.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.consulardesk.core.UserError;
import org.consulardesk.etd.model.ApplicationStatus;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.EtdMatch;
import org.consulardesk.etd.model.EtdReason;
import org.consulardesk.etd.model.EtdSettings;
import org.consulardesk.etd.model.EtdState;
import org.consulardesk.etd.model.Evidence;
import org.consulardesk.etd.model.RegisterQuery;
import org.consulardesk.etd.model.Sex;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.etd.model.MrzRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Application to issue on a real encrypted H2 registry: four-eyes, matching, states, audit. */
class EtdServiceTest {
    static final String OFFICER = "m.quillane";
    static final String SECOND = "d.farrowby";
    static final String SURGE = "t.orvandel";

    @TempDir
    Path tmp;
    Path dir;
    Path state;
    long registrant;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("registry");
        state = tmp.resolve("state");
        try (Session head = create(dir).session()) {
            UserService users = new UserService(head, state, FAST);
            users.add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            users.add(SECOND, "Dorin Farrowby", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            users.add(SURGE, "Tobiah Orvandel", Role.SURGE_STAFF, OTHER_PASSPHRASE.toCharArray());
            Person p = new PersonService(head).register(person("Belvaro", "Ilsa Marenka"));
            registrant = p.id();
            new StockService(head).receive("E", 1, 20, 7, "Pouch 2026/14");
        }
    }

    <T> T as(String user, Function<Session, T> work) {
        try (Session s = login(dir, state, user, OTHER_PASSPHRASE)) {
            return work.apply(s);
        }
    }

    <T> T asHead(Function<Session, T> work) {
        try (Session s = loginHead(dir, state)) {
            return work.apply(s);
        }
    }

    static EtdApplication walkIn(EtdSettings settings, String family, String given, String birth) {
        EtdApplication d = EtdApplication.draft(settings);
        return new EtdApplication(0, 0, null, family, given, birth, Sex.M, "Port Amber", "UTO", EtdReason.CONFISCATED,
                null, null, "Return home", d.route(), 30, null, null, true, "Crisis: fees waived",
                Set.of(Evidence.INTERVIEW, Evidence.WITNESS), "Speaks the language, knows home district; witness is a registrant.",
                ApplicationStatus.SUBMITTED, null, null, null, null, null);
    }

    static byte[] portrait() {
        BufferedImage img = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(220, 225, 230));
        g.fillRect(0, 0, 600, 800);
        g.setColor(new Color(150, 110, 90));
        g.fillOval(200, 200, 200, 260);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    @Test
    void applyApproveByASecondOfficerAndIssueOnTheNextBlank() {
        EtdApplication applied = as(OFFICER, s -> {
            EtdService etd = new EtdService(s);
            EtdApplication a = etd.apply(walkIn(etd.settings(), "Østergård", "Jens Ærling", "1979-03"));
            etd.setPhoto(a.id(), portrait(), PhotoCrop.initial(600, 800));
            return a;
        });
        assertThat(applied.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(applied.appliedBy()).isEqualTo(OFFICER);

        // nobody approves their own application
        UserError own = as(OFFICER, s -> userError(() -> new EtdService(s).approve(applied.id(), applied.version())));
        assertThat(own.key()).isEqualTo("error.etd.ownApplication");
        // surge staff may not approve at all
        UserError surge = as(SURGE, s -> userError(() -> new EtdService(s).approve(applied.id(), applied.version())));
        assertThat(surge.key()).isEqualTo("error.permission.denied");
        // not approved yet: cannot issue
        assertThat(as(OFFICER, s -> userError(() -> new EtdService(s).issue(applied.id()))).key()).isEqualTo("error.etd.notApproved");

        EtdApplication approved = as(SECOND, s -> new EtdService(s).approve(applied.id(), applied.version()));
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(SECOND);
        // a decision is made once
        assertThat(asHead(s -> userError(() -> new EtdService(s).approve(applied.id(), approved.version()))).key())
                .isEqualTo("error.etd.alreadyDecided");

        EtdDocument doc = as(OFFICER, s -> new EtdService(s).issue(applied.id()));
        assertThat(doc.serial()).isEqualTo("E0000001");
        assertThat(doc.state()).isEqualTo(EtdState.ISSUED);
        assertThat(doc.expiresOn()).isEqualTo(doc.issuedOn().plusDays(30));
        assertThat(doc.mrz().line1()).isEqualTo("PEUTOOESTERGAARD<<JENS<AERLING<<<<<<<<<<<<<<");
        MrzRecord read = MrzCodec.read(doc.mrz().line1(), doc.mrz().line2());
        assertThat(read.number()).isEqualTo("E0000001");
        assertThat(read.birthDate()).isEqualTo("7903<<");
        assertThat(read.sex()).isEqualTo(Sex.M);
        assertThat(doc.verificationCode()).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        assertThat(this.<Boolean>as(SECOND, s -> new EtdService(s).verify("E0000001", doc.verificationCode()))).isTrue();
        assertThat(this.<Boolean>as(SECOND, s -> new EtdService(s).verify("E0000001", "AAAAA-AAAAA"))).isFalse();

        // the next application takes the next blank
        EtdApplication second = as(SECOND, s -> {
            EtdService etd = new EtdService(s);
            EtdApplication a = etd.apply(walkIn(etd.settings(), "Kestrelle", "Ona", ""));
            etd.setPhoto(a.id(), portrait(), PhotoCrop.initial(600, 800));
            return a;
        });
        as(OFFICER, s -> new EtdService(s).approve(second.id(), second.version()));
        assertThat(as(SECOND, s -> new EtdService(s).issue(second.id())).serial()).isEqualTo("E0000002");

        List<String> actions = asHead(s -> s.audit().page(AuditFilter.ALL, 0, 500).stream().map(AuditRecord::action).toList());
        assertThat(actions).contains("ETD_APPLIED", "ETD_PHOTO_SET", "ETD_APPROVED", "ETD_ISSUED");
        List<AuditRecord> records = asHead(s -> s.audit().page(AuditFilter.ALL, 0, 500));
        assertThat(records.toString()).doesNotContain("Østergård", "OESTERGAARD", "Jens", "E0000001<");
    }

    @Test
    void singleApprovalInASurgeLetsTheApplicantApprove() {
        asHead(s -> {
            EtdService etd = new EtdService(s);
            EtdSettings d = etd.settings();
            etd.saveSettings(new EtdSettings(d.documentCode(), d.issuer(), d.defaultValidDays(), d.defaultRoute(),
                    d.waiveFeeByDefault(), d.defaultWaiverReason(), true));
            return null;
        });
        EtdApplication approved = as(OFFICER, s -> {
            EtdService etd = new EtdService(s);
            EtdApplication a = etd.apply(walkIn(etd.settings(), "Kestrelle", "Ona", "1990"));
            return etd.approve(a.id(), a.version());
        });
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(OFFICER);
        // only the head of post changes the setting
        assertThat(as(OFFICER, s -> userError(() -> new EtdService(s).saveSettings(EtdSettings.DEFAULTS))).key())
                .isEqualTo("error.permission.denied");
    }

    @Test
    void rejectionNeedsAReasonAndASecondOfficer() {
        EtdApplication a = as(OFFICER, s -> {
            EtdService etd = new EtdService(s);
            return etd.apply(walkIn(etd.settings(), "Kestrelle", "Ona", "1990"));
        });
        assertThat(as(SECOND, s -> userError(() -> new EtdService(s).reject(a.id(), a.version(), " "))).key())
                .isEqualTo("error.etd.rejectionReason");
        assertThat(as(OFFICER, s -> userError(() -> new EtdService(s).reject(a.id(), a.version(), "doubt"))).key())
                .isEqualTo("error.etd.ownApplication");
        EtdApplication rejected = as(SECOND, s -> new EtdService(s).reject(a.id(), a.version(), "Identity not established"));
        assertThat(rejected.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("Identity not established");
        assertThat(as(SECOND, s -> userError(() -> new EtdService(s).issue(a.id()))).key()).isEqualTo("error.etd.notApproved");
    }

    @Test
    void approvalNeedsEvidenceAndAssessmentAndIssueNeedsAPhoto() {
        EtdApplication a = as(OFFICER, s -> {
            EtdService etd = new EtdService(s);
            EtdApplication w = walkIn(etd.settings(), "Kestrelle", "Ona", "1990");
            return etd.apply(new EtdApplication(0, 0, null, w.familyName(), w.givenNames(), w.birthDate(), w.sex(), null, "UTO",
                    EtdReason.LOST, null, null, null, w.route(), 30, null, null, true, "waived", Set.of(), null,
                    ApplicationStatus.SUBMITTED, null, null, null, null, null));
        });
        assertThat(as(SECOND, s -> userError(() -> new EtdService(s).approve(a.id(), a.version()))).key())
                .isEqualTo("error.etd.verificationMissing");
        EtdApplication verified = as(OFFICER, s -> new EtdService(s).update(new EtdApplication(a.id(), a.version(), null,
                a.familyName(), a.givenNames(), a.birthDate(), a.sex(), null, "UTO", a.reason(), null, null, null, a.route(), 30,
                null, null, true, "waived", Set.of(Evidence.HQ_CONFIRMATION), "HQ confirmed nationality by phone.",
                a.status(), null, null, null, null, null)));
        as(SECOND, s -> new EtdService(s).approve(verified.id(), verified.version()));
        assertThat(as(SECOND, s -> userError(() -> new EtdService(s).issue(a.id()))).key()).isEqualTo("error.etd.photoRequired");
    }

    @Test
    void applicationForARegistrantAndMatchesWithLostOrStolenDocuments() {
        as(OFFICER, s -> {
            EtdService etd = new EtdService(s);
            EtdApplication draft = etd.draftFor(registrant);
            assertThat(draft.familyName()).isEqualTo("Belvaro");
            assertThat(draft.birthDate()).isEqualTo("1984-07-12");
            assertThat(draft.sex()).isEqualTo(Sex.F);
            EtdApplication a = etd.apply(new EtdApplication(0, 0, registrant, draft.familyName(), draft.givenNames(),
                    draft.birthDate(), draft.sex(), null, "UTO", EtdReason.STOLEN, null, "KE-POL-2026-0042", null, draft.route(), 30,
                    new BigDecimal("25.00"), "USD", false, null, Set.of(Evidence.REGISTRY_MATCH), "Photo matches the registry.",
                    ApplicationStatus.SUBMITTED, null, null, null, null, null));
            etd.setPhoto(a.id(), portrait(), PhotoCrop.initial(600, 800));
            return a;
        });
        EtdApplication a = as(OFFICER, s -> new EtdService(s).awaitingDecision().get(0));
        assertThat(a.feeAmount()).isEqualByComparingTo("25");
        as(SECOND, s -> new EtdService(s).approve(a.id(), a.version()));
        EtdDocument doc = as(SECOND, s -> new EtdService(s).issue(a.id()));
        EtdDocument lost = as(OFFICER, s -> new EtdService(s).changeState(doc.id(), EtdState.LOST_STOLEN, "Police report KE-POL-2026-0101"));
        assertThat(lost.state()).isEqualTo(EtdState.LOST_STOLEN);

        // A walk-in with the same name (written without the registry link) and a compatible partial birth date
        List<EtdMatch> matches = as(SECOND, s -> new EtdService(s).matches(walkIn(EtdSettings.DEFAULTS, "BELVARO", "Ilsa Marenka", "1984")));
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.serial()).isEqualTo(doc.serial());
            assertThat(m.lostOrStolen()).isTrue();
            assertThat(m.kind()).isEqualTo(EtdMatch.Kind.SAME_NAME_AND_BIRTH);
        });
        // Another year of birth: not the same person
        assertThat(this.<List<EtdMatch>>as(SECOND, s -> new EtdService(s).matches(walkIn(EtdSettings.DEFAULTS, "Belvaro", "Ilsa Marenka", "1985"))))
                .isEmpty();
        // The registrant applying again, and someone presenting the lost number
        List<EtdMatch> again = as(SECOND, s -> new EtdService(s).matches(new EtdService(s).draftFor(registrant)));
        assertThat(again).singleElement().extracting(EtdMatch::kind).isEqualTo(EtdMatch.Kind.SAME_REGISTRANT);
        EtdApplication w = walkIn(EtdSettings.DEFAULTS, "Other", "Name", "");
        EtdApplication presenting = new EtdApplication(0, 0, null, "Other", "Name", null, Sex.F, null, "UTO", EtdReason.LOST,
                doc.serial(), null, null, w.route(), 30, null, null, true, "x", Set.of(), null, ApplicationStatus.SUBMITTED,
                null, null, null, null, null);
        assertThat(this.<List<EtdMatch>>as(SECOND, s -> new EtdService(s).matches(presenting))).singleElement()
                .extracting(EtdMatch::kind).isEqualTo(EtdMatch.Kind.PREVIOUS_DOCUMENT_NUMBER);
        // applying audits that matches were found (counts only)
        as(SECOND, s -> new EtdService(s).apply(walkIn(new EtdService(s).settings(), "Belvaro", "Ilsa Marenka", "1984-07")));
        assertThat(asHead(s -> s.audit().page(AuditFilter.ALL, 0, 500)).stream().filter(r -> r.action().equals("ETD_MATCHES_FOUND")))
                .singleElement().satisfies(r -> assertThat(r.detail()).contains("1 reported lost or stolen"));
    }

    @Test
    void statesFollowTheLifeOfTheDocumentAndExpire() {
        EtdApplication a = as(OFFICER, s -> {
            EtdService etd = new EtdService(s);
            EtdApplication x = etd.apply(walkIn(etd.settings(), "Kestrelle", "Ona", "1990"));
            etd.setPhoto(x.id(), portrait(), new PhotoCrop.Area(10, 10, 350, 450));
            return x;
        });
        as(SECOND, s -> new EtdService(s).approve(a.id(), a.version()));
        EtdDocument d = as(SECOND, s -> new EtdService(s).issue(a.id()));
        assertThat(as(SECOND, s -> userError(() -> new EtdService(s).changeState(d.id(), EtdState.USED, null, LocalDate.now()))).key())
                .isEqualTo("error.etd.state");
        assertThat(as(SECOND, s -> userError(() -> new EtdService(s).changeState(d.id(), EtdState.CANCELLED, ""))).key())
                .isEqualTo("error.etd.stateNote");
        as(SECOND, s -> new EtdService(s).changeState(d.id(), EtdState.COLLECTED, null));
        // used needs the date of entry into Utopia, between the issue date and today
        assertThat(as(SECOND, s -> userError(() -> new EtdService(s).changeState(d.id(), EtdState.USED, "Entered Utopia"))).key())
                .isEqualTo("error.etd.entryDateMissing");
        assertThat(as(SECOND, s -> userError(() -> new EtdService(s).changeState(d.id(), EtdState.USED, null,
                d.issuedOn().minusDays(1)))).key()).isEqualTo("error.etd.entryDateRange");
        assertThat(as(SECOND, s -> userError(() -> new EtdService(s).changeState(d.id(), EtdState.USED, null,
                LocalDate.now().plusDays(2)))).key()).isEqualTo("error.etd.entryDateRange");
        EtdDocument used = as(SECOND, s -> new EtdService(s).changeState(d.id(), EtdState.USED, "Entered Utopia", d.issuedOn()));
        assertThat(used.state()).isEqualTo(EtdState.USED);
        assertThat(used.enteredOn()).isEqualTo(d.issuedOn());
        assertThat(asHead(s -> s.audit().page(AuditFilter.ALL, 0, 500)).stream()
                .filter(r -> r.action().equals("ETD_STATE_CHANGED") && r.detail().endsWith("-> USED")))
                .singleElement().satisfies(r -> assertThat(r.fieldNames()).contains("enteredOn"));
        assertThat(this.<List<EtdDocument>>as(SECOND, s -> new EtdService(s).register(new RegisterQuery("kestr", EtdState.USED, null, null), 0, 10)))
                .extracting(EtdDocument::serial).containsExactly(d.serial());
        assertThat(this.<Integer>as(SECOND, s -> new EtdService(s).count(new RegisterQuery("E0000", null, LocalDate.now().minusDays(1), null))))
                .isEqualTo(1);
        assertThat(this.<Integer>as(SECOND, s -> new EtdService(s).count(new RegisterQuery(null, EtdState.ISSUED, null, null)))).isZero();
    }

    @Test
    void unusedDocumentsExpireAfterTheirValidity() {
        Instant t0 = Instant.parse("2026-11-01T09:00:00Z");
        org.consulardesk.testsupport.MutableClock clock = new org.consulardesk.testsupport.MutableClock(t0);
        EtdApplication a;
        try (Session s = loginService(state).login(dir, OFFICER, OTHER_PASSPHRASE.toCharArray())) {
            EtdService etd = new EtdService(s);
            a = etd.apply(walkIn(etd.settings(), "Kestrelle", "Ona", "1990"));
            etd.setPhoto(a.id(), portrait(), PhotoCrop.initial(600, 800));
        }
        as(SECOND, s -> new EtdService(s).approve(a.id(), a.version()));
        try (Session s = new org.consulardesk.security.service.LoginService(state, clock, m -> { })
                .login(dir, SECOND, OTHER_PASSPHRASE.toCharArray())) {
            EtdService etd = new EtdService(s);
            EtdDocument d = etd.issue(a.id());
            assertThat(d.issuedOn()).isEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(etd.expireOverdue()).isZero();
            clock.advance(java.time.Duration.ofDays(32));
            assertThat(etd.expireOverdue()).isEqualTo(1);
            assertThat(etd.document(d.id()).state()).isEqualTo(EtdState.EXPIRED);
        }
    }
}
