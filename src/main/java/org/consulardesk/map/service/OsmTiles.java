package org.consulardesk.map.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.consulardesk.map.model.TileKey;

/**
 * OpenStreetMap's standard tiles, fetched only when the user allowed network use. Follows the tile
 * usage policy: a User-Agent naming the application, at most two connections at a time, a pause
 * between requests, every tile kept in the disk cache (the caller does that) and attribution shown
 * on the map. Heavy use must move to a commercial provider or an MBTiles file.
 */
public final class OsmTiles {
    public static final String ATTRIBUTION = "\u00a9 OpenStreetMap contributors";
    static final String URL = "https://tile.openstreetmap.org/%d/%d/%d.png";
    private static final Semaphore CONNECTIONS = new Semaphore(2);
    private static final long MIN_INTERVAL_NANOS = Duration.ofMillis(150).toNanos();
    private static final Object PACE = new Object();
    private static long lastRequest;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String userAgent;

    public OsmTiles(String version) {
        this.userAgent = "ConsularDesk/" + (version == null ? "dev" : version)
                + " (desktop consular crisis management; GPL-3.0-or-later)";
    }

    public String userAgent() {
        return userAgent;
    }

    public byte[] fetch(TileKey t) throws IOException, InterruptedException {
        CONNECTIONS.acquire();
        try {
            pace();
            HttpRequest request = HttpRequest.newBuilder(URI.create(String.format(URL, t.z(), t.x(), t.y())))
                    .header("User-Agent", userAgent).timeout(Duration.ofSeconds(20)).GET().build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("tile server answered " + response.statusCode());
            }
            return response.body();
        } finally {
            CONNECTIONS.release();
        }
    }

    private static void pace() throws InterruptedException {
        synchronized (PACE) {
            long wait = lastRequest + MIN_INTERVAL_NANOS - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            lastRequest = System.nanoTime();
        }
    }
}
