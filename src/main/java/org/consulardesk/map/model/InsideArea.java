package org.consulardesk.map.model;

/**
 * The area whose registrants "who is inside" counted, as the map hands it to other features (the
 * registry export, ADR 0073): a saved hotspot ({@code hotspotId} &gt; 0, its name) or an area drawn
 * or changed on the map and not saved ({@code hotspotId} 0), with the buffer the count used and the
 * number of registrants the map counted inside.
 */
public record InsideArea(long hotspotId, String name, Area area, double bufferKm, long counted) {
    public InsideArea {
        if (area == null) {
            throw new IllegalArgumentException("an area is needed");
        }
        if (!(bufferKm >= 0)) {
            throw new IllegalArgumentException("the buffer is a distance of 0 or more");
        }
    }

    public boolean isHotspot() {
        return hotspotId > 0;
    }
}
