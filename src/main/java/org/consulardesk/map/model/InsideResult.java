package org.consulardesk.map.model;

import java.util.List;
import java.util.Map;
import org.consulardesk.registry.model.LocatedPerson;

/**
 * Registrants inside an area (with its buffer): how many, how many of them carry each vulnerability
 * (code name to count), how many households they belong to and how many are on their own, and the list.
 */
public record InsideResult(int count, Map<String, Integer> byVulnerability, int vulnerable, int households,
                           int withoutHousehold, List<LocatedPerson> persons) {
}
