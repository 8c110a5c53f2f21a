package org.consulardesk.registry.store;

import static org.consulardesk.store.generated.Tables.PERSON;
import static org.consulardesk.store.generated.Tables.PERSON_CELL;
import static org.consulardesk.store.generated.Tables.VULNERABILITY;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consulardesk.registry.model.GeoGrid;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.LocatedPoint;
import org.consulardesk.registry.model.LocationCell;
import org.consulardesk.registry.model.NameKey;
import org.consulardesk.registry.model.PlaceBreakdown;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.store.Tx;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Registrants by place, through the (latitude, longitude) index: a box is one index range on
 * latitude, filtered on longitude; grids are aggregated in SQL, so no query reads everyone.
 * Counts per grid cell ({@code person_cell}, ADR 0045) are kept here too: every writer of a
 * person's point calls {@link #moved} in the same transaction. Boxes here never cross the
 * antimeridian (the service splits them).
 */
public final class LocationStore {

    /**
     * Keeps the cell counts right when a registrant's point changes (null: no point): the old
     * point's cells lose one, the new point's cells gain one, at every counted level.
     */
    public void moved(Tx tx, Double oldLat, Double oldLon, Double newLat, Double newLon) {
        boolean hadPoint = oldLat != null && oldLon != null;
        boolean hasPoint = newLat != null && newLon != null;
        if (hadPoint && hasPoint && oldLat.equals(newLat) && oldLon.equals(newLon)) {
            return;
        }
        CellDeltas deltas = new CellDeltas();
        if (hadPoint) {
            deltas.add(oldLat, oldLon, -1);
        }
        if (hasPoint) {
            deltas.add(newLat, newLon, 1);
        }
        apply(tx, deltas);
    }

    /** Changes to cell counts gathered in memory (a batch of registrations), applied by {@link #apply}. */
    public static final class CellDeltas {
        private final Map<List<Integer>, double[]> byCell = new HashMap<>();

        public void add(double lat, double lon, int persons) {
            for (int level = GeoGrid.COARSEST_LEVEL; level <= GeoGrid.FINE_LEVEL; level++) {
                double[] d = byCell.computeIfAbsent(List.of(level, GeoGrid.row(lat, level), GeoGrid.column(lon, level)),
                        k -> new double[3]);
                d[0] += persons;
                d[1] += persons * lat;
                d[2] += persons * lon;
            }
        }

        public boolean isEmpty() {
            return byCell.isEmpty();
        }
    }

    public void apply(Tx tx, CellDeltas deltas) {
        var dsl = tx.dsl();
        for (Map.Entry<List<Integer>, double[]> e : deltas.byCell.entrySet()) {
            int level = e.getKey().get(0);
            int row = e.getKey().get(1);
            int column = e.getKey().get(2);
            int persons = (int) e.getValue()[0];
            if (persons == 0 && e.getValue()[1] == 0 && e.getValue()[2] == 0) {
                continue; // a move within the cell to the very same point
            }
            Condition key = PERSON_CELL.CELL_LEVEL.eq(level).and(PERSON_CELL.CELL_ROW.eq(row)).and(PERSON_CELL.CELL_COL.eq(column));
            int updated = dsl.update(PERSON_CELL).set(PERSON_CELL.PERSONS, PERSON_CELL.PERSONS.plus(persons))
                    .set(PERSON_CELL.SUM_LAT, PERSON_CELL.SUM_LAT.plus(e.getValue()[1]))
                    .set(PERSON_CELL.SUM_LON, PERSON_CELL.SUM_LON.plus(e.getValue()[2]))
                    .where(key).execute();
            if (updated == 0 && persons > 0) {
                dsl.insertInto(PERSON_CELL).set(PERSON_CELL.CELL_LEVEL, level).set(PERSON_CELL.CELL_ROW, row)
                        .set(PERSON_CELL.CELL_COL, column).set(PERSON_CELL.PERSONS, persons)
                        .set(PERSON_CELL.SUM_LAT, e.getValue()[1]).set(PERSON_CELL.SUM_LON, e.getValue()[2]).execute();
            } else if (persons < 0) {
                dsl.deleteFrom(PERSON_CELL).where(key.and(PERSON_CELL.PERSONS.le(0))).execute();
            }
        }
    }

    /**
     * Counted cells of one level in a box (cells that overlap it), from {@code person_cell} only;
     * each at the mean point of its registrants.
     */
    public List<LocationCell> cells(Tx tx, double south, double west, double north, double east, int level) {
        int max = (1 << level) - 1;
        int r0 = Math.max(0, GeoGrid.row(south, level));
        int r1 = Math.min(max, GeoGrid.row(north, level));
        int c0 = Math.max(0, GeoGrid.column(west, level));
        int c1 = Math.min(2 * max + 1, GeoGrid.column(east, level));
        return tx.dsl().select(PERSON_CELL.CELL_ROW, PERSON_CELL.CELL_COL, PERSON_CELL.PERSONS, PERSON_CELL.SUM_LAT,
                        PERSON_CELL.SUM_LON).from(PERSON_CELL)
                .where(PERSON_CELL.CELL_LEVEL.eq(level).and(PERSON_CELL.CELL_ROW.between(r0, r1))
                        .and(PERSON_CELL.CELL_COL.between(c0, c1)).and(PERSON_CELL.PERSONS.gt(0)))
                .fetch(r -> new LocationCell(r.value1(), r.value2(), r.value3(), r.value4() / r.value3(), r.value5() / r.value3()));
    }

    /** Recounts every cell from the registrants' points (after a load that bypassed {@link #moved}). */
    public void rebuildCells(Tx tx) {
        var dsl = tx.dsl();
        dsl.execute("UPDATE person SET geo_cell = CAST(FLOOR((latitude + 90) / " + GeoGrid.size(GeoGrid.FINE_LEVEL)
                + ") AS BIGINT) * " + GeoGrid.ROW_STRIDE + " + CAST(FLOOR((longitude + 180) / "
                + GeoGrid.size(GeoGrid.FINE_LEVEL) + ") AS BIGINT) WHERE latitude IS NOT NULL AND longitude IS NOT NULL");
        dsl.execute("UPDATE person SET geo_cell = NULL WHERE geo_cell IS NOT NULL AND (latitude IS NULL OR longitude IS NULL)");
        dsl.deleteFrom(PERSON_CELL).execute();
        dsl.execute("INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon) SELECT "
                + GeoGrid.FINE_LEVEL + ", CAST(geo_cell / " + GeoGrid.ROW_STRIDE + " AS INTEGER), CAST(MOD(geo_cell, "
                + GeoGrid.ROW_STRIDE + ") AS INTEGER), COUNT(*), SUM(latitude), SUM(longitude)"
                + " FROM person WHERE geo_cell IS NOT NULL AND merged_into IS NULL GROUP BY geo_cell");
        for (int level = GeoGrid.FINE_LEVEL - 1; level >= GeoGrid.COARSEST_LEVEL; level--) {
            dsl.execute("INSERT INTO person_cell (cell_level, cell_row, cell_col, persons, sum_lat, sum_lon) SELECT " + level
                    + ", cell_row / 2, cell_col / 2, SUM(persons), SUM(sum_lat), SUM(sum_lon) FROM person_cell WHERE cell_level = "
                    + (level + 1) + " GROUP BY cell_row / 2, cell_col / 2");
        }
    }

    /** Registrants per fine cell counted straight from {@code person} (to check the counts). */
    public Map<Long, Integer> countsByFineCell(Tx tx) {
        Map<Long, Integer> out = new HashMap<>();
        tx.dsl().select(PERSON.GEO_CELL, DSL.count()).from(PERSON).where(PERSON.GEO_CELL.isNotNull().and(ActivePersons.only()))
                .groupBy(PERSON.GEO_CELL)
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /**
     * Counted cells of one level in runs of one row ({@code {row, fromColumn, toColumn}}): each run is
     * one primary-key range of {@code person_cell}, all runs of a call in one statement. Only cells
     * with registrants come back, as {@code {row, column, persons}}.
     */
    public List<int[]> counts(Tx tx, int level, List<int[]> runs) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i += 200) {
            org.jooq.Select<org.jooq.Record3<Integer, Integer, Integer>> union = null;
            for (int[] run : runs.subList(i, Math.min(runs.size(), i + 200))) {
                var one = tx.dsl().select(PERSON_CELL.CELL_ROW, PERSON_CELL.CELL_COL, PERSON_CELL.PERSONS).from(PERSON_CELL)
                        .where(PERSON_CELL.CELL_LEVEL.eq(level).and(PERSON_CELL.CELL_ROW.eq(run[0]))
                                .and(PERSON_CELL.CELL_COL.between(run[1], run[2])).and(PERSON_CELL.PERSONS.gt(0)));
                union = union == null ? one : union.unionAll(one);
            }
            tx.dsl().fetch(union).forEach(r -> out.add(new int[] {r.value1(), r.value2(), r.value3()}));
        }
        return out;
    }

    /**
     * Ids and points of the registrants in these fine cells ({@code geo_cell} values), read from the index
     * {@code person_cell_points} alone (V20, ADR 0062): it holds the cell, the merge mark and the point, so
     * no person row is read.
     */
    public List<LocatedPoint> pointsInFineCells(Tx tx, Collection<Long> geoCells) {
        List<LocatedPoint> out = new ArrayList<>();
        List<Long> all = new ArrayList<>(geoCells);
        for (int i = 0; i < all.size(); i += 1000) {
            out.addAll(pointsInFineCellsQuery(tx.dsl(), all.subList(i, Math.min(all.size(), i + 1000)))
                    .fetch(r -> new LocatedPoint(r.value1(), r.value2(), r.value3())));
        }
        return out;
    }

    /** The statement of {@link #pointsInFineCells} for one batch (public so a test can check its plan). */
    public static org.jooq.Select<org.jooq.Record3<Long, Double, Double>> pointsInFineCellsQuery(org.jooq.DSLContext dsl,
            Collection<Long> geoCells) {
        return dsl.select(PERSON.ID, PERSON.LATITUDE, PERSON.LONGITUDE).from(PERSON)
                .where(PERSON.GEO_CELL.in(geoCells).and(ActivePersons.only()));
    }

    /**
     * A slice of the registrants of these fine cells in the order (fine cell, id), with names:
     * {@code skip} of them left out first, at most {@code limit}.
     */
    public List<LocatedPerson> personsInFineCells(Tx tx, Collection<Long> geoCells, int skip, int limit) {
        return tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.LATITUDE, PERSON.LONGITUDE,
                        PERSON.HOUSEHOLD_ID, PERSON.PURPOSE)
                .from(PERSON).where(PERSON.GEO_CELL.in(geoCells).and(ActivePersons.only()))
                .orderBy(PERSON.GEO_CELL, PERSON.ID).limit(limit).offset(skip)
                .fetch(r -> new LocatedPerson(r.get(PERSON.ID), r.get(PERSON.FAMILY_NAME), r.get(PERSON.GIVEN_NAMES),
                        r.get(PERSON.LATITUDE), r.get(PERSON.LONGITUDE), r.get(PERSON.HOUSEHOLD_ID),
                        PurposeOfStay.valueOf(r.get(PERSON.PURPOSE))));
    }

    /**
     * Ids and sort names of the registrants of these fine cells (about 1,000 cells a call at most), read from
     * the index {@code person_cell_names} alone (V22, ADR 0071); unordered.
     */
    public List<NameKey> namesInFineCells(Tx tx, Collection<Long> geoCells) {
        return namesInFineCellsQuery(tx.dsl(), geoCells).fetch(r -> new NameKey(r.value1(), r.value2() == null ? "" : r.value2()));
    }

    /** The statement of {@link #namesInFineCells} (public so a test can check its plan). */
    public static org.jooq.Select<org.jooq.Record2<Long, String>> namesInFineCellsQuery(org.jooq.DSLContext dsl,
            Collection<Long> geoCells) {
        return dsl.select(PERSON.ID, PERSON.SEARCH_NAME).from(PERSON).where(PERSON.GEO_CELL.in(geoCells).and(ActivePersons.only()));
    }

    /**
     * Breakdown of the registrants of these fine cells (at most about 1,000 cells a call), or of those of
     * them {@code keep} accepts (null: all), read from the covering index {@code person_cell_points} and
     * the primary key of {@code vulnerability} (ADR 0062): no person row is read. Households of all the
     * cells' registrants come grouped (one row per household, one for those on their own).
     */
    public PlaceBreakdown breakdownOfFineCells(Tx tx, Collection<Long> geoCells, java.util.function.LongPredicate keep) {
        return breakdown(tx, PERSON.GEO_CELL.in(geoCells).and(ActivePersons.only()), keep);
    }

    private static PlaceBreakdown breakdown(Tx tx, Condition persons, java.util.function.LongPredicate keep) {
        var dsl = tx.dsl();
        Map<String, java.util.Set<Long>> byCode = new java.util.TreeMap<>();
        java.util.Set<Long> vulnerable = new java.util.HashSet<>();
        dsl.select(VULNERABILITY.PERSON_ID, VULNERABILITY.CODE).from(PERSON).join(VULNERABILITY)
                .on(VULNERABILITY.PERSON_ID.eq(PERSON.ID)).where(persons).forEach(r -> {
                    if (keep == null || keep.test(r.value1())) {
                        byCode.computeIfAbsent(r.value2(), k -> new java.util.HashSet<>()).add(r.value1());
                        vulnerable.add(r.value1());
                    }
                });
        int alone = 0;
        List<Long> households = new ArrayList<>();
        if (keep == null) {
            for (var r : dsl.select(PERSON.HOUSEHOLD_ID, DSL.count()).from(PERSON).where(persons).groupBy(PERSON.HOUSEHOLD_ID)) {
                if (r.value1() == null) {
                    alone += r.value2();
                } else {
                    households.add(r.value1());
                }
            }
        } else {
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (var r : dsl.select(PERSON.ID, PERSON.HOUSEHOLD_ID).from(PERSON).where(persons)) {
                if (!keep.test(r.value1())) {
                    continue;
                }
                if (r.value2() == null) {
                    alone++;
                } else if (seen.add(r.value2())) {
                    households.add(r.value2());
                }
            }
        }
        Map<String, Integer> counts = new java.util.TreeMap<>();
        byCode.forEach((code, ids) -> counts.put(code, ids.size()));
        return new PlaceBreakdown(counts, vulnerable.size(), alone, households);
    }

    /** Ids and points only (read from the location index, no row lookups for names). */
    public List<LocatedPoint> pointsInBox(Tx tx, double south, double west, double north, double east) {
        return tx.dsl().select(PERSON.ID, PERSON.LATITUDE, PERSON.LONGITUDE).from(PERSON)
                .where(inBox(south, west, north, east))
                .fetch(r -> new LocatedPoint(r.value1(), r.value2(), r.value3()));
    }

    /** The registrants of these ids that have a point, sorted by name; households and purposes too. */
    public List<LocatedPerson> persons(Tx tx, Collection<Long> ids) {
        List<LocatedPerson> out = new ArrayList<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            List<Long> batch = all.subList(i, Math.min(all.size(), i + 1000));
            out.addAll(tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.LATITUDE, PERSON.LONGITUDE,
                            PERSON.HOUSEHOLD_ID, PERSON.PURPOSE)
                    .from(PERSON).where(PERSON.ID.in(batch).and(PERSON.LATITUDE.isNotNull()))
                    .fetch(r -> new LocatedPerson(r.get(PERSON.ID), r.get(PERSON.FAMILY_NAME), r.get(PERSON.GIVEN_NAMES),
                            r.get(PERSON.LATITUDE), r.get(PERSON.LONGITUDE), r.get(PERSON.HOUSEHOLD_ID),
                            PurposeOfStay.valueOf(r.get(PERSON.PURPOSE)))));
        }
        return out;
    }

    /** Household of each of these ids (persons on their own map to null). */
    public Map<Long, Long> households(Tx tx, Collection<Long> ids) {
        Map<Long, Long> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            List<Long> batch = all.subList(i, Math.min(all.size(), i + 1000));
            tx.dsl().select(PERSON.ID, PERSON.HOUSEHOLD_ID).from(PERSON).where(PERSON.ID.in(batch))
                    .forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }

    private static Condition inBox(double south, double west, double north, double east) {
        return PERSON.LATITUDE.between(south, north).and(PERSON.LONGITUDE.between(west, east)).and(ActivePersons.only());
    }

    public List<LocationCell> grid(Tx tx, double south, double west, double north, double east, double cellDegrees) {
        Field<Long> row = DSL.floor(PERSON.LATITUDE.div(cellDegrees)).cast(SQLDataType.BIGINT).as("cell_row");
        Field<Long> column = DSL.floor(PERSON.LONGITUDE.div(cellDegrees)).cast(SQLDataType.BIGINT).as("cell_column");
        Field<Integer> count = DSL.count().as("n");
        Field<java.math.BigDecimal> lat = DSL.avg(PERSON.LATITUDE).as("lat");
        Field<java.math.BigDecimal> lon = DSL.avg(PERSON.LONGITUDE).as("lon");
        return tx.dsl().select(row, column, count, lat, lon).from(PERSON)
                .where(inBox(south, west, north, east))
                .groupBy(DSL.field(DSL.name("cell_row")), DSL.field(DSL.name("cell_column")))
                .fetch(r -> new LocationCell(r.get(row), r.get(column), r.get(count), r.get(lat).doubleValue(),
                        r.get(lon).doubleValue()));
    }

    public int count(Tx tx, double south, double west, double north, double east) {
        return tx.dsl().fetchCount(PERSON, inBox(south, west, north, east));
    }

    public List<LocatedPerson> inBox(Tx tx, double south, double west, double north, double east, int limit) {
        return tx.dsl().select(PERSON.ID, PERSON.FAMILY_NAME, PERSON.GIVEN_NAMES, PERSON.LATITUDE, PERSON.LONGITUDE,
                        PERSON.HOUSEHOLD_ID, PERSON.PURPOSE)
                .from(PERSON).where(inBox(south, west, north, east)).limit(limit)
                .fetch(r -> new LocatedPerson(r.get(PERSON.ID), r.get(PERSON.FAMILY_NAME), r.get(PERSON.GIVEN_NAMES),
                        r.get(PERSON.LATITUDE), r.get(PERSON.LONGITUDE), r.get(PERSON.HOUSEHOLD_ID),
                        PurposeOfStay.valueOf(r.get(PERSON.PURPOSE))));
    }

    /** Vulnerability codes of the given persons (those without any are absent), read in batches. */
    public Map<Long, List<String>> vulnerabilities(Tx tx, Collection<Long> ids) {
        Map<Long, List<String>> out = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            List<Long> batch = all.subList(i, Math.min(all.size(), i + 1000));
            tx.dsl().select(VULNERABILITY.PERSON_ID, VULNERABILITY.CODE).from(VULNERABILITY)
                    .where(VULNERABILITY.PERSON_ID.in(batch))
                    .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        }
        return out;
    }
}
