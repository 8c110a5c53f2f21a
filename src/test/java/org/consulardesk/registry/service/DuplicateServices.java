package org.consulardesk.registry.service;

import org.consulardesk.security.service.Session;

/** Duplicate services for screen tests in other packages. */
public final class DuplicateServices {
    private DuplicateServices() {
    }

    /**
     * Each stretch of the screen's walk is one step of {@code keysPerStep} index entries (no time to
     * go on), so a few persons take several stretches ("Look further").
     */
    public static DuplicateService oneStepAStretch(Session session, int keysPerStep) {
        return new DuplicateService(session, keysPerStep, 0);
    }

    /** Steps of {@code keysPerStep} index entries with a minute of time: a stretch ends at its limit of pairs or the end. */
    public static DuplicateService stepsOf(Session session, int keysPerStep) {
        return new DuplicateService(session, keysPerStep, 60_000);
    }
}
