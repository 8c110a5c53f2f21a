package org.consulardesk.map.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.TileKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arithmetic of "prepare offline map"; the download itself needs the network and is not tested here. */
class OfflineDownloadTest {
    @TempDir
    Path dir;

    @Test
    void estimateCountsTilesAndSkipsCachedOnes() throws Exception {
        TileCache cache = new TileCache(dir);
        GeoBox nairobi = new GeoBox(-1.40, 36.70, -1.15, 36.95);
        OfflineDownload.Estimate e = OfflineDownload.estimate(nairobi, 10, 12, cache);
        // 0.25 x 0.25 degrees: 2x2 tiles at zoom 10 (an edge falls inside), then about twice per axis per zoom.
        assertThat(e.tiles()).isEqualTo(TileMath.tileCount(nairobi, 10, 12));
        assertThat(e.tiles()).isBetween(10L, 60L);
        assertThat(e.alreadyCached()).isZero();
        assertThat(e.bytes()).isEqualTo(e.tiles() * OfflineDownload.AVERAGE_TILE_BYTES);

        TileKey first = TileMath.tiles(nairobi, 10, 10, 1).get(0);
        cache.put(first, new byte[] {1});
        OfflineDownload.Estimate again = OfflineDownload.estimate(nairobi, 10, 12, cache);
        assertThat(again.alreadyCached()).isEqualTo(1);
        assertThat(again.toFetch()).isEqualTo(e.tiles() - 1);
    }

    @Test
    void refusesWithoutPermissionToUseTheNetworkAndTooLargeRequests() {
        BasemapService offline = new BasemapService(new TileCache(dir), null, BasemapRenderer.bundled(), new OsmTiles("test"));
        OfflineDownload d = new OfflineDownload(offline);
        GeoBox box = new GeoBox(-1.4, 36.7, -1.15, 36.95);
        assertThat(TestKeys.key(() -> d.run(box, 10, 11, ProgressSink.NONE))).isEqualTo("error.map.download.offline");
        offline.setNetworkAllowed(true);
        assertThat(TestKeys.key(() -> d.run(GeoBox.WORLD, 0, 9, ProgressSink.NONE))).isEqualTo("error.map.download.tooMany");
        assertThat(TestKeys.key(() -> OfflineDownload.estimate(box, 12, 10, null))).isEqualTo("error.map.download.zoom");
    }

    static final class TestKeys {
        static String key(Runnable r) {
            try {
                r.run();
            } catch (UserError e) {
                return e.key();
            }
            throw new AssertionError("no error");
        }
    }
}
