package org.consulardesk.map.model;

/** Where a basemap tile came from, in the order they are tried. */
public enum TileOrigin {
    /** Downloaded earlier (online use or "prepare offline map") and kept in the per-user cache. */
    CACHE,
    /** An MBTiles file the post imported. */
    MBTILES,
    /** Fetched now from OpenStreetMap (only when network use is allowed in settings). */
    NETWORK,
    /** Drawn on this machine from the bundled Natural Earth data. */
    RENDERED
}
