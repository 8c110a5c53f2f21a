package org.consulardesk.registry.model;

import java.util.List;

public record Household(long id, int version, String label, String notes, List<HouseholdMember> members) {
    public Household {
        members = List.copyOf(members);
    }
}
