package org.consulardesk.core;

/** Small helpers for waits that must not be cut short by an interrupt without restoring it. */
public final class Durations {
    private Durations() {
    }

    public static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
