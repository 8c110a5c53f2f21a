package org.consulardesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The inactivity lock fires once the timeout passes without input, and not while paused. */
class AutoLockTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void locksAfterTheTimeoutWithoutInput() throws Exception {
        AtomicInteger locks = new AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> new AutoLock(new Scene(new StackPane()), locks::incrementAndGet)
                .start(Duration.millis(200))).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> locks.get() == 1);
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        assertThat(locks.get()).as("fires once, then waits to be resumed").isEqualTo(1);
    }

    @Test
    void aPausedTimerDoesNotLock() throws Exception {
        AtomicInteger locks = new AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> {
            AutoLock lock = new AutoLock(new Scene(new StackPane()), locks::incrementAndGet);
            lock.start(Duration.millis(200));
            lock.pause();
        }).get();
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(locks.get()).isZero();
    }
}
