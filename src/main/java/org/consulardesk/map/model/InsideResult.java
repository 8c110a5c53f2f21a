package org.consulardesk.map.model;

import java.util.List;
import java.util.Map;
import org.consulardesk.registry.model.LocatedPerson;

/**
 * Registrants inside an area (with its buffer): how many, how many of them carry each vulnerability
 * (code name to count), how many households they belong to and how many are on their own, the ids
 * of all of them (ascending) and the first page of the list with names ({@link #persons}, sorted by
 * name). Further pages are read with {@code InsideService.page}.
 */
public record InsideResult(int count, Map<String, Integer> byVulnerability, int vulnerable, int households,
                           int withoutHousehold, List<Long> ids, List<LocatedPerson> persons) {
}
