package org.consulardesk.registry.model;

import java.time.LocalDate;

/**
 * Whether a registrant is expected to be in the host country on a given day, from the arrival date
 * and planned departure the registry holds (ADR 0054). It is what the registry knows today; the
 * accountability status of a crisis (safe, missing, ...) will be reported next to it, not instead.
 */
public enum PresenceStatus {
    /** Arrival date after the day. */
    EXPECTED,
    /** Arrived (or arrival unknown) and no planned departure before the day. */
    PRESENT,
    /** The planned departure date has passed: probably left, not confirmed. */
    DEPARTURE_DATE_PASSED;

    /** The rule, shared by the registry's counts (in SQL) and HQ's counts from full exports. */
    public static PresenceStatus of(LocalDate arrival, LocalDate plannedDeparture, LocalDate day) {
        if (arrival != null && arrival.isAfter(day)) {
            return EXPECTED;
        }
        if (plannedDeparture != null && plannedDeparture.isBefore(day)) {
            return DEPARTURE_DATE_PASSED;
        }
        return PRESENT;
    }
}
