package org.consulardesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.exercise.service.SampleData;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.InsideCover;
import org.consulardesk.map.model.LatLon;
import org.consulardesk.map.model.TileKey;
import org.consulardesk.map.service.AreaGeometry;
import org.consulardesk.map.service.BasemapRenderer;
import org.consulardesk.map.service.InsideService;
import org.consulardesk.map.service.LocalProjection;
import org.consulardesk.map.service.TileMath;
import org.consulardesk.registry.model.LocationCell;
import org.consulardesk.registry.service.LocationService;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Area queries ("who is inside" polygons of 1 to 25 km around where registrants live: the count from the
 * cell cover, ADR 0057) against the raw bounding-box query with the same result (every registrant in the
 * box tested in JTS) on the same table in the same run, both answers compared; the first page of names
 * and the breakdown of the first 20 areas; the map's clusters (views at zoom 2 to 14), and locally
 * rendered basemap tiles.
 */
@Command(name = "geo", mixinStandardHelpOptions = true)
final class BenchGeo implements Callable<Integer> {
    static final double GOAL_RATIO = 2.0;
    static final double GOAL_P95_MS = 200.0;
    static final double GOAL_TILE_MS = 50.0;
    /** Area queries whose first page of names and breakdown are timed too. */
    static final int BREAKDOWNS = 20;

    private final Terminal terminal;

    @Option(names = "--persons", defaultValue = "100000", paramLabel = "N", descriptionKey = "cli.option.persons")
    int persons;

    @Option(names = "--registry", paramLabel = "DIR", descriptionKey = "cli.option.benchRegistry")
    Path registry;

    @Option(names = "--upgrade", descriptionKey = "cli.option.upgrade")
    boolean upgrade;

    @Option(names = "--queries", defaultValue = "200", paramLabel = "Q", descriptionKey = "cli.option.queries")
    int queries;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", descriptionKey = "cli.option.seed")
    long seed;

    @Option(names = "--raw-areas", defaultValue = "-1", paramLabel = "K", descriptionKey = "cli.option.rawAreas")
    int rawAreas;

    @Option(names = "--detail", descriptionKey = "cli.option.geoDetail")
    boolean detail;

    @Option(names = "--tiles-only", descriptionKey = "cli.option.tilesOnly")
    boolean tilesOnly;

    /** Tiles timed (after {@link #TILES_WARMUP} untimed ones), at zoom 2 to 14 within 2 degrees of where registrants live. */
    static final int TILES = 200;
    /**
     * Untimed tiles first, so the timed ones run compiled code, as on a workstation after its first
     * few map views (a view is about 20 tiles). It was 20 until the fifth map change: then the first
     * timed tiles still ran partly interpreted, which made up much of the p95.
     */
    static final int TILES_WARMUP = 200;

    BenchGeo(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        if (tilesOnly) {
            return tilesOnly();
        }
        try (Session session = BenchRegistry.openOrCreate(terminal, registry, upgrade, "consulardesk-bench-geo-", persons, seed)) {
            LocationService locations = new LocationService(session);
            InsideService inside = new InsideService(session);
            int total = locations.atMost(-90, -180, 90, 180);
            List<LocationCell> places = locations.clusters(-90, -180, 90, 180, 10);
            SplittableRandom random = new SplittableRandom(seed);
            List<AreaGeometry> areas = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                LocationCell c = places.get(random.nextInt(places.size()));
                areas.add(AreaGeometry.of(polygon(new LatLon(c.latitude(), c.longitude()), 1 + random.nextDouble() * 24, random), 0));
            }
            int withRaw = rawAreas < 0 ? areas.size() : Math.max(1, Math.min(rawAreas, areas.size()));
            for (int i = 0; i < Math.min(20, areas.size()); i++) {
                inside.cover(areas.get(i));
                if (i < withRaw && (withRaw == areas.size() || i == 0)) {
                    raw(inside, areas.get(i));
                }
            }
            List<Double> areaMs = new ArrayList<>();
            List<Double> rawMs = new ArrayList<>();
            List<Double> pageMs = new ArrayList<>();
            List<Double> orderMs = new ArrayList<>();
            List<Double> laterPageMs = new ArrayList<>();
            List<Double> breakdownMs = new ArrayList<>();
            long found = 0;
            int disagree = 0;
            for (int i = 0; i < areas.size(); i++) {
                AreaGeometry a = areas.get(i);
                // Alternate which side runs first, so neither profits from pages the other just read.
                int rawCount = -1;
                boolean timeRaw = i < withRaw;
                if (timeRaw && i % 2 == 1) {
                    long t = System.nanoTime();
                    rawCount = raw(inside, a);
                    rawMs.add((System.nanoTime() - t) / 1e6);
                }
                long t = System.nanoTime();
                InsideCover cover = inside.cover(a);
                double ms = (System.nanoTime() - t) / 1e6;
                areaMs.add(ms);
                if (detail) {
                    terminal.out().println(Messages.get("cli.bench.geo.detail", i, fmt(ms), cover.count(), cover.cells().size(),
                            cover.boundaryCells().size(), cover.pointsTested()));
                }
                if (timeRaw && i % 2 == 0) {
                    t = System.nanoTime();
                    rawCount = raw(inside, a);
                    rawMs.add((System.nanoTime() - t) / 1e6);
                }
                if (timeRaw && rawCount != cover.count()) {
                    disagree++;
                }
                found += cover.count();
                if (i < BREAKDOWNS) {
                    t = System.nanoTime();
                    inside.page(cover, 0);
                    pageMs.add((System.nanoTime() - t) / 1e6);
                    t = System.nanoTime();
                    org.consulardesk.map.model.NameOrder order = inside.nameOrder(cover);
                    inside.page(order, 0);
                    orderMs.add((System.nanoTime() - t) / 1e6);
                    t = System.nanoTime();
                    inside.page(order, order.size() / InsideService.PAGE / 2);
                    laterPageMs.add((System.nanoTime() - t) / 1e6);
                    t = System.nanoTime();
                    inside.breakdown(cover);
                    breakdownMs.add((System.nanoTime() - t) / 1e6);
                }
            }
            List<Double> gridMs = new ArrayList<>();
            for (int z = 2; z <= 14; z++) {
                for (int k = 0; k < 5; k++) {
                    LocationCell c = places.get(random.nextInt(places.size()));
                    double span = 360 / Math.pow(2, z) * 5;
                    long t = System.nanoTime();
                    locations.clusters(Math.max(-90, c.latitude() - span / 3), Math.max(-180, c.longitude() - span / 2),
                            Math.min(90, c.latitude() + span / 3), Math.min(180, c.longitude() + span / 2), z);
                    gridMs.add((System.nanoTime() - t) / 1e6);
                }
            }
            List<LatLon> centres = places.stream().map(c -> new LatLon(c.latitude(), c.longitude())).toList();
            List<Double> tileMs = tileTimes(centres, random, null);
            terminal.out().println(Messages.get("cli.bench.geo.heading", total, queries, found / Math.max(1, queries),
                    Runtime.getRuntime().availableProcessors()));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"", "p50 (ms)", "p95 (ms)"});
            rows.add(row(Messages.get("cli.bench.geo.area"), areaMs));
            rows.add(row(Messages.get("cli.bench.geo.raw"), rawMs));
            rows.add(row(Messages.get("cli.bench.geo.page", BREAKDOWNS), pageMs));
            rows.add(row(Messages.get("cli.bench.geo.nameOrder", BREAKDOWNS), orderMs));
            rows.add(row(Messages.get("cli.bench.geo.laterPage", BREAKDOWNS), laterPageMs));
            rows.add(row(Messages.get("cli.bench.geo.breakdown", BREAKDOWNS), breakdownMs));
            rows.add(row(Messages.get("cli.bench.geo.grid"), gridMs));
            rows.add(row(Messages.get("cli.bench.geo.tile"), tileMs));
            Table.print(terminal.out(), rows);
            double ratio = BenchRegistry.pct(areaMs, 95) / Math.max(0.001, BenchRegistry.pct(rawMs, 95));
            double ratio50 = BenchRegistry.pct(areaMs, 50) / Math.max(0.001, BenchRegistry.pct(rawMs, 50));
            terminal.out().println(Messages.get("cli.bench.geo.agree", withRaw - disagree, withRaw));
            terminal.out().println(Messages.get("cli.bench.geo.ratio", fmt(ratio50), fmt(ratio), fmt(GOAL_RATIO),
                    fmt(GOAL_P95_MS), fmt(GOAL_TILE_MS)));
            boolean met = disagree == 0 && ratio <= GOAL_RATIO && BenchRegistry.pct(areaMs, 95) < GOAL_P95_MS
                    && BenchRegistry.pct(tileMs, 95) < GOAL_TILE_MS;
            terminal.out().println(Messages.get(met ? "cli.bench.goalMet" : "cli.bench.goalMissed"));
            return 0;
        }
    }

    /**
     * Only the locally drawn basemap tiles, no registry: around the sample data's host cities (where
     * the bench registries' registrants live), with the same zooms and spread as the full run.
     */
    private Integer tilesOnly() {
        SplittableRandom random = new SplittableRandom(seed);
        List<LatLon> centres = SampleData.cityCentres().stream().map(c -> new LatLon(c[0], c[1])).toList();
        List<Double> far = new ArrayList<>();
        List<Double> close = new ArrayList<>();
        List<Double> tileMs = tileTimes(centres, random, (z, ms) -> (z <= 6 ? far : close).add(ms));
        terminal.out().println(Messages.get("cli.bench.geo.tilesHeading", TILES, Runtime.getRuntime().availableProcessors()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "p50 (ms)", "p95 (ms)"});
        rows.add(row(Messages.get("cli.bench.geo.tile"), tileMs));
        rows.add(row(Messages.get("cli.bench.geo.tileFar"), far));
        rows.add(row(Messages.get("cli.bench.geo.tileClose"), close));
        Table.print(terminal.out(), rows);
        terminal.out().println(Messages.get(BenchRegistry.pct(tileMs, 95) < GOAL_TILE_MS ? "cli.bench.goalMet" : "cli.bench.goalMissed"));
        return 0;
    }

    /** Receives each tile's time with its zoom. */
    interface ZoomTime {
        void add(int zoom, double ms);
    }

    /**
     * Times {@link #TILES} tiles drawn to PNG at zoom 2 to 14 within 2 degrees of random centres (after
     * {@link #TILES_WARMUP} untimed ones); each time also goes to {@code byZoom} when given.
     */
    static List<Double> tileTimes(List<LatLon> centres, SplittableRandom random, ZoomTime byZoom) {
        BasemapRenderer renderer = BasemapRenderer.bundled();
        renderer.renderPng(TileMath.tileAt(0, 0, 0));
        for (int i = 0; i < TILES_WARMUP; i++) {
            LatLon c = centres.get(random.nextInt(centres.size()));
            renderer.renderPng(TileMath.tileAt(c.lat(), c.lon(), 2 + random.nextInt(11)));
        }
        List<Double> tileMs = new ArrayList<>();
        for (int i = 0; i < TILES; i++) {
            LatLon c = centres.get(random.nextInt(centres.size()));
            double lat = c.lat() + random.nextDouble() * 4 - 2;
            double lon = c.lon() + random.nextDouble() * 4 - 2;
            int z = 2 + random.nextInt(13);
            TileKey key = TileMath.tileAt(lat, lon, z);
            long t = System.nanoTime();
            renderer.renderPng(key);
            double ms = (System.nanoTime() - t) / 1e6;
            tileMs.add(ms);
            if (byZoom != null) {
                byZoom.add(z, ms);
            }
        }
        return tileMs;
    }

    /**
     * The raw engine, same result: ids and points of everyone in the area's bounding box through the
     * (latitude, longitude) index, each tested in JTS; the count of those inside.
     */
    private static int raw(InsideService inside, AreaGeometry a) {
        return inside.insideByBox(a).size();
    }

    /** An irregular polygon of 7 to 12 points about {@code radiusKm} around a centre. */
    static Area polygon(LatLon centre, double radiusKm, SplittableRandom random) {
        LocalProjection p = new LocalProjection(centre);
        int n = 7 + random.nextInt(6);
        List<LatLon> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / n;
            double r = radiusKm * 1000 * (0.6 + 0.4 * random.nextDouble());
            ring.add(p.inverse(r * Math.cos(angle), r * Math.sin(angle)));
        }
        return Area.polygon(ring);
    }

    private static String[] row(String label, List<Double> ms) {
        return new String[] {label, fmt(BenchRegistry.pct(ms, 50)), fmt(BenchRegistry.pct(ms, 95))};
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
