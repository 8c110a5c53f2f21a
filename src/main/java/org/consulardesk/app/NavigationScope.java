package org.consulardesk.app;

import java.util.Set;
import org.consulardesk.store.model.RegistryKind;

/**
 * Which screens a kind of registry offers. An HQ workspace holds imported workbooks, not a post's
 * registrants, so it offers none of the screens that work on a post's own people, documents or
 * bonds; a post does not consolidate other posts. A training registry offers everything, so
 * trainers can rehearse both sides.
 */
final class NavigationScope {
    /** Screens about a post's own registrants, ETDs and bonds. */
    static final Set<String> POST_ONLY = Set.of("nav.registry", "nav.import", "nav.households", "nav.expiring",
            "nav.duplicates", "nav.etd", "nav.exchangeExport", "nav.bonds", "nav.claims", "nav.employers",
            "nav.bondAlerts", "nav.evacuationCosts");
    /** Screens of headquarters only. */
    static final Set<String> HQ_ONLY = Set.of("nav.exchangeHq");

    private NavigationScope() {
    }

    static boolean shows(RegistryKind kind, String navKey) {
        return switch (kind) {
            case HQ -> !POST_ONLY.contains(navKey);
            case POST -> !HQ_ONLY.contains(navKey);
            default -> true;
        };
    }

    /** A new registration belongs to a post's registry (or a training one). */
    static boolean registers(RegistryKind kind) {
        return kind != RegistryKind.HQ;
    }
}
