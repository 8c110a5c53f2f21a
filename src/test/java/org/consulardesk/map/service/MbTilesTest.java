package org.consulardesk.map.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.consulardesk.core.UserError;
import org.consulardesk.map.model.MbTilesInfo;
import org.consulardesk.map.model.Tile;
import org.consulardesk.map.model.TileKey;
import org.consulardesk.map.model.TileOrigin;
import org.consulardesk.map.store.MbTilesFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MbTilesTest {
    @TempDir
    Path dir;

    private BasemapService basemap() {
        return new BasemapService(new TileCache(dir.resolve("cache")), dir.resolve("mbtiles"), BasemapRenderer.bundled(), null);
    }

    @Test
    void importedFileServesItsTilesWithRowsFlipped() {
        TileKey key = new TileKey(3, 4, 1);
        byte[] png = BasemapRenderer.bundled().renderPng(new TileKey(0, 0, 0));
        Path file = dir.resolve("post-city.mbtiles");
        MbTilesFile.create(file, "Post city", Map.of(key, png));

        BasemapService basemap = basemap();
        MbTilesInfo info = basemap.importMbTiles(file);
        assertThat(info.name()).isEqualTo("Post city");
        assertThat(info.tiles()).isEqualTo(1);
        Tile tile = basemap.tile(key);
        assertThat(tile.origin()).isEqualTo(TileOrigin.MBTILES);
        assertThat(tile.image()).isEqualTo(png);
        assertThat(basemap.tile(new TileKey(3, 4, 6)).origin()).isEqualTo(TileOrigin.RENDERED);
        // A new service (next start) finds the imported file again.
        assertThat(basemap().tile(key).origin()).isEqualTo(TileOrigin.MBTILES);
    }

    @Test
    void cachedTilesComeFirst() throws Exception {
        BasemapService basemap = basemap();
        TileKey key = new TileKey(2, 1, 1);
        basemap.cache().put(key, new byte[] {1, 2, 3});
        assertThat(basemap.tile(key).origin()).isEqualTo(TileOrigin.CACHE);
    }

    @Test
    void damagedOrForeignFilesAreRefusedWithAClearMessage() throws Exception {
        Path text = dir.resolve("notes.mbtiles");
        Files.writeString(text, "this is not a map ".repeat(200));
        assertThatThrownBy(() -> basemap().importMbTiles(text)).isInstanceOf(UserError.class)
                .hasMessageContaining("notes.mbtiles").hasMessageContaining("damaged");

        Path truncated = dir.resolve("cut.mbtiles");
        Path good = dir.resolve("good.mbtiles");
        MbTilesFile.create(good, "x", Map.of(new TileKey(1, 0, 0), new byte[] {1}));
        byte[] bytes = Files.readAllBytes(good);
        bytes[100] ^= 0x55;
        bytes[16] = 0;
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> basemap().importMbTiles(truncated)).isInstanceOf(UserError.class)
                .extracting(e -> ((UserError) e).key()).isEqualTo("error.map.mbtiles.corrupt");
        assertThat(basemap().imported()).isEmpty();
    }
}
