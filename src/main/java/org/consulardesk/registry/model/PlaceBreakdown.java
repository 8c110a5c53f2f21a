package org.consulardesk.registry.model;

import java.util.List;
import java.util.Map;

/**
 * Who a part of an area holds, for the "who is inside" breakdown: registrants per vulnerability code
 * (each person once per code), registrants with any vulnerability, registrants in no household, and the
 * ids of the households the others belong to (for a distinct count over all parts).
 */
public record PlaceBreakdown(Map<String, Integer> byCode, int vulnerable, int withoutHousehold, List<Long> households) {
}
