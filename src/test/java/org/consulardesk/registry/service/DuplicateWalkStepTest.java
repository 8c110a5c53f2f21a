package org.consulardesk.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Steps of the duplicate key walk are sized to the time left (ADR 0065). */
class DuplicateWalkStepTest {
    private static final long MS = 1_000_000L;

    @Test
    void firstStepIsSmallWhateverTheMaximum() {
        assertThat(DuplicateService.nextStep(0, 0, 400 * MS, 5_000)).isEqualTo(DuplicateService.FIRST_STEP);
        assertThat(DuplicateService.nextStep(0, 0, 400 * MS, 3)).isEqualTo(3);
    }

    @Test
    void laterStepsReadWhatTheTimeLeftAllowsAtTheMeasuredPace() {
        // 1,000 entries in 100 ms, 300 ms left: 3,000 more.
        assertThat(DuplicateService.nextStep(1_000, 100 * MS, 300 * MS, 5_000)).isEqualTo(3_000);
        // Fast and plenty of time: the maximum.
        assertThat(DuplicateService.nextStep(5_000, 10 * MS, 390 * MS, 5_000)).isEqualTo(5_000);
    }

    @Test
    void aSlowPaceOrNoTimeLeftKeepsTheSmallestStep() {
        assertThat(DuplicateService.nextStep(500, 380 * MS, 20 * MS, 5_000)).isEqualTo(DuplicateService.FIRST_STEP);
        assertThat(DuplicateService.nextStep(500, 500 * MS, -100 * MS, 5_000)).isEqualTo(DuplicateService.FIRST_STEP);
    }
}
