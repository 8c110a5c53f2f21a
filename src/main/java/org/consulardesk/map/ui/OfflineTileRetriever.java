package org.consulardesk.map.ui;

import com.gluonhq.maps.tile.TileRetriever;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.image.Image;
import org.consulardesk.map.model.TileKey;
import org.consulardesk.map.service.BasemapService;

/**
 * Gluon Maps' tile source, registered with the service loader
 * ({@code META-INF/services/com.gluonhq.maps.tile.TileRetriever}) so the map never reaches for
 * OpenStreetMap on its own: every tile comes from {@link BasemapService} (cache, MBTiles, network
 * only if allowed, else drawn locally), on two background threads.
 */
public final class OfflineTileRetriever implements TileRetriever {
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "map-tiles");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private static volatile BasemapService service;

    /** The basemap every map view of this process uses (the map screen sets it; it starts offline). */
    public static BasemapService service() {
        BasemapService s = service;
        if (s == null) {
            synchronized (OfflineTileRetriever.class) {
                s = service;
                if (s == null) {
                    s = BasemapService.workstation();
                    service = s;
                }
            }
        }
        return s;
    }

    public static void use(BasemapService basemap) {
        service = basemap;
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        long n = 1L << zoom;
        if (j < 0 || j >= n) {
            return CompletableFuture.completedFuture(null);
        }
        TileKey key = new TileKey(zoom, Math.floorMod(i, n), j);
        return CompletableFuture.supplyAsync(() -> new Image(new ByteArrayInputStream(service().tile(key).image())), WORKERS);
    }
}
