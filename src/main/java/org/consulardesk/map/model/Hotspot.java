package org.consulardesk.map.model;

import java.time.LocalDate;

/** An area of concern drawn or imported on the crisis map. {@code id} 0 until saved. */
public record Hotspot(long id, String name, HotspotType type, Severity severity, LocalDate validFrom, LocalDate validTo,
                      String source, String notes, Area area, int rowVersion) {
    public Hotspot withArea(Area newArea) {
        return new Hotspot(id, name, type, severity, validFrom, validTo, source, notes, newArea, rowVersion);
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
