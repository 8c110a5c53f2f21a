package org.consulardesk.core;

import java.util.function.Consumer;

/**
 * Runs I/O off the UI thread. The desktop implementation runs work on worker threads and calls back
 * on the FX thread. Screens take this interface, so a screen never decides on which thread I/O runs.
 */
public interface BackgroundTasks {

    @FunctionalInterface
    interface Work<T> {
        T run(ProgressSink progress) throws Exception;
    }

    /**
     * @param title message shown in the status bar while the work runs (already localised)
     */
    <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
