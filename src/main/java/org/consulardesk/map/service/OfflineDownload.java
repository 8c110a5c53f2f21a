package org.consulardesk.map.service;

import java.io.IOException;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.TileKey;

/**
 * "Prepare offline map": downloads the OpenStreetMap tiles of an area over a zoom range into the disk
 * cache while online. Resumable: tiles already cached are skipped, so running it again after a cut
 * or a cancel continues where it stopped. Capped to stay within the tile usage policy.
 */
public final class OfflineDownload {
    /** Most tiles one preparation may fetch (OpenStreetMap forbids bulk downloading). */
    public static final long MAX_TILES = 20_000;
    /** Average size of a standard OSM tile, for the estimate (measured over city and rural tiles). */
    public static final long AVERAGE_TILE_BYTES = 18_000;

    public record Estimate(long tiles, long alreadyCached, long bytes) {
        public long toFetch() {
            return tiles - alreadyCached;
        }
    }

    /** Result of a run: fetched now, skipped (cached), failed. */
    public record Outcome(long fetched, long skipped, long failed) {
    }

    private final BasemapService basemap;

    public OfflineDownload(BasemapService basemap) {
        this.basemap = basemap;
    }

    public static Estimate estimate(GeoBox box, int minZoom, int maxZoom, TileCache cache) {
        check(minZoom, maxZoom);
        long tiles = TileMath.tileCount(box, minZoom, maxZoom);
        long cached = 0;
        if (cache != null && tiles <= MAX_TILES) {
            for (TileKey t : TileMath.tiles(box, minZoom, maxZoom, MAX_TILES)) {
                if (cache.contains(t)) {
                    cached++;
                }
            }
        }
        return new Estimate(tiles, cached, (tiles - cached) * AVERAGE_TILE_BYTES);
    }

    public Outcome run(GeoBox box, int minZoom, int maxZoom, ProgressSink progress) {
        check(minZoom, maxZoom);
        if (!basemap.networkAllowed() || basemap.osm() == null) {
            throw new UserError("error.map.download.offline");
        }
        long total = TileMath.tileCount(box, minZoom, maxZoom);
        if (total > MAX_TILES) {
            throw new UserError("error.map.download.tooMany", total, MAX_TILES);
        }
        long done = 0;
        long fetched = 0;
        long skipped = 0;
        long failed = 0;
        for (TileKey t : TileMath.tiles(box, minZoom, maxZoom, MAX_TILES)) {
            progress.checkCancelled();
            if (basemap.cache().contains(t)) {
                skipped++;
            } else {
                try {
                    basemap.cache().put(t, basemap.osm().fetch(t));
                    fetched++;
                } catch (IOException e) {
                    failed++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ProgressSink.CancelledException();
                }
            }
            progress.progress(++done, total);
        }
        return new Outcome(fetched, skipped, failed);
    }

    private static void check(int minZoom, int maxZoom) {
        if (minZoom < 0 || maxZoom > 19 || minZoom > maxZoom) {
            throw new UserError("error.map.download.zoom");
        }
    }
}
