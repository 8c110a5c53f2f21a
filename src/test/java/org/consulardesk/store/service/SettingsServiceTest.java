package org.consulardesk.store.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.consulardesk.testsupport.TestRegistries.*;

import java.nio.file.Path;
import org.consulardesk.core.UserError;
import org.consulardesk.security.model.AuditFilter;
import org.consulardesk.security.model.AuditRecord;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsServiceTest {
    @TempDir
    Path tmp;

    @Test
    void freshRegistryHasTheDefaults() {
        try (Session head = create(tmp.resolve("r")).session()) {
            assertThat(new SettingsService(head).load()).isEqualTo(RegistrySettings.DEFAULTS);
        }
        assertThat(RegistrySettings.DEFAULTS).isEqualTo(new RegistrySettings(10, true, 7));
    }

    @Test
    void savedSettingsAreLoadedAgainAfterReopening() {
        Path dir = tmp.resolve("r");
        RegistrySettings changed = new RegistrySettings(30, false, 12);
        try (Session head = create(dir).session()) {
            SettingsService settings = new SettingsService(head);
            settings.save(changed);
            assertThat(settings.load()).isEqualTo(changed);
            settings.save(new RegistrySettings(45, false, 12));
            assertThat(settings.load().autoLockMinutes()).isEqualTo(45);
            settings.save(changed);
        }
        try (Session head = loginHead(dir, tmp.resolve("state"))) {
            assertThat(new SettingsService(head).load()).isEqualTo(changed);
            assertThat(head.audit().page(new AuditFilter(null, "SETTINGS_CHANGED", null, null, null), 0, 10))
                    .hasSize(3).first().extracting(AuditRecord::fieldNames)
                    .isEqualTo("autoLockMinutes,backupOnClose,backupsToKeep");
        }
    }

    @Test
    void everyoneMayReadButOnlyTheHeadMayChange() {
        Path dir = tmp.resolve("r");
        Path state = tmp.resolve("state");
        try (Session head = create(dir).session()) {
            new UserService(head, state, FAST).add("t.orvandel", "Tobiah Orvandel", Role.SURGE_STAFF,
                    OTHER_PASSPHRASE.toCharArray());
            new SettingsService(head).save(new RegistrySettings(20, true, 3));
        }
        try (Session surge = login(dir, state, "t.orvandel", OTHER_PASSPHRASE)) {
            SettingsService settings = new SettingsService(surge);
            assertThat(settings.load()).isEqualTo(new RegistrySettings(20, true, 3));
            assertThat(userError(() -> settings.save(RegistrySettings.DEFAULTS)).key()).isEqualTo("error.permission.denied");
            assertThat(settings.load()).isEqualTo(new RegistrySettings(20, true, 3));
        }
    }

    @Test
    void valuesAreValidated() {
        assertThatCode(() -> new RegistrySettings(1, true, 1)).doesNotThrowAnyException();
        assertThatCode(() -> new RegistrySettings(240, false, 100)).doesNotThrowAnyException();
        UserError tooShort = userError(() -> new RegistrySettings(0, true, 7));
        assertThat(tooShort.key()).isEqualTo("error.settings.autoLock");
        assertThat(tooShort.args()).containsExactly(1, 240);
        assertThat(userError(() -> new RegistrySettings(241, true, 7)).key()).isEqualTo("error.settings.autoLock");
        assertThat(userError(() -> new RegistrySettings(-5, true, 7)).key()).isEqualTo("error.settings.autoLock");
        assertThat(userError(() -> new RegistrySettings(10, true, 0)).key()).isEqualTo("error.settings.backupsToKeep");
        assertThat(userError(() -> new RegistrySettings(10, true, 101)).key()).isEqualTo("error.settings.backupsToKeep");
    }
}
