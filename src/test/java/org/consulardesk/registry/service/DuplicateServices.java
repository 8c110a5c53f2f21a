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
}
