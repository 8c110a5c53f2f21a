package org.consulardesk.store.model;

import java.nio.file.Path;
import java.util.List;
import org.consulardesk.core.UserError;

/**
 * A registry was opened by a way that cannot ask the user first (a command without
 * {@code --upgrade}, a restore check, a background job) and its schema is behind: nothing was
 * changed (ADR 0076). Carries the pending steps so the caller can name them.
 */
public final class UpgradeRequired extends UserError {
    private final transient List<UpgradeStep> steps;

    public UpgradeRequired(Path dir, List<UpgradeStep> steps) {
        super("error.database.upgradeRequired", dir.toString(), steps.size(), UpgradeStep.names(steps));
        this.steps = List.copyOf(steps);
    }

    public List<UpgradeStep> steps() {
        return steps;
    }
}
