package org.consulardesk.map.model;

/**
 * What an MBTiles file says about itself (metadata table) and holds.
 *
 * @param bounds null when the file does not say
 */
public record MbTilesInfo(String fileName, String name, String format, int minZoom, int maxZoom, GeoBox bounds,
                          long tiles, String attribution) {
}
