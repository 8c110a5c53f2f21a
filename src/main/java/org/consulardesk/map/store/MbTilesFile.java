package org.consulardesk.map.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.consulardesk.core.UserError;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.MbTilesInfo;
import org.consulardesk.map.model.TileKey;
import org.sqlite.SQLiteConfig;

/**
 * A raster MBTiles 1.3 file (an SQLite database: {@code metadata} and {@code tiles} with TMS rows,
 * counted from the south), opened read-only. Anything else, or a damaged file, is refused with a
 * message the user can act on.
 */
public final class MbTilesFile implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final PreparedStatement select;
    private final MbTilesInfo info;

    private MbTilesFile(Path file, Connection connection, MbTilesInfo info) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.info = info;
        this.select = connection.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
    }

    /** Opens and checks a file: SQLite, intact, with the MBTiles tables and a raster format. */
    public static MbTilesFile open(Path file) {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new UserError("error.map.mbtiles.missing", name);
        }
        Connection c = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
                if (!rs.next() || !"ok".equalsIgnoreCase(rs.getString(1))) {
                    throw new UserError("error.map.mbtiles.corrupt", name);
                }
            }
            Map<String, String> meta = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name, value FROM metadata")) {
                while (rs.next()) {
                    meta.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                }
            }
            String format = meta.getOrDefault("format", "png").toLowerCase(Locale.ROOT);
            if (!format.equals("png") && !format.equals("jpg") && !format.equals("jpeg")) {
                throw new UserError("error.map.mbtiles.format", name, format);
            }
            long count;
            int minZoom;
            int maxZoom;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(zoom_level), MAX(zoom_level) FROM tiles")) {
                rs.next();
                count = rs.getLong(1);
                minZoom = rs.getInt(2);
                maxZoom = rs.getInt(3);
            }
            if (count == 0) {
                throw new UserError("error.map.mbtiles.empty", name);
            }
            MbTilesInfo info = new MbTilesInfo(name, meta.getOrDefault("name", name), format, minZoom, maxZoom,
                    bounds(meta.get("bounds")), count, meta.get("attribution"));
            return new MbTilesFile(file, c, info);
        } catch (SQLException e) {
            close(c);
            throw new UserError(e, "error.map.mbtiles.corrupt", name);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private static GeoBox bounds(String value) {
        if (value == null) {
            return null;
        }
        try {
            String[] f = value.split(",");
            return new GeoBox(Double.parseDouble(f[1].strip()), Double.parseDouble(f[0].strip()),
                    Double.parseDouble(f[3].strip()), Double.parseDouble(f[2].strip()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    public MbTilesInfo info() {
        return info;
    }

    public Path file() {
        return file;
    }

    /** The tile's image bytes; MBTiles counts rows from the south (TMS), tiles here from the north. */
    public synchronized Optional<byte[]> tile(TileKey t) {
        if (t.z() < info.minZoom() || t.z() > info.maxZoom()) {
            return Optional.empty();
        }
        try {
            select.setInt(1, t.z());
            select.setLong(2, t.x());
            select.setLong(3, (1L << t.z()) - 1 - t.y());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** Writes a new MBTiles file (tests and "prepare offline map" exports). */
    public static void create(Path file, String name, Map<TileKey, byte[]> tiles) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
                st.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
                st.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)");
            }
            try (PreparedStatement meta = c.prepareStatement("INSERT INTO metadata VALUES (?, ?)")) {
                for (String[] kv : new String[][] {{"name", name}, {"format", "png"}, {"type", "baselayer"}, {"version", "1.3"}}) {
                    meta.setString(1, kv[0]);
                    meta.setString(2, kv[1]);
                    meta.executeUpdate();
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<TileKey, byte[]> e : tiles.entrySet()) {
                    TileKey t = e.getKey();
                    insert.setInt(1, t.z());
                    insert.setLong(2, t.x());
                    insert.setLong(3, (1L << t.z()) - 1 - t.y());
                    insert.setBytes(4, e.getValue());
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write MBTiles file", e);
        }
    }

    @Override
    public synchronized void close() {
        close(connection);
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // read-only file: nothing to lose
            }
        }
    }
}
