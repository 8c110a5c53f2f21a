package org.consulardesk.security.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.crypto.Hashes;
import org.consulardesk.core.crypto.RecoveryKey;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.store.KeyFileStore;
import org.consulardesk.store.service.BackupService;
import org.consulardesk.store.service.RegistrySettings;
import org.consulardesk.store.service.SettingsService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTest {
    private static final String OFFICER = "m.quillane";

    @TempDir
    Path tmp;
    Path dir;
    Path state;
    RecoveryKey recoveryKey;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("registry");
        state = tmp.resolve("state");
        RegistryCreator.Created created = create(dir);
        recoveryKey = created.recoveryKey();
        created.session().close();
    }

    @Test
    void everyActionIsRecordedInAnUnbrokenChain() {
        LoginService login = loginService(state);
        Person person;
        try (Session head = login.login(dir, HEAD, PASSPHRASE.toCharArray())) {
            UserService users = new UserService(head, state, FAST);
            users.add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            users.disable(OFFICER);
            users.enable(OFFICER, THIRD_PASSPHRASE.toCharArray());
            users.resetLockout(OFFICER);
            person = new PersonService(head).register(person("Zavrell", "Odile"));
            BackupService.backup(head, tmp.resolve("b/one.cdbackup"), ProgressSink.NONE);
            new SettingsService(head).save(new RegistrySettings(15, true, 5));
            login.unlock(head, HEAD, PASSPHRASE.toCharArray());
        }
        // Re-enabling gave the officer THIRD_PASSPHRASE as a new initial passphrase.
        try (Session officer = login.login(dir, OFFICER, THIRD_PASSPHRASE.toCharArray())) {
            new UserService(officer, state, FAST).changeOwnPassphrase(THIRD_PASSPHRASE.toCharArray(),
                    OTHER_PASSPHRASE.toCharArray());
        }
        login.recover(dir, recoveryKey, HEAD, PASSPHRASE.toCharArray(), FAST).close();

        try (Session head = login.login(dir, HEAD, PASSPHRASE.toCharArray())) {
            AuditService.VerifyResult result = head.audit().verify();
            assertThat(result.ok()).isTrue();
            assertThat(result.firstBreak()).isEmpty();

            List<AuditRecord> all = head.audit().page(AuditFilter.ALL, 0, 1000);
            assertThat(result.checked()).isEqualTo(all.size() - 1); // verify records itself afterwards
            List<String> actions = new java.util.ArrayList<>(all.stream().map(AuditRecord::action).toList());
            java.util.Collections.reverse(actions);
            assertThat(actions).containsExactly("REGISTRY_CREATED", "USER_ADDED", "LOGIN", "USER_ADDED", "USER_DISABLED",
                    "USER_ENABLED", "LOCKOUT_RESET", "PERSON_ADDED", "BACKUP_CREATED", "SETTINGS_CHANGED", "UNLOCKED",
                    "LOGIN", "PASSPHRASE_CHANGED", "RECOVERY_KEY_USED", "LOGIN", "AUDIT_VERIFIED");
            assertThat(all.get(0).seq()).isEqualTo(all.size());

            AuditRecord added = only(head, "PERSON_ADDED");
            assertThat(added.entityType()).isEqualTo("person");
            assertThat(added.entityId()).isEqualTo(Long.toString(person.id()));
            assertThat(added.fieldNames()).contains("family_name", "given_names");
            assertThat(added.actor()).isEqualTo(HEAD);
            assertThat(only(head, "PASSPHRASE_CHANGED").actor()).isEqualTo(OFFICER);
            assertThat(only(head, "USER_DISABLED").actor()).isEqualTo(HEAD);
            assertThat(only(head, "RECOVERY_KEY_USED").fieldNames()).isEqualTo("passphrase");
            assertThat(only(head, "AUDIT_VERIFIED").detail()).isEqualTo("ok");
            // No personal values in the log: names of people never appear, only field names.
            for (AuditRecord r : all) {
                assertThat(r.canonical()).doesNotContain("Zavrell", "Odile", "Mirela", "Quillane");
                assertThat(r.entryHash()).matches("[0-9a-f]{64}");
            }
            // Filters
            assertThat(head.audit().count(new AuditFilter(OFFICER, null, null, null, null))).isEqualTo(2);
            assertThat(head.audit().page(new AuditFilter(null, "LOGIN", null, null, null), 0, 10)).hasSize(3);
            assertThat(head.audit().page(AuditFilter.ALL, 2, 3)).extracting(AuditRecord::seq)
                    .containsExactly((long) all.size() - 2, (long) all.size() - 3, (long) all.size() - 4);
            assertThat(head.audit().actions()).contains("LOGIN", "PERSON_ADDED", "BACKUP_CREATED");
        }
    }

    @Test
    void editedRowIsReportedAsAHashBreak() throws SQLException {
        addSomeEntries();
        assertThat(execute("UPDATE AUDIT_ENTRY SET DETAIL = ? WHERE SEQ = 3", "edited")).isEqualTo(1);
        try (Session head = loginHead(dir, state)) {
            AuditService.VerifyResult result = head.audit().verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBreak()).contains(new AuditService.Break(3, "hash"));
            assertThat(head.audit().page(new AuditFilter(null, "AUDIT_VERIFIED", null, null, null), 0, 10))
                    .extracting(AuditRecord::detail).containsExactly("broken at 3", "ok");
        }
    }

    @Test
    void editedActorIsDetectedToo() throws SQLException {
        addSomeEntries();
        execute("UPDATE AUDIT_ENTRY SET ACTOR = ? WHERE SEQ = 5", OFFICER);
        try (Session head = loginHead(dir, state)) {
            assertThat(head.audit().verify().firstBreak()).contains(new AuditService.Break(5, "hash"));
        }
    }

    @Test
    void deletedMiddleRowIsReportedAsALinkBreak() throws SQLException {
        addSomeEntries();
        assertThat(execute("DELETE FROM AUDIT_ENTRY WHERE SEQ = ?", 3L)).isEqualTo(1);
        try (Session head = loginHead(dir, state)) {
            AuditService.VerifyResult result = head.audit().verify();
            assertThat(result.firstBreak()).contains(new AuditService.Break(3, "link"));
        }
    }

    @Test
    void deletedLastRowIsDetected() throws SQLException {
        long last = addSomeEntries();
        assertThat(execute("DELETE FROM AUDIT_ENTRY WHERE SEQ = ?", last)).isEqualTo(1);
        try (Session head = loginHead(dir, state)) {
            AuditService.VerifyResult result = head.audit().verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.firstBreak().orElseThrow().seq()).isEqualTo(last);
        }
    }

    @Test
    void rehashedRowStillBreaksTheNextLink() throws SQLException {
        // An attacker who recomputes the edited row's own hash still breaks the following row's link.
        addSomeEntries();
        try (Connection c = connect()) {
            AuditRecord r;
            try (var ps = c.prepareStatement("SELECT SEQ, OCCURRED_AT, ACTOR, ACTION, ENTITY_TYPE, ENTITY_ID, FIELD_NAMES,"
                    + " DETAIL, PREV_HASH, ENTRY_HASH FROM AUDIT_ENTRY WHERE SEQ = 3"); var rs = ps.executeQuery()) {
                rs.next();
                r = new AuditRecord(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), "forged",
                        rs.getString(9), "");
            }
            String hash = AuditService.withHash(r).entryHash();
            try (var ps = c.prepareStatement("UPDATE AUDIT_ENTRY SET DETAIL = 'forged', ENTRY_HASH = ? WHERE SEQ = 3")) {
                ps.setString(1, hash);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        try (Session head = loginHead(dir, state)) {
            assertThat(head.audit().verify().firstBreak()).contains(new AuditService.Break(4, "link"));
        }
    }

    /** Adds entries after the two written at creation; returns the last seq. */
    private long addSomeEntries() {
        try (Session head = loginHead(dir, state)) { // seq 3: LOGIN
            UserService users = new UserService(head, state, FAST);
            users.add(OFFICER, "Mirela Quillane", Role.CONSULAR_OFFICER, OTHER_PASSPHRASE.toCharArray());
            PersonService persons = new PersonService(head);
            persons.register(person("Zavrell", "Odile"));
            persons.register(person("Marrowby", "Kasimir"));
            assertThat(head.audit().verify().ok()).isTrue();
            return head.audit().page(AuditFilter.ALL, 0, 1).get(0).seq();
        }
    }

    private static AuditRecord only(Session session, String action) {
        List<AuditRecord> records = session.audit().page(new AuditFilter(null, action, null, null, null), 0, 10);
        assertThat(records).as(action).hasSize(1);
        return records.get(0);
    }

    private int execute(String sql, Object value) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            return ps.executeUpdate();
        }
    }

    /** The registry database opened directly, as an attacker holding one user's passphrase could. */
    private Connection connect() throws SQLException {
        byte[] dataKey = Vault.unwrapForUser(KeyFileStore.read(dir), HEAD, PASSPHRASE.toCharArray());
        HexFormat hex = HexFormat.of();
        String password = hex.formatHex(dataKey) + " " + hex.formatHex(Hashes.hkdf(dataKey, new byte[0], "h2 user password", 32));
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("registry") + ";CIPHER=AES", "consulardesk", password);
    }
}
