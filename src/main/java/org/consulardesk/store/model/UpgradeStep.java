package org.consulardesk.store.model;

import java.util.List;
import org.consulardesk.core.Messages;

/**
 * One pending schema migration of a registry being opened, as the sign-in screen names it.
 *
 * @param number      1-based position among the pending steps
 * @param of          how many steps are pending
 * @param version     the Flyway version, e.g. {@code 17.1}
 * @param description the migration's own description (English, from its file or class name)
 * @param counted     whether the step reports how far it got (the batched Java backfills do; SQL steps do not)
 */
public record UpgradeStep(int number, int of, String version, String description, boolean counted) {

    /** The step's name from the bundle ({@code login.upgrade.name.<version>}), else the migration's own description. */
    public String title() {
        String key = "login.upgrade.name." + version;
        return Messages.bundle().containsKey(key) ? Messages.get(key) : description;
    }

    /** The steps' names, each once, joined by commas ("search word pairs, duplicate keys, …"). */
    public static String names(List<UpgradeStep> steps) {
        return String.join(", ", steps.stream().map(UpgradeStep::title).distinct().toList());
    }
}
