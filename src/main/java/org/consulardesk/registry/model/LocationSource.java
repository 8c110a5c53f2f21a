package org.consulardesk.registry.model;

/** Where a registrant's geographic point came from. */
public enum LocationSource {
    GAZETTEER, MAP_PICK, GPS
}
