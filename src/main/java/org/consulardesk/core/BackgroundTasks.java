package org.consulardesk.core;

import java.util.function.Consumer;

/**
 * Runs I/O off the UI thread. The desktop implementation runs work on worker threads and calls back
 * on the FX thread; tests use {@link Synchronous} so the same screens run deterministically.
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

    /** Runs work on the calling thread; for tests and the command line. */
    final class Synchronous implements BackgroundTasks {
        @Override
        public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            T result;
            try {
                result = work.run(ProgressSink.NONE);
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }
    }
}
