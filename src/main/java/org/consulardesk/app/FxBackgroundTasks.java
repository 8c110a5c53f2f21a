package org.consulardesk.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.consulardesk.core.BackgroundTasks;
import org.consulardesk.core.ProgressSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on daemon worker threads and reports back on the FX thread. Running tasks are listed
 * for the status bar, which shows their progress and lets the user cancel them.
 */
public final class FxBackgroundTasks implements BackgroundTasks {
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "consulardesk-worker-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();

    public ObservableList<Task<?>> running() {
        return running;
    }

    @Override
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (executor.isShutdown()) {
            return; // the application is stopping: a timer's late task has nothing left to report to
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return work.run(new ProgressSink() {
                    @Override
                    public void progress(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return Thread.currentThread().isInterrupted() || isCancelledTask();
                    }
                });
            }

            private boolean isCancelledTask() {
                return super.isCancelled();
            }
        };
        task.setOnSucceeded(e -> {
            running.remove(task);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            running.remove(task);
            Throwable error = task.getException();
            if (!(error instanceof org.consulardesk.core.UserError)) {
                // Only the class name: exception messages may quote data.
                Log.LOG.warn("background task failed: {}", error == null ? "unknown" : error.getClass().getName());
            }
            onFailure.accept(error);
        });
        task.setOnCancelled(e -> running.remove(task));
        // A task that already finished (its handlers ran or will find nothing to remove) is not
        // listed: a listed finished task would leave the status bar "working" for good.
        Runnable register = () -> {
            if (!task.isDone()) {
                running.add(task);
            }
        };
        if (Platform.isFxApplicationThread()) {
            register.run();
        } else {
            Platform.runLater(register);
        }
        executor.submit(task);
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    /**
     * Created on first use: configuring logback (XML parsing, ~500 classes) took a third of a
     * second on the FX thread before the welcome screen; nothing logs before it (docs/benchmarks.md).
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(FxBackgroundTasks.class);
    }
}
