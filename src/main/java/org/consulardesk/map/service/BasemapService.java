package org.consulardesk.map.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.consulardesk.core.AppPaths;
import org.consulardesk.core.UserError;
import org.consulardesk.map.model.MbTilesInfo;
import org.consulardesk.map.model.Tile;
import org.consulardesk.map.model.TileKey;
import org.consulardesk.map.model.TileOrigin;
import org.consulardesk.map.store.MbTilesFile;

/**
 * The basemap, offline first: a tile comes from the disk cache, else from an imported MBTiles file,
 * else (only when network use is allowed) from OpenStreetMap, cached on the way, else it is drawn
 * here from the bundled Natural Earth data. It never fails: the last source always answers.
 */
public final class BasemapService {
    private final TileCache cache;
    private final Path mbtilesDir;
    private final List<MbTilesFile> mbtiles = new CopyOnWriteArrayList<>();
    private final BasemapRenderer renderer;
    private final OsmTiles osm;
    private volatile boolean networkAllowed;

    public BasemapService(TileCache cache, Path mbtilesDir, BasemapRenderer renderer, OsmTiles osm) {
        this.cache = cache;
        this.mbtilesDir = mbtilesDir;
        this.renderer = renderer;
        this.osm = osm;
        openImported();
    }

    /** The workstation's basemap: cache and imported files under the state folder, network off until allowed. */
    public static BasemapService workstation() {
        Path base = AppPaths.stateDir().resolve("map-tiles");
        return new BasemapService(new TileCache(base.resolve("osm")), base.resolve("mbtiles"), BasemapRenderer.bundled(),
                new OsmTiles(BasemapService.class.getPackage().getImplementationVersion()));
    }

    public void setNetworkAllowed(boolean allowed) {
        this.networkAllowed = allowed;
    }

    public boolean networkAllowed() {
        return networkAllowed;
    }

    public TileCache cache() {
        return cache;
    }

    OsmTiles osm() {
        return osm;
    }

    public Tile tile(TileKey key) {
        Optional<byte[]> cached = cache.get(key);
        if (cached.isPresent()) {
            return new Tile(key, cached.get(), TileOrigin.CACHE);
        }
        for (MbTilesFile file : mbtiles) {
            Optional<byte[]> found = file.tile(key);
            if (found.isPresent()) {
                return new Tile(key, found.get(), TileOrigin.MBTILES);
            }
        }
        if (networkAllowed && osm != null) {
            try {
                byte[] image = osm.fetch(key);
                cache.put(key, image);
                return new Tile(key, image, TileOrigin.NETWORK);
            } catch (IOException e) {
                // Offline or refused: the bundled basemap answers instead.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Tile(key, renderer.renderPng(key), TileOrigin.RENDERED);
    }

    /** Imported MBTiles files, in the order they are tried. */
    public List<MbTilesInfo> imported() {
        return mbtiles.stream().map(MbTilesFile::info).toList();
    }

    /**
     * Checks an MBTiles file and copies it into the workstation's map folder so it serves tiles from
     * now on; a file that is not a readable raster MBTiles is refused with a clear message.
     */
    public MbTilesInfo importMbTiles(Path source) {
        MbTilesInfo info;
        try (MbTilesFile checked = MbTilesFile.open(source)) {
            info = checked.info();
        }
        try {
            Files.createDirectories(mbtilesDir);
            Path target = mbtilesDir.resolve(source.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_"));
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            mbtiles.removeIf(f -> {
                if (f.file().equals(target)) {
                    f.close();
                    return true;
                }
                return false;
            });
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            mbtiles.add(0, MbTilesFile.open(target));
        } catch (IOException e) {
            throw new UserError(e, "error.map.mbtiles.copy", String.valueOf(source.getFileName()));
        }
        return info;
    }

    private void openImported() {
        if (mbtilesDir == null || !Files.isDirectory(mbtilesDir)) {
            return;
        }
        List<MbTilesFile> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(mbtilesDir, "*.mbtiles")) {
            for (Path f : files) {
                try {
                    found.add(MbTilesFile.open(f));
                } catch (UserError e) {
                    // A damaged file is skipped; importing it again replaces it.
                }
            }
        } catch (IOException e) {
            return;
        }
        mbtiles.addAll(found);
    }
}
