package org.consulardesk.map.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.consulardesk.core.AtomicFiles;
import org.consulardesk.map.model.TileKey;

/**
 * Downloaded tiles on disk, one file per tile ({@code <dir>/<z>/<x>/<y>.png}), in a per-user
 * folder that outlives the process (under the workstation state folder, see {@link #defaultDir()}).
 * Map tiles hold no personal data.
 */
public final class TileCache {
    private final Path dir;

    public TileCache(Path dir) {
        this.dir = dir;
    }

    /** {@code <state dir>/map-tiles/osm}. */
    public static Path defaultDir() {
        return org.consulardesk.core.AppPaths.stateDir().resolve("map-tiles").resolve("osm");
    }

    public Path dir() {
        return dir;
    }

    Path file(TileKey t) {
        return dir.resolve(Integer.toString(t.z())).resolve(Long.toString(t.x())).resolve(t.y() + ".png");
    }

    public boolean contains(TileKey t) {
        return Files.isRegularFile(file(t));
    }

    public Optional<byte[]> get(TileKey t) {
        Path f = file(t);
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes atomically, so a download cut off half-way never leaves a broken tile behind. */
    public void put(TileKey t, byte[] image) throws IOException {
        Path f = file(t);
        Files.createDirectories(f.getParent());
        AtomicFiles.write(f, image);
    }
}
