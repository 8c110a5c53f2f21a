package org.consulardesk.map.model;

import java.util.Map;

/**
 * What the registrants inside an area are: how many carry each vulnerability (code name to count), how
 * many carry any, how many households they belong to and how many are in none. Computed after the count
 * is shown (ADR 0057).
 */
public record InsideBreakdown(Map<String, Integer> byVulnerability, int vulnerable, int households, int withoutHousehold) {
    public InsideBreakdown {
        byVulnerability = Map.copyOf(byVulnerability);
    }
}
