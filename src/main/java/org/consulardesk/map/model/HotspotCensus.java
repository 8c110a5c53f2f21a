package org.consulardesk.map.model;

import java.util.Map;

/**
 * How many registrants are inside one hotspot (its area, no buffer), by presence status and by
 * vulnerability (code name to count). No personal data: counts only.
 */
public record HotspotCensus(Hotspot hotspot, long persons, Map<String, Long> byStatus, Map<String, Long> byVulnerability) {
    public HotspotCensus {
        byStatus = Map.copyOf(byStatus);
        byVulnerability = Map.copyOf(byVulnerability);
    }
}
