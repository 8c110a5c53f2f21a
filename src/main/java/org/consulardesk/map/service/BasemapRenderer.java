package org.consulardesk.map.service;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.consulardesk.map.model.TileKey;

/**
 * Draws basemap tiles on this machine from the bundled Natural Earth data: sea, land, coastlines,
 * country borders, first-level (province) borders and names, country names and populated places (more of them the closer one zooms in).
 * Needs no network and no display (Java2D, headless). Thread-safe: each call draws its own image.
 */
public final class BasemapRenderer {
    static final Color SEA = new Color(0xAAD3DF);
    static final Color LAND = new Color(0xF2EFE9);
    static final Color COAST = new Color(0x7DA7C0);
    static final Color BORDER = new Color(0x9E7FA8);
    static final Color ADMIN1 = new Color(0xB9A6BF);
    /** Zoom from which first-level administrative borders are drawn. */
    static final int ADMIN1_ZOOM = 3;
    static final Color COUNTRY_TEXT = new Color(0x6F5A7E);
    static final Color ADMIN1_TEXT = new Color(0x8A7898);
    /** A province is named when it is at least this many times as wide on screen as its name. */
    static final double ADMIN1_NAME_FIT = 1.6;
    /** Zoom from which province names repeat across the province (its one label point is then mostly off screen). */
    static final int ADMIN1_REPEAT_ZOOM = 8;
    static final Color CITY_TEXT = new Color(0x222222);
    static final Color HALO = new Color(255, 255, 255, 220);
    /** Labels of places this far outside the tile are still considered, so labels cut by an edge continue on the next tile. */
    private static final int MARGIN = 160;

    private static final Font CITY_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font CITY_FONT_CLOSE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font CAPITAL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final Font CAPITAL_FONT_CLOSE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font COUNTRY_FONT_FAR = new Font(Font.SANS_SERIF, Font.BOLD, 10);
    private static final Font COUNTRY_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font ADMIN1_FONT_FAR = new Font(Font.SANS_SERIF, Font.PLAIN, 10)
            .deriveFont(java.util.Map.of(java.awt.font.TextAttribute.TRACKING, 0.12));
    private static final Font ADMIN1_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11)
            .deriveFont(java.util.Map.of(java.awt.font.TextAttribute.TRACKING, 0.12));

    private final BasemapData data;
    private final LabelSprites labels = new LabelSprites();
    /** Each drawing thread's tile image, reused for every PNG it draws (the PNG is a copy). */
    private final ThreadLocal<BufferedImage> canvas = ThreadLocal.withInitial(
            () -> new BufferedImage(TileMath.TILE_SIZE, TileMath.TILE_SIZE, BufferedImage.TYPE_INT_RGB));

    public BasemapRenderer(BasemapData data) {
        this.data = data;
    }

    public static BasemapRenderer bundled() {
        return new BasemapRenderer(BasemapData.bundled());
    }

    public byte[] renderPng(TileKey tile) {
        BufferedImage image = canvas.get();
        draw(tile, image);
        return PngEncoder.encode(image);
    }

    public BufferedImage render(TileKey tile) {
        BufferedImage image = new BufferedImage(TileMath.TILE_SIZE, TileMath.TILE_SIZE, BufferedImage.TYPE_INT_RGB);
        draw(tile, image);
        return image;
    }

    /** Draws the whole tile over whatever the image held (the sea is painted first, over all of it). */
    private void draw(TileKey tile, BufferedImage image) {
        int size = TileMath.TILE_SIZE;
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(SEA);
            g.fillRect(0, 0, size, size);
            Frame f = new Frame(tile);
            BasemapZoom lines = data.at(tile.z());
            drawLand(g, f, lines);
            drawAdmin1(g, f, lines);
            drawBorders(g, f, lines);
            List<Rectangle2D> taken = new ArrayList<>();
            drawCities(g, f, taken);
            drawCountries(g, f, taken);
            drawAdmin1Names(g, f, taken);
        } finally {
            g.dispose();
        }
    }

    /** Pixel frame of one tile, with the box of the tile (unit Mercator coordinates) plus a margin for culling. */
    private static final class Frame {
        final int z;
        final double scale;
        final double originX;
        final double originY;
        final double x0;
        final double y0;
        final double x1;
        final double y1;
        final double labelWest;
        final double labelEast;
        final double labelSouth;
        final double labelNorth;

        Frame(TileKey t) {
            z = t.z();
            scale = TileMath.TILE_SIZE * Math.pow(2, z);
            originX = t.x() * (double) TileMath.TILE_SIZE;
            originY = t.y() * (double) TileMath.TILE_SIZE;
            double pad = 4;
            x0 = (originX - pad) / scale;
            x1 = (originX + TileMath.TILE_SIZE + pad) / scale;
            y0 = (originY - pad) / scale;
            y1 = (originY + TileMath.TILE_SIZE + pad) / scale;
            labelWest = TileMath.lonOfPixel(originX - MARGIN, z);
            labelEast = TileMath.lonOfPixel(originX + TileMath.TILE_SIZE + MARGIN, z);
            labelNorth = TileMath.latOfPixel(Math.max(0, originY - MARGIN), z);
            labelSouth = TileMath.latOfPixel(Math.min(scale, originY + TileMath.TILE_SIZE + MARGIN), z);
        }

        double x(double lon) {
            return TileMath.pixelX(lon, z) - originX;
        }

        double y(double lat) {
            return TileMath.pixelY(lat, z) - originY;
        }
    }

    private static final double[] WRAPS = {0, -1, 1};

    private static void drawLand(Graphics2D g, Frame f, BasemapZoom lines) {
        float coastWidth = f.z < 3 ? 0.6f : f.z < 7 ? 0.9f : 1.3f;
        Path2D.Double fill = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        Path2D.Double coast = new Path2D.Double();
        Clipper clipper = new Clipper(-4, -4, TileMath.TILE_SIZE + 4, TileMath.TILE_SIZE + 4);
        for (double dx : WRAPS) {
            for (BasemapData.Polygon polygon : lines.land(f.x0 - dx, f.y0, f.x1 - dx, f.y1)) {
                for (BasemapData.Line ring : polygon.rings()) {
                    if (ring.intersects(dx, f.x0, f.y0, f.x1, f.y1)) {
                        clipper.appendClipped(fill, ring, f, dx);
                        appendChunks(coast, ring, f, dx);
                    }
                }
            }
        }
        g.setColor(LAND);
        g.fill(fill);
        g.setColor(COAST);
        g.setStroke(new BasicStroke(coastWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(coast);
    }

    /** First-level administrative borders: thin and light, from zoom 3 on, dashed from zoom 6. */
    private static void drawAdmin1(Graphics2D g, Frame f, BasemapZoom lines) {
        if (f.z < ADMIN1_ZOOM) {
            return;
        }
        Path2D.Double all = new Path2D.Double();
        for (double dx : WRAPS) {
            for (BasemapData.Line line : lines.admin1(f.x0 - dx, f.y0, f.x1 - dx, f.y1)) {
                appendChunks(all, line, f, dx);
            }
        }
        float width = f.z < 5 ? 0.6f : f.z < 8 ? 1.0f : 1.3f;
        g.setColor(ADMIN1);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                f.z >= 6 ? new float[] {4f, 3f} : null, 0f));
        g.draw(all);
    }

    private static void drawBorders(Graphics2D g, Frame f, BasemapZoom lines) {
        float width = f.z < 3 ? 0.7f : f.z < 6 ? 1.0f : 1.6f;
        Path2D.Double all = new Path2D.Double();
        for (double dx : WRAPS) {
            for (BasemapData.Line line : lines.borders(f.x0 - dx, f.y0, f.x1 - dx, f.y1)) {
                appendChunks(all, line, f, dx);
            }
        }
        if (f.z >= 5) {
            // A soft wide band under the line, as on printed maps, so borders read at a glance.
            g.setColor(new Color(BORDER.getRed(), BORDER.getGreen(), BORDER.getBlue(), 50));
            g.setStroke(new BasicStroke(width * 4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(all);
        }
        g.setColor(BORDER);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                f.z >= 4 ? new float[] {6f, 2f, 1.5f, 2f} : null, 0f));
        g.draw(all);
    }

    /** Strokes only the chunks of a line that touch the tile, dropping points closer than half a pixel. */
    private static void appendChunks(Path2D.Double path, BasemapData.Line line, Frame f, double dx) {
        float[] xy = line.xy();
        float[] boxes = line.chunkBoxes();
        int n = line.points();
        boolean open = false;
        for (int c = 0; c < boxes.length / 4; c++) {
            if (boxes[4 * c] + dx > f.x1 || boxes[4 * c + 2] + dx < f.x0 || boxes[4 * c + 1] > f.y1 || boxes[4 * c + 3] < f.y0) {
                open = false;
                continue;
            }
            int from = c * (BasemapData.Line.CHUNK - 1);
            int to = Math.min(n - 1, from + BasemapData.Line.CHUNK - 1);
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            for (int i = from; i <= to; i++) {
                double x = (xy[2 * i] + dx) * f.scale - f.originX;
                double y = xy[2 * i + 1] * f.scale - f.originY;
                if (i == from && !open) {
                    path.moveTo(x, y);
                } else if (Math.abs(x - lastX) + Math.abs(y - lastY) < 0.5 && i < to) {
                    continue;
                } else {
                    path.lineTo(x, y);
                }
                lastX = x;
                lastY = y;
            }
            open = true;
        }
    }

    /**
     * Sutherland-Hodgman clipping of a ring to a rectangle around the tile, so that filling costs
     * the same for a continent as for an island.
     */
    private static final class Clipper {
        private final double minX;
        private final double minY;
        private final double maxX;
        private final double maxY;
        private double[] a = new double[1024];
        private double[] b = new double[1024];

        Clipper(double minX, double minY, double maxX, double maxY) {
            this.minX = minX;
            this.minY = minY;
            this.maxX = maxX;
            this.maxY = maxY;
        }

        void appendClipped(Path2D.Double path, BasemapData.Line ring, Frame f, double dx) {
            float[] xy = ring.xy();
            int n = 0;
            a = ensure(a, xy.length);
            double lastX = Double.NaN;
            double lastY = Double.NaN;
            float[] boxes = ring.chunkBoxes();
            int points = ring.points();
            for (int c = 0; c < boxes.length / 4; c++) {
                int from = c * (BasemapData.Line.CHUNK - 1);
                int to = Math.min(points - 1, from + BasemapData.Line.CHUNK - 1);
                // A chunk wholly beyond one edge of the clip rectangle clips exactly like the segment
                // between its end points (a half-plane is convex): keep only those two.
                boolean beyond = (boxes[4 * c + 2] + dx) * f.scale - f.originX < minX
                        || (boxes[4 * c] + dx) * f.scale - f.originX > maxX
                        || boxes[4 * c + 3] * f.scale - f.originY < minY
                        || boxes[4 * c + 1] * f.scale - f.originY > maxY;
                int step = beyond ? Math.max(1, to - from) : 1;
                for (int i = from; i <= to; i += step) {
                    double x = (xy[2 * i] + dx) * f.scale - f.originX;
                    double y = xy[2 * i + 1] * f.scale - f.originY;
                    if (n > 0 && Math.abs(x - lastX) + Math.abs(y - lastY) < 0.5) {
                        continue;
                    }
                    a[2 * n] = x;
                    a[2 * n + 1] = y;
                    n++;
                    lastX = x;
                    lastY = y;
                }
            }
            for (int edge = 0; edge < 4 && n > 0; edge++) {
                n = clipEdge(n, edge);
            }
            if (n < 3) {
                return;
            }
            path.moveTo(a[0], a[1]);
            for (int i = 1; i < n; i++) {
                path.lineTo(a[2 * i], a[2 * i + 1]);
            }
            path.closePath();
        }

        /** Clips the ring in {@code a} against one edge into {@code b}, then swaps them; returns the new point count. */
        private int clipEdge(int n, int edge) {
            b = ensure(b, n * 4 + 8);
            int m = 0;
            double px = a[2 * (n - 1)];
            double py = a[2 * (n - 1) + 1];
            boolean pIn = inside(px, py, edge);
            for (int i = 0; i < n; i++) {
                double cx = a[2 * i];
                double cy = a[2 * i + 1];
                boolean cIn = inside(cx, cy, edge);
                if (cIn != pIn) {
                    double t = switch (edge) {
                        case 0 -> (minX - px) / (cx - px);
                        case 1 -> (maxX - px) / (cx - px);
                        case 2 -> (minY - py) / (cy - py);
                        default -> (maxY - py) / (cy - py);
                    };
                    b[2 * m] = px + t * (cx - px);
                    b[2 * m + 1] = py + t * (cy - py);
                    m++;
                }
                if (cIn) {
                    b[2 * m] = cx;
                    b[2 * m + 1] = cy;
                    m++;
                }
                px = cx;
                py = cy;
                pIn = cIn;
            }
            double[] t = a;
            a = b;
            b = t;
            return m;
        }

        private boolean inside(double x, double y, int edge) {
            return switch (edge) {
                case 0 -> x >= minX;
                case 1 -> x <= maxX;
                case 2 -> y >= minY;
                default -> y <= maxY;
            };
        }

        private static double[] ensure(double[] array, int size) {
            return array.length >= size ? array : new double[Math.max(size, array.length * 2)];
        }
    }

    /** Smallest population of a place labelled at a zoom (capitals from zoom 3 whatever their size). */
    static int minPopulation(int z) {
        return switch (z) {
            case 0, 1 -> Integer.MAX_VALUE;
            case 2 -> 8_000_000;
            case 3 -> 3_000_000;
            case 4 -> 1_500_000;
            case 5 -> 700_000;
            case 6 -> 300_000;
            case 7 -> 120_000;
            case 8 -> 60_000;
            case 9 -> 30_000;
            default -> 0;
        };
    }

    private void drawCities(Graphics2D g, Frame f, List<Rectangle2D> taken) {
        int min = minPopulation(f.z);
        boolean capitals = f.z >= 3;
        Font font = f.z >= 8 ? CITY_FONT_CLOSE : CITY_FONT;
        Font capitalFont = f.z >= 8 ? CAPITAL_FONT_CLOSE : CAPITAL_FONT;
        for (BasemapData.City city : data.cities()) {
            if (city.population() < min && !(capitals && city.capital())) {
                if (!capitals) {
                    break;
                }
                continue;
            }
            if (!inLabelArea(f, city.lat(), city.lon())) {
                continue;
            }
            double x = f.x(city.lon());
            double y = f.y(city.lat());
            Font use = city.capital() ? capitalFont : font;
            LabelSprites.Label label = labels.get(city.name(), use, CITY_TEXT);
            Rectangle2D text = label.bounds();
            double tx = x + 5;
            double ty = y + text.getHeight() / 2 - 1;
            Rectangle2D box = new Rectangle2D.Double(x - 4, ty - text.getHeight() - 2, text.getWidth() + 11, text.getHeight() + 5);
            if (taken.stream().anyMatch(box::intersects)) {
                continue;
            }
            taken.add(box);
            double r = city.capital() ? 3.5 : 2.5;
            Shape dot = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(dot);
            g.setColor(CITY_TEXT);
            g.fill(dot);
            if (city.capital()) {
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(x - 1.2, y - 1.2, 2.4, 2.4));
            }
            label.draw(g, tx, ty);
        }
    }

    private void drawCountries(Graphics2D g, Frame f, List<Rectangle2D> taken) {
        if (f.z < 2 || f.z > 7) {
            return;
        }
        double minArea = switch (f.z) {
            case 2 -> 120;
            case 3 -> 25;
            case 4 -> 4;
            default -> 0;
        };
        Font font = f.z <= 3 ? COUNTRY_FONT_FAR : COUNTRY_FONT;
        for (BasemapData.CountryLabel c : data.countries()) {
            if (c.area() < minArea || !inLabelArea(f, c.lat(), c.lon())) {
                continue;
            }
            LabelSprites.Label label = labels.get(c.name().toUpperCase(Locale.ROOT), font, COUNTRY_TEXT);
            Rectangle2D text = label.bounds();
            double tx = f.x(c.lon()) - text.getWidth() / 2;
            double ty = f.y(c.lat()) + text.getHeight() / 2;
            Rectangle2D box = new Rectangle2D.Double(tx - 2, ty - text.getHeight() - 2, text.getWidth() + 4, text.getHeight() + 4);
            if (taken.stream().anyMatch(box::intersects)) {
                continue;
            }
            taken.add(box);
            label.draw(g, tx, ty);
        }
    }

    /**
     * Names of first-level subdivisions where their borders are drawn, in spaced grey-violet capitals
     * below the places and countries (drawn last, never over another label), and only for a province
     * wide enough on screen to hold its name comfortably: a few large states at zoom 3, most provinces
     * of a country at zoom 6 to 8, the one around the city at city level.
     */
    private void drawAdmin1Names(Graphics2D g, Frame f, List<Rectangle2D> taken) {
        if (f.z < ADMIN1_ZOOM) {
            return;
        }
        Font font = f.z < 6 ? ADMIN1_FONT_FAR : ADMIN1_FONT;
        double pixelsPerKm = f.scale / 40_075.0;
        java.util.Map<BasemapData.Admin1Label, double[]> drawn = new java.util.IdentityHashMap<>();
        for (BasemapData.Admin1Label a : data.admin1Labels()) {
            double widthPx = Math.sqrt(a.areaKm2()) * pixelsPerKm / Math.max(0.05, Math.cos(Math.toRadians(a.lat())));
            if (admin1Name(g, f, taken, font, a, a.lon(), a.lat(), widthPx)) {
                drawn.put(a, new double[] {f.x(a.lon()), f.y(a.lat())});
            }
        }
        if (f.z < ADMIN1_REPEAT_ZOOM) {
            return;
        }
        // Closer in, a province's one label point is mostly off screen: its name repeats on a grid
        // about two tiles apart or more (0.5-degree points, every 2nd, 4th, ... of them by zoom).
        double pixelsPerDegree = f.scale / 360;
        double step = 0.5;
        while (step * pixelsPerDegree < 2 * TileMath.TILE_SIZE && step < 8) {
            step *= 2;
        }
        for (BasemapData.Admin1GridPoint p : data.admin1Grid()) {
            if (!inLabelArea(f, p.lat(), p.lon())) {
                continue;
            }
            double i = p.lon() / step;
            double j = p.lat() / step;
            if (Math.abs(i - Math.rint(i)) > 1e-6 || Math.abs(j - Math.rint(j)) > 1e-6) {
                continue;
            }
            double[] near = drawn.get(p.label());
            if (near != null && Math.hypot(near[0] - f.x(p.lon()), near[1] - f.y(p.lat())) < 160) {
                continue;
            }
            admin1Name(g, f, taken, font, p.label(), p.lon(), p.lat(), Double.MAX_VALUE);
        }
    }

    private boolean admin1Name(Graphics2D g, Frame f, List<Rectangle2D> taken, Font font,
                               BasemapData.Admin1Label a, double lon, double lat, double widthPx) {
        if (widthPx < 40 || !inLabelArea(f, lat, lon)) {
            return false;
        }
        String name = a.name().toUpperCase(Locale.ROOT);
        if (widthPx < name.length() * 7 * ADMIN1_NAME_FIT) {
            return false;
        }
        LabelSprites.Label label = labels.get(name, font, ADMIN1_TEXT);
        Rectangle2D text = label.bounds();
        if (widthPx < text.getWidth() * ADMIN1_NAME_FIT) {
            return false;
        }
        double tx = f.x(lon) - text.getWidth() / 2;
        // At its point, or just below or above it when a place's name is there (a province named after its city).
        for (double dy : new double[] {0, 2.2 * text.getHeight(), -2.2 * text.getHeight()}) {
            double ty = f.y(lat) + text.getHeight() / 2 + dy;
            Rectangle2D box = new Rectangle2D.Double(tx - 4, ty - text.getHeight() - 4, text.getWidth() + 8, text.getHeight() + 8);
            if (taken.stream().noneMatch(box::intersects)) {
                taken.add(box);
                label.draw(g, tx, ty);
                return true;
            }
        }
        return false;
    }

    private static boolean inLabelArea(Frame f, double lat, double lon) {
        return lat >= f.labelSouth && lat <= f.labelNorth && lon >= f.labelWest && lon <= f.labelEast;
    }
}
