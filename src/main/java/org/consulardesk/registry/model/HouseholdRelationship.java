package org.consulardesk.registry.model;

public enum HouseholdRelationship {
    HEAD, SPOUSE, CHILD, PARENT, SIBLING, GUARDIAN, DEPENDANT, OTHER
}
