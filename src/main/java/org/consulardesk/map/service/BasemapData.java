package org.consulardesk.map.service;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The bundled Natural Earth basemap (public domain) and GeoNames places (CC BY 4.0), read once on
 * first use: land polygons and country borders at two scales (1:50m for small zooms, 1:10m for the
 * rest), country name points and populated places. Built by {@code tools/basemap/build-basemap.js};
 * sources and licences in {@code src/main/resources/org/consulardesk/map/SOURCE.txt}.
 */
public final class BasemapData {
    static final String DIR = "/org/consulardesk/map/";
    private static volatile BasemapData bundled;

    /**
     * A polyline or ring in Web Mercator unit coordinates (x 0..1 from 180 W, y 0..1 from the north),
     * projected once at load so that drawing a tile is only scaling. Longitudes are unwrapped, so a
     * ring crossing the antimeridian continues beyond 0..1 instead of jumping across the world.
     * Chunks of {@link #CHUNK} points carry their own boxes: a tile draws only the chunks it touches.
     */
    public record Line(float[] xy, float minX, float minY, float maxX, float maxY, float[] chunkBoxes) {
        public static final int CHUNK = 64;

        static Line of(double[] lonLat) {
            int n = lonLat.length / 2;
            float[] xy = new float[n * 2];
            double offset = 0;
            double lastLon = Double.NaN;
            for (int i = 0; i < n; i++) {
                double lon = lonLat[2 * i];
                if (!Double.isNaN(lastLon) && Math.abs(lon - lastLon) > 180) {
                    offset += lon > lastLon ? -360 : 360;
                }
                lastLon = lon;
                xy[2 * i] = (float) ((lon + offset + 180.0) / 360.0);
                xy[2 * i + 1] = (float) (TileMath.pixelY(lonLat[2 * i + 1], 0) / TileMath.TILE_SIZE);
            }
            return ofProjected(xy);
        }

        /** A line of points already in unit Mercator coordinates, with its chunk boxes. */
        static Line ofProjected(float[] xy) {
            int n = xy.length / 2;
            int chunks = Math.max(1, (n + CHUNK - 2) / (CHUNK - 1));
            float[] boxes = new float[chunks * 4];
            float minX = Float.MAX_VALUE;
            float minY = Float.MAX_VALUE;
            float maxX = -Float.MAX_VALUE;
            float maxY = -Float.MAX_VALUE;
            for (int c = 0; c < chunks; c++) {
                int from = c * (CHUNK - 1);
                int to = Math.min(n - 1, from + CHUNK - 1);
                float a = Float.MAX_VALUE;
                float b = Float.MAX_VALUE;
                float d = -Float.MAX_VALUE;
                float e = -Float.MAX_VALUE;
                for (int i = from; i <= to; i++) {
                    a = Math.min(a, xy[2 * i]);
                    b = Math.min(b, xy[2 * i + 1]);
                    d = Math.max(d, xy[2 * i]);
                    e = Math.max(e, xy[2 * i + 1]);
                }
                boxes[4 * c] = a;
                boxes[4 * c + 1] = b;
                boxes[4 * c + 2] = d;
                boxes[4 * c + 3] = e;
                minX = Math.min(minX, a);
                minY = Math.min(minY, b);
                maxX = Math.max(maxX, d);
                maxY = Math.max(maxY, e);
            }
            return new Line(xy, minX, minY, maxX, maxY, boxes);
        }

        public int points() {
            return xy.length / 2;
        }

        /** Whether the box (unit coordinates) overlaps this line's box shifted by {@code dx}. */
        public boolean intersects(double dx, double x0, double y0, double x1, double y1) {
            return minX + dx <= x1 && maxX + dx >= x0 && minY <= y1 && maxY >= y0;
        }
    }

    /** A land polygon: outer ring first, holes after. */
    public record Polygon(List<Line> rings) {
        public Line outer() {
            return rings.get(0);
        }
    }

    public record Layer(List<Polygon> land, List<Line> borders) {
    }

    public record CountryLabel(String name, double lon, double lat, double area) {
    }

    public record City(String name, String countryCode, double lat, double lon, int population, boolean capital) {
    }

    /** A first-level subdivision's name at a point well inside its largest part; its area in km2. */
    public record Admin1Label(String name, String hasc, double lon, double lat, double areaKm2) {
    }

    /** A point of the 0.5-degree grid well inside a first-level subdivision (for names in close views). */
    public record Admin1GridPoint(Admin1Label label, double lon, double lat) {
    }

    private final Layer coarse;
    private final Layer detailed;
    private final List<CountryLabel> countries;
    private final List<City> cities;
    private final List<Line> admin1;
    private final List<Admin1Label> admin1Labels;
    private final List<Admin1GridPoint> admin1Grid;
    /** Lines simplified for zooms 0 to {@link #MAX_SIMPLIFIED_ZOOM}, indexed by zoom; then the full detail. */
    private final BasemapZoom[] zooms = new BasemapZoom[MAX_SIMPLIFIED_ZOOM + 1];
    private final BasemapZoom fullDetail;

    /**
     * Beyond this zoom the lines are drawn as stored (only culled by the index and thinned to half a
     * pixel while drawn). Measured: simplifying the 1:10m lines for zooms 5 to 7 dropped 15-45 % of
     * their points but made no difference to the tile times that could be told from noise, and cost
     * about half a second more when the basemap is first read.
     */
    public static final int MAX_SIMPLIFIED_ZOOM = 4;

    private BasemapData() {
        coarse = readLayer("basemap-50m.bin.gz");
        detailed = readLayer("basemap-10m.bin.gz");
        admin1 = readLines("admin1.bin.gz", "NEA1");
        admin1Labels = rows("admin1-labels.tsv.gz").stream().map(f -> new Admin1Label(f[0], f[1], Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4]))).toList();
        admin1Grid = rows("admin1-grid.tsv.gz").stream().map(f -> new Admin1GridPoint(admin1Labels.get(Integer.parseInt(f[0])),
                Double.parseDouble(f[1]), Double.parseDouble(f[2]))).toList();
        countries = readCountries();
        cities = readCities();
        // Each zoom is simplified from the next closer one (BasemapZoom), the first from the stored lines.
        BasemapZoom closer = null;
        for (int z = MAX_SIMPLIFIED_ZOOM; z >= 0; z--) {
            BasemapData.Layer source = closer == null || z == COARSE_BELOW - 1 ? layerFor(z) : closer.layer();
            zooms[z] = new BasemapZoom(z, source, closer == null ? admin1 : closer.admin1());
            closer = zooms[z];
        }
        fullDetail = new BasemapZoom(-1, detailed, admin1);
    }

    /** The land and borders to draw at a zoom: simplified to a fraction of a pixel and indexed. */
    public BasemapZoom at(int zoom) {
        return zoom <= MAX_SIMPLIFIED_ZOOM ? zooms[Math.max(0, zoom)] : fullDetail;
    }

    public static BasemapData bundled() {
        BasemapData d = bundled;
        if (d == null) {
            synchronized (BasemapData.class) {
                d = bundled;
                if (d == null) {
                    d = new BasemapData();
                    bundled = d;
                }
            }
        }
        return d;
    }

    /** The stored lines: 1:50m below zoom {@value #COARSE_BELOW}, 1:10m from there on (not simplified). */
    public Layer layerFor(int zoom) {
        return zoom < COARSE_BELOW ? coarse : detailed;
    }

    /** Zoom from which the 1:10m lines are drawn. */
    static final int COARSE_BELOW = 5;

    /** First-level administrative borders inside countries (states, provinces, regions). */
    public List<Line> admin1() {
        return admin1;
    }

    /** Names of first-level subdivisions, largest first. */
    public List<Admin1Label> admin1Labels() {
        return admin1Labels;
    }

    /** Points of the 0.5-degree grid inside first-level subdivisions, largest subdivision first. */
    public List<Admin1GridPoint> admin1Grid() {
        return admin1Grid;
    }

    public List<CountryLabel> countries() {
        return countries;
    }

    /** Most populous first. */
    public List<City> cities() {
        return cities;
    }

    private static InputStream open(String name) throws IOException {
        InputStream raw = BasemapData.class.getResourceAsStream(DIR + name);
        if (raw == null) {
            throw new IllegalStateException("basemap resource missing: " + name);
        }
        return new GZIPInputStream(raw, 1 << 16);
    }

    private static Layer readLayer(String name) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(open(name), 1 << 16))) {
            byte[] magic = new byte[4];
            in.readFully(magic);
            if (!"NEB1".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IllegalStateException("not a basemap file: " + name);
            }
            int polygons = varint(in);
            List<Polygon> land = new ArrayList<>(polygons);
            for (int p = 0; p < polygons; p++) {
                int rings = varint(in);
                List<Line> rs = new ArrayList<>(rings);
                for (int r = 0; r < rings; r++) {
                    rs.add(points(in));
                }
                land.add(new Polygon(List.copyOf(rs)));
            }
            int lines = varint(in);
            List<Line> borders = new ArrayList<>(lines);
            for (int i = 0; i < lines; i++) {
                borders.add(points(in));
            }
            return new Layer(List.copyOf(land), List.copyOf(borders));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Line> readLines(String name, String expectedMagic) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(open(name), 1 << 16))) {
            byte[] magic = new byte[4];
            in.readFully(magic);
            if (!expectedMagic.equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new IllegalStateException("not a basemap lines file: " + name);
            }
            int lines = varint(in);
            List<Line> out = new ArrayList<>(lines);
            for (int i = 0; i < lines; i++) {
                out.add(points(in));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Line points(DataInputStream in) throws IOException {
        int n = varint(in);
        double[] c = new double[n * 2];
        long x = 0;
        long y = 0;
        for (int i = 0; i < n; i++) {
            x += zigzag(varint(in));
            y += zigzag(varint(in));
            c[2 * i] = x / 1e4;
            c[2 * i + 1] = y / 1e4;
        }
        return Line.of(c);
    }

    private static int varint(DataInputStream in) throws IOException {
        int value = 0;
        int shift = 0;
        while (true) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }

    private static long zigzag(int v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static List<String[]> rows(String name) {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<CountryLabel> readCountries() {
        return rows("countries.tsv.gz").stream().map(f -> new CountryLabel(f[0], Double.parseDouble(f[1]),
                Double.parseDouble(f[2]), Double.parseDouble(f[3]))).toList();
    }

    private static List<City> readCities() {
        return rows("cities.tsv.gz").stream().map(f -> new City(f[0], f[1], Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Integer.parseInt(f[4]), "1".equals(f[5]))).toList();
    }
}
