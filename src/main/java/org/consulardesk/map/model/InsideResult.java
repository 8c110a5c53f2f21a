package org.consulardesk.map.model;

import java.util.List;
import java.util.Map;
import org.consulardesk.registry.model.LocatedPerson;

/**
 * Registrants inside an area (with its buffer): the count and where they are ({@link InsideCover}), the
 * breakdown by vulnerability and household (null while it is still being computed: the map shows the
 * count first, ADR 0057), and the first page of the list with names ({@link #persons},
 * sorted by name). Further pages are read with {@code InsideService.page}.
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
