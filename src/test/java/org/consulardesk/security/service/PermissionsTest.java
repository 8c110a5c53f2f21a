package org.consulardesk.security.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.model.Role;
import org.consulardesk.store.service.BackupService;
import org.consulardesk.store.service.RegistrySettings;
import org.consulardesk.store.service.SettingsService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service layer refuses what a role may not do, whatever a screen would show. */
class PermissionsTest {
    private static final String OFFICER = "m.quillane";
    private static final String SURGE = "t.orvandel";
    private static final String REVIEWER = "r.hallowmere";

    @TempDir
    Path tmp;
    Path dir;
    Path state;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("registry");
        state = tmp.resolve("state");
        try (Session head = create(dir).session()) {
            UserService users = new UserService(head, state, FAST);
            users.add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            users.add(SURGE, "Tobiah Orvandel", Role.SURGE_STAFF, OTHER_PASSPHRASE.toCharArray());
            users.add(REVIEWER, "Rasmus Hallowmere", Role.HQ_REVIEWER, OTHER_PASSPHRASE.toCharArray());
            new PersonService(head).register(person("Belvaro", "Ilsa"));
        }
    }

    @Test
    void surgeStaffIsDeniedManagementAuditBackupAndRegistration() {
        try (Session surge = login(dir, state, SURGE, OTHER_PASSPHRASE)) {
            UserService users = new UserService(surge, state, FAST);
            denied(surge, s -> users.list());
            denied(surge, s -> users.add("x.newcomer", "Xan Newcomer", Role.SURGE_STAFF, THIRD_PASSPHRASE.toCharArray()));
            denied(surge, s -> users.disable(OFFICER));
            denied(surge, s -> users.enable(OFFICER, THIRD_PASSPHRASE.toCharArray()));
            denied(surge, s -> users.resetLockout(OFFICER));
            denied(surge, s -> s.audit().page(AuditFilter.ALL, 0, 10));
            denied(surge, s -> s.audit().verify());
            denied(surge, s -> s.audit().count(AuditFilter.ALL));
            Path out = tmp.resolve("backups/denied.cdbackup");
            denied(surge, s -> BackupService.backup(s, out, ProgressSink.NONE));
            assertThat(out).doesNotExist();
            assertThat(out.getParent()).doesNotExist();
            PersonService persons = new PersonService(surge);
            denied(surge, s -> persons.register(person("Corvath", "Enid")));
            denied(surge, s -> new SettingsService(s).save(new RegistrySettings(5, false, 3)));

            // What surge staff may do: look people up.
            assertThat(persons.search("belv", 0, 10)).extracting(Person::familyName).containsExactly("Belvaro");
            assertThat(persons.count(null)).isEqualTo(1);
        }
        try (Session head = loginHead(dir, state)) {
            assertThat(new PersonService(head).count("")).isEqualTo(1);
            assertThat(new UserService(head, state, FAST).list()).hasSize(4);
        }
    }

    @Test
    void consularOfficerMayRegisterAndBackUpButNotManage() {
        try (Session officer = login(dir, state, OFFICER, OTHER_PASSPHRASE)) {
            PersonService persons = new PersonService(officer);
            Person added = persons.register(person("Corvath", "Enid"));
            assertThat(added.id()).isPositive();
            assertThat(added.familyName()).isEqualTo("Corvath");
            assertThat(persons.count(null)).isEqualTo(2);
            Path out = tmp.resolve("backups/officer.cdbackup");
            BackupService.backup(officer, out, ProgressSink.NONE);
            assertThat(out).isRegularFile();
            denied(officer, s -> new UserService(s, state, FAST).list());
            denied(officer, s -> s.audit().page(AuditFilter.ALL, 0, 10));
            denied(officer, s -> new SettingsService(s).save(RegistrySettings.DEFAULTS));
        }
    }

    @Test
    void hqReviewerReadsTheAuditButDoesNotEdit() {
        try (Session reviewer = login(dir, state, REVIEWER, OTHER_PASSPHRASE)) {
            assertThat(reviewer.audit().page(AuditFilter.ALL, 0, 100)).isNotEmpty();
            assertThat(reviewer.audit().verify().ok()).isTrue();
            denied(reviewer, s -> new PersonService(s).register(person("Corvath", "Enid")));
            denied(reviewer, s -> BackupService.backup(s, tmp.resolve("b.cdbackup"), ProgressSink.NONE));
        }
    }

    @Test
    void roleTableMatchesTheDesign() {
        assertThat(Role.HEAD_OF_POST.allows(Permission.MANAGE_USERS)).isTrue();
        for (Permission p : Permission.values()) {
            assertThat(Role.HEAD_OF_POST.allows(p)).as(p.name()).isTrue();
        }
        assertThat(Role.SURGE_STAFF.allows(Permission.VIEW_REGISTRY)).isTrue();
        assertThat(Role.SURGE_STAFF.allows(Permission.REVEAL_SENSITIVE)).isFalse();
        assertThat(Role.SURGE_STAFF.allows(Permission.EDIT_REGISTRY)).isFalse();
        assertThat(Role.HQ_REVIEWER.allows(Permission.EDIT_REGISTRY)).isFalse();
        assertThat(Role.TRAINER.allows(Permission.MANAGE_USERS)).isFalse();
        assertThat(Role.CONSULAR_OFFICER.allows(Permission.MANAGE_USERS)).isFalse();
    }

    private static void denied(Session session, Consumer<Session> action) {
        UserError e = userError(() -> action.accept(session));
        assertThat(e.key()).isEqualTo("error.permission.denied");
        assertThat(e.getMessage()).doesNotContain("!");
    }
}
