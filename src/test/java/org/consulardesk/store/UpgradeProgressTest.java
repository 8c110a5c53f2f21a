package org.consulardesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.consulardesk.core.UserError;
import org.consulardesk.store.model.UpgradeListener;
import org.consulardesk.store.model.UpgradeStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a registry whose schema is behind tells a listener which step runs and how far the batched
 * backfills got (ADR 0068); a step that fails in the middle keeps what it committed and the next open
 * continues from there.
 */
class UpgradeProgressTest {
    @TempDir
    Path dir;
    private final byte[] key = new byte[32];

    @BeforeEach
    void registryAtV16() {
        new SecureRandom().nextBytes(key);
        OlderRegistries.persons(dir, key, "16", 1, 20_001, 40_001, 40_002);
    }

    @Test
    void reportsEachPendingStepAndTheBatchesOfTheBackfills() {
        try (Database.Opening opening = Database.connect(dir, key)) {
            assertThat(opening.pending()).extracting(UpgradeStep::version).containsExactly("17", "17.1", "17.2", "19", "20", "22", "23",
                    "23.1", "23.2");
        }
        Recorder events = new Recorder();
        Database.upgrade(dir, key, events).close();

        assertThat(events.log).first().isEqualTo("started 9");
        assertThat(events.log).last().isEqualTo("finished 9");
        assertThat(events.log).containsSubsequence("step 1/9 17 search word pairs", "step 2/9 17.1 Search word pairs backfill counted",
                "17.1 0/40002", "17.1 20000/40002", "17.1 40000/40002", "17.1 40002/40002",
                "step 3/9 17.2 search word pairs index", "step 4/9 19 Duplicate keys backfill counted", "19 0/40002", "19 40002/40002",
                "step 5/9 20 person cell points index", "step 6/9 22 person cell names index", "step 7/9 23 search walk rows",
                "step 8/9 23.1 Search walk rows backfill counted", "23.1 0/40002", "23.1 20000/40002", "23.1 40002/40002",
                "step 9/9 23.2 search walk rows index", "finished 9");
        try (Database.Opening opening = Database.connect(dir, key)) {
            assertThat(opening.pending()).isEmpty();
        }
        // A current registry reports nothing.
        Recorder again = new Recorder();
        Database.upgrade(dir, key, again).close();
        assertThat(again.log).isEmpty();
    }

    @Test
    void aBackfillThatFailsInTheMiddleContinuesAtTheNextOpen() {
        Recorder failing = new Recorder();
        failing.failAt = "19 20000/40002";
        assertThatThrownBy(() -> Database.upgrade(dir, key, failing)).isInstanceOf(UserError.class);
        assertThat(failing.log).doesNotContain("finished 9");
        try (Database db = OlderRegistries.openAt(dir, key, "17.2")) {
            // The first batch of V19 committed before the failure; the later ones did not run.
            List<Long> keyed = db.read(tx -> tx.dsl().fetch("select id from person where dup_key is not null order by id")
                    .getValues(0, Long.class));
            assertThat(keyed).containsExactly(1L);
        }

        try (Database.Opening opening = Database.connect(dir, key)) {
            assertThat(opening.pending()).extracting(UpgradeStep::version).containsExactly("19", "20", "22", "23", "23.1", "23.2");
        }
        Recorder events = new Recorder();
        try (Database db = Database.upgrade(dir, key, events)) {
            assertThat(events.log).startsWith("started 6", "step 1/6 19 Duplicate keys backfill counted").endsWith("finished 6");
            int withoutKey = db.read(tx -> tx.dsl().fetchCount(tx.dsl().selectFrom("person").where("dup_key is null")));
            assertThat(withoutKey).isZero();
        }
    }

    @Test
    void thePairsBackfillStoppedAfterABatchStartsAfterItAndWritesEachPairOnce() {
        Recorder failing = new Recorder();
        failing.failAt = "17.1 20000/40002";
        assertThatThrownBy(() -> Database.upgrade(dir, key, failing)).isInstanceOf(UserError.class);

        Recorder events = new Recorder();
        try (Database db = Database.upgrade(dir, key, events)) {
            // Resumed after the committed first batch: it does not start from 0 again.
            assertThat(events.log).contains("17.1 20000/40002").doesNotContain("17.1 0/40002");
            // Each person's three words under each of its three pair keys, once.
            List<String> pairs = db.read(tx -> tx.dsl().fetch("select person_id, count(*) from person_name_pair group by person_id order by 1")
                    .map(r -> r.get(0, Long.class) + ":" + r.get(1, Integer.class)));
            assertThat(pairs).containsExactly("1:9", "20001:9", "40001:9", "40002:9");
        }
    }

    /** Records the events as short lines; throws at {@link #failAt}. */
    static final class Recorder implements UpgradeListener {
        final List<String> log = new ArrayList<>();
        String failAt;

        @Override
        public void started(List<UpgradeStep> steps) {
            log.add("started " + steps.size());
        }

        @Override
        public void stepStarted(UpgradeStep step) {
            log.add("step " + step.number() + "/" + step.of() + " " + step.version() + " " + step.description()
                    + (step.counted() ? " counted" : ""));
        }

        @Override
        public void progress(UpgradeStep step, long done, long total) {
            String line = step.version() + " " + done + "/" + total;
            log.add(line);
            if (line.equals(failAt)) {
                throw new IllegalStateException("stopped by the test");
            }
        }

        @Override
        public void finished(List<UpgradeStep> steps) {
            log.add("finished " + steps.size());
        }
    }
}
