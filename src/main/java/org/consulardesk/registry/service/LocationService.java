package org.consulardesk.registry.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.consulardesk.registry.model.GeoGrid;
import org.consulardesk.registry.model.GridCell;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.LocatedPoint;
import org.consulardesk.registry.model.LocationCell;
import org.consulardesk.registry.model.NameKey;
import org.consulardesk.registry.model.PlaceBreakdown;
import org.consulardesk.registry.store.LocationStore;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * Registrants by place, for the crisis map and area queries. Boxes are south, west, north, east in
 * WGS 84 degrees; {@code west > east} means the box crosses the antimeridian (split here into two
 * index ranges). Everything is read through the location index or aggregated in SQL.
 */
public final class LocationService {
    private final Session session;
    private final LocationStore store = new LocationStore();

    public LocationService(Session session) {
        this.session = session;
    }

    /** Counts per grid cell of {@code cellDegrees}; cells are numbered floor(lat / cell), floor(lon / cell). */
    public List<LocationCell> grid(double south, double west, double north, double east, double cellDegrees) {
        session.require(Permission.VIEW_REGISTRY);
        if (!(cellDegrees > 0)) {
            throw new IllegalArgumentException("cell size must be positive");
        }
        return session.database().read(tx -> {
            List<LocationCell> out = new ArrayList<>();
            for (double[] b : split(south, west, north, east)) {
                out.addAll(store.grid(tx, b[0], b[1], b[2], b[3], cellDegrees));
            }
            return out;
        });
    }

    /**
     * The map's clusters for a view at a Web Mercator zoom: cells about 64 pixels wide. Up to zoom
     * 14 they are read from the counts kept per cell (never from the registrants), beyond that
     * (a view a few kilometres wide) aggregated from the registrants in view.
     */
    public List<LocationCell> clusters(double south, double west, double north, double east, double zoom) {
        session.require(Permission.VIEW_REGISTRY);
        int level = Math.max(GeoGrid.COARSEST_LEVEL, GeoGrid.levelForZoom(zoom));
        if (level > GeoGrid.FINE_LEVEL) {
            return grid(south, west, north, east, GeoGrid.size(level));
        }
        return session.database().read(tx -> {
            List<LocationCell> out = new ArrayList<>();
            for (double[] b : split(south, west, north, east)) {
                out.addAll(store.cells(tx, b[0], b[1], b[2], b[3], level));
            }
            return out;
        });
    }

    /**
     * At least as many registrants as the box holds (the fine cells that overlap it, from the
     * counts per cell): cheap at any size, exact enough to decide whether single markers fit.
     */
    public int atMost(double south, double west, double north, double east) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> {
            int n = 0;
            for (double[] b : split(south, west, north, east)) {
                for (LocationCell c : store.cells(tx, b[0], b[1], b[2], b[3], GeoGrid.FINE_LEVEL)) {
                    n += c.count();
                }
            }
            return n;
        });
    }

    /**
     * Registrants per cell for these cells of one level, from the counts kept per cell (never from the
     * registrants); cells without registrants are absent.
     */
    public Map<GridCell, Integer> cellCounts(int level, Collection<GridCell> cells) {
        session.require(Permission.VIEW_REGISTRY);
        List<int[]> runs = runs(cells.stream().map(c -> new int[] {c.row(), c.column()}).toList());
        Map<GridCell, Integer> out = new HashMap<>();
        session.database().read(tx -> {
            for (int[] r : store.counts(tx, level, runs)) {
                out.put(new GridCell(level, r[0], r[1]), r[2]);
            }
            return null;
        });
        Set<GridCell> asked = new HashSet<>(cells);
        out.keySet().retainAll(asked);
        return out;
    }

    /** The fine cells ({@code geo_cell} values, ascending) inside a cell that hold registrants, with how many each. */
    public SortedMap<Long, Integer> fineCellsIn(GridCell cell) {
        return fineCellsIn(List.of(cell));
    }

    /** The fine cells inside any of these cells that hold registrants (one statement per 200 fine rows). */
    public SortedMap<Long, Integer> fineCellsIn(Collection<GridCell> cells) {
        session.require(Permission.VIEW_REGISTRY);
        List<int[]> runs = new ArrayList<>();
        for (GridCell cell : cells) {
            for (int row = cell.fineRowFrom(); row <= cell.fineRowTo(); row++) {
                runs.add(new int[] {row, cell.fineColumnFrom(), cell.fineColumnTo()});
            }
        }
        SortedMap<Long, Integer> out = new TreeMap<>();
        session.database().read(tx -> {
            for (int[] r : store.counts(tx, GeoGrid.FINE_LEVEL, runs)) {
                out.put(r[0] * GeoGrid.ROW_STRIDE + r[1], r[2]);
            }
            return null;
        });
        return out;
    }

    /** Ids and points of the registrants in these fine cells ({@code geo_cell} values). */
    public List<LocatedPoint> pointsInFineCells(Collection<Long> geoCells) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.pointsInFineCells(tx, geoCells));
    }

    /** A slice of the registrants of these fine cells, ordered by fine cell and id, with names. */
    public List<LocatedPerson> personsInFineCells(Collection<Long> geoCells, int skip, int limit) {
        session.require(Permission.VIEW_REGISTRY);
        if (geoCells.isEmpty() || limit <= 0) {
            return List.of();
        }
        return session.database().read(tx -> store.personsInFineCells(tx, geoCells, skip, limit));
    }

    /** Ids and sort names of the registrants of these fine cells (about 1,000 cells a call at most), from an index alone. */
    public List<NameKey> namesInFineCells(Collection<Long> geoCells) {
        session.require(Permission.VIEW_REGISTRY);
        if (geoCells.isEmpty()) {
            return List.of();
        }
        return session.database().read(tx -> store.namesInFineCells(tx, geoCells));
    }

    /** Vulnerabilities and households of the registrants of these fine cells (about 1,000 cells a call at most). */
    public PlaceBreakdown breakdownOfFineCells(Collection<Long> geoCells) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.breakdownOfFineCells(tx, geoCells, null));
    }

    /** The same for the registrants of these fine cells that {@code keep} accepts (by id). */
    public PlaceBreakdown breakdownOfFineCells(Collection<Long> geoCells, java.util.function.LongPredicate keep) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.breakdownOfFineCells(tx, geoCells, keep));
    }

    /** Cells (row, column) as runs of nearby columns in one row: {row, from, to}. */
    static List<int[]> runs(List<int[]> cells) {
        List<int[]> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.<int[]>comparingInt(c -> c[0]).thenComparingInt(c -> c[1]));
        List<int[]> runs = new ArrayList<>();
        int[] current = null;
        for (int[] c : sorted) {
            if (current != null && current[0] == c[0] && c[1] - current[2] <= 8) {
                current[2] = Math.max(current[2], c[1]);
            } else {
                current = new int[] {c[0], c[1], c[1]};
                runs.add(current);
            }
        }
        return runs;
    }

    /** Ids and points of the registrants in the box (no names: for exact area tests). */
    public List<LocatedPoint> pointsInBox(double south, double west, double north, double east) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> {
            List<LocatedPoint> out = new ArrayList<>();
            for (double[] b : split(south, west, north, east)) {
                out.addAll(store.pointsInBox(tx, b[0], b[1], b[2], b[3]));
            }
            return out;
        });
    }

    /** Names, households and purposes of these registrants (one page of a list). */
    public List<LocatedPerson> persons(Collection<Long> personIds) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.persons(tx, personIds));
    }

    /** Household id per registrant (null: on their own). */
    public Map<Long, Long> households(Collection<Long> personIds) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.households(tx, personIds));
    }

    public int count(double south, double west, double north, double east) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> {
            int n = 0;
            for (double[] b : split(south, west, north, east)) {
                n += store.count(tx, b[0], b[1], b[2], b[3]);
            }
            return n;
        });
    }

    /** Registrants with a point in the box, at most {@code limit}. */
    public List<LocatedPerson> inBox(double south, double west, double north, double east, int limit) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> {
            List<LocatedPerson> out = new ArrayList<>();
            for (double[] b : split(south, west, north, east)) {
                if (out.size() < limit) {
                    out.addAll(store.inBox(tx, b[0], b[1], b[2], b[3], limit - out.size()));
                }
            }
            return out;
        });
    }

    /** Vulnerability codes (enum names) per person; persons without any are absent. */
    public Map<Long, List<String>> vulnerabilities(Collection<Long> personIds) {
        session.require(Permission.VIEW_REGISTRY);
        return session.database().read(tx -> store.vulnerabilities(tx, personIds));
    }

    static List<double[]> split(double south, double west, double north, double east) {
        if (west > east) {
            return List.of(new double[] {south, west, north, 180}, new double[] {south, -180, north, east});
        }
        return List.<double[]>of(new double[] {south, west, north, east});
    }
}
