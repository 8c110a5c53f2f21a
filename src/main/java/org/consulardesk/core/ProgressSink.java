package org.consulardesk.core;

/** What long work reports to whoever runs it, and how it learns it was cancelled. */
public interface ProgressSink {
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void progress(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void progress(long done, long total);

    boolean isCancelled();

    /** Long loops call this between steps; the work then stops cleanly. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled");
        }
    }
}
