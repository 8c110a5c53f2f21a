package org.consulardesk.exchange.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.consulardesk.core.Messages;
import org.consulardesk.security.model.Permission;
import org.junit.jupiter.api.Test;

/** What each profile states about itself (name, title, permission, personal data, filters), through the shared base. */
class ExportProfilesTest {
    record Stated(String name, Permission permission, boolean personalData, List<String> filters) {
    }

    @Test
    void everyProfileStatesWhatItDidBeforeTheSharedBase() {
        assertThat(ExportProfiles.ALL).extracting(p -> new Stated(p.name(), p.requiredPermission(), p.personalData(), p.filterNames()))
                .containsExactly(
                        new Stated("registry-aggregate", Permission.EXPORT_AGGREGATE, false, List.of("city", "district", "purpose")),
                        new Stated("registry-full", Permission.EXPORT_PERSONAL_DATA, true, List.of("city", "district", "purpose", "hotspot", "area", "buffer-km")),
                        new Stated("hq-consolidation", Permission.IMPORT_EXCHANGE, false, List.of()),
                        new Stated("etd-register", Permission.ISSUE_ETD, true, List.of()),
                        new Stated("etd-lost-stolen", Permission.ISSUE_ETD, true, List.of()),
                        new Stated("bond-register", Permission.MANAGE_BONDS, false, List.of("employer", "state")),
                        new Stated("bond-ledger", Permission.MANAGE_BONDS, true, List.of("employer", "bond")),
                        new Stated("bond-statement", Permission.MANAGE_BONDS, true, List.of("employer")));
        assertThat(ExportProfiles.ALL).allSatisfy(p -> assertThat(Messages.get(p.titleKey())).doesNotStartWith("!"));
    }

    @Test
    void aNewProfileIsItsConstructorLineAndItsSheets() {
        ExportProfile tiny = new BaseExportProfile("evacuation-manifest", "exchange.profile.hq-consolidation",
                Permission.EXPORT_PERSONAL_DATA, BaseExportProfile.PERSONAL_DATA) {
            @Override
            public List<ExportSheet> sheets(ExportContext context) {
                return List.of();
            }
        };
        assertThat(tiny.name()).isEqualTo("evacuation-manifest");
        assertThat(tiny.personalData()).isTrue();
        assertThat(tiny.filterNames()).isEmpty();
        assertThatThrownBy(() -> new BaseExportProfile("Bad Name", "k", Permission.EXPORT_AGGREGATE, false) {
            @Override
            public List<ExportSheet> sheets(ExportContext context) {
                return List.of();
            }
        }).isInstanceOf(IllegalArgumentException.class);
    }
}
