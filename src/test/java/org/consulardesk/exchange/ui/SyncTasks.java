package org.consulardesk.exchange.ui;

import java.util.function.Consumer;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ProgressSink;

/** Runs work at once on the calling thread; optionally as if the user had pressed cancel. */
final class SyncTasks implements BackgroundTasks {
    volatile boolean cancel;

    @Override
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.run(new ProgressSink() {
                @Override
                public void progress(long done, long total) {
                }

                @Override
                public boolean isCancelled() {
                    return cancel;
                }
            });
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
