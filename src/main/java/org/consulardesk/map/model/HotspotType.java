package org.consulardesk.map.model;

public enum HotspotType {
    CONFLICT, NATURAL_HAZARD, EPIDEMIC, UNREST, OTHER
}
