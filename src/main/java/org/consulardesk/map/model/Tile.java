package org.consulardesk.map.model;

/** An encoded tile image (PNG or JPEG bytes) and where it came from. */
public record Tile(TileKey key, byte[] image, TileOrigin origin) {
}
