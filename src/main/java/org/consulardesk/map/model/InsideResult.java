package org.consulardesk.map.model;

import java.util.List;
import java.util.Map;
import org.consulardesk.registry.model.LocatedPerson;

/**
 * Registrants inside an area (with its buffer), all at once: the count and where they are
 * ({@link InsideCover}), the breakdown by vulnerability and household, and the first page of the
 * list with names ({@link #persons}) — what the command line prints. The map asks for the parts
 * one by one instead: the count first, then the list in name order and the breakdown (ADR 0057, 0071).
 */
public record InsideResult(InsideCover cover, InsideBreakdown breakdown, List<LocatedPerson> persons) {
    public int count() {
        return cover.count();
    }

    public Map<String, Integer> byVulnerability() {
        return breakdown.byVulnerability();
    }

    public int vulnerable() {
        return breakdown.vulnerable();
    }

    public int households() {
        return breakdown.households();
    }

    public int withoutHousehold() {
        return breakdown.withoutHousehold();
    }
}
