package org.consulardesk.bonds.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.consulardesk.bonds.model.BondAlerts;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.exercise.service.TrainingRegistry;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training registry comes with a few bonds that show every alert. */
class SampleBondsTest {
    @TempDir
    Path tmp;

    @Test
    void trainingRegistryHasBondsAndAlerts() {
        try (Session s = TrainingRegistry.create(tmp.resolve("r"), 400, 7, TestRegistries.FAST, tmp.resolve("state"),
                Clock.systemUTC())) {
            var register = new BondService(s).register("", null, 100);
            assertThat(register).hasSize(5);
            assertThat(register).allSatisfy(o -> assertThat(o.balance().isNegative()).isFalse());
            assertThat(register).extracting(BondOverview::coveredWorkers).allSatisfy(n -> assertThat(n).isPositive());
            BondAlerts a = new BondAlertsService(s).alerts(60);
            assertThat(a.endingSoon()).isNotEmpty();
            assertThat(a.underFunded()).isNotEmpty();
            assertThat(a.claimsWaiting()).hasSize(1);
            assertThat(a.approvalsWaiting()).hasSize(1);
            assertThat(a.uncoveredWorkers()).isNotEmpty();
            assertThat(s.audit().verify().ok()).isTrue();
        }
    }
}
