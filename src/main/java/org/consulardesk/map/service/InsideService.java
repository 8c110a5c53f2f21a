package org.consulardesk.map.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.model.GeoBox;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotCensus;
import org.consulardesk.map.model.InsideBreakdown;
import org.consulardesk.map.model.InsideCover;
import org.consulardesk.map.model.InsideResult;
import org.consulardesk.map.model.NameOrder;
import org.consulardesk.registry.model.GeoGrid;
import org.consulardesk.registry.model.GridCell;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.registry.model.LocatedPoint;
import org.consulardesk.registry.model.NameKey;
import org.consulardesk.registry.model.PlaceBreakdown;
import org.consulardesk.registry.model.PresenceStatus;
import org.consulardesk.registry.model.RegistryFilter;
import org.consulardesk.registry.service.LocationService;
import org.consulardesk.registry.service.RegistryExportService;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.service.Session;

/**
 * Who is inside an area (plus a buffer), ADR 0057: the area is covered with cells of the registrants'
 * grid ({@link CellCover}); cells wholly inside add their kept counts, cells across the outline are split
 * down to the fine level, whose registrants JTS tests one by one in the area's local projection (ADR 0031).
 * The list is put in name order once (ADR 0071) and read a page at a time; the breakdown walks the same cells.
 */
public final class InsideService {
    private final Session session;
    private final LocationService locations;

    public InsideService(Session session) {
        this.session = session;
        this.locations = new LocationService(session);
    }

    /** Registrants listed with names at a time in "who is inside". */
    public static final int PAGE = 200;
    /** Fine cells or ids per breakdown query. */
    private static final int BATCH = 1000;

    /** Count, breakdown and first page at once (the command line and tests; the map shows the count first). */
    public InsideResult inside(Area area, double bufferKm) {
        InsideCover cover = count(area, bufferKm);
        return new InsideResult(cover, breakdown(cover), page(cover, 0));
    }

    /** How many registrants are inside, and in which cells (audited as an area query). */
    public InsideCover count(Area area, double bufferKm) {
        InsideCover cover = cover(AreaGeometry.of(area, bufferKm));
        session.audit().record(AuditEvent.on("AREA_QUERIED", "person", cover.count(), "area"));
        return cover;
    }

    /** The cover of an area made ready (not audited: for callers that audit themselves). */
    public InsideCover cover(AreaGeometry geometry) {
        CellCover cells = new CellCover(geometry);
        int level = cells.startLevel();
        List<GridCell> candidates = cells.startCells(level);
        List<InsideCover.Part> inside = new ArrayList<>();
        List<Long> crossingFine = new ArrayList<>();
        int count = 0;
        while (!candidates.isEmpty()) {
            Map<GridCell, Integer> counts = locations.cellCounts(level, candidates);
            List<GridCell> next = new ArrayList<>();
            for (GridCell cell : candidates) {
                Integer persons = counts.get(cell);
                if (persons == null) {
                    continue;
                }
                switch (cells.classify(cell)) {
                    case INSIDE -> {
                        inside.add(new InsideCover.Part(cell, persons));
                        count += persons;
                    }
                    case BOUNDARY -> {
                        if (level == GeoGrid.FINE_LEVEL) {
                            crossingFine.add(cell.geoCell());
                        } else {
                            next.addAll(cell.children());
                        }
                    }
                    case OUTSIDE -> { }
                }
            }
            candidates = next;
            level++;
        }
        List<Long> boundaryIds = new ArrayList<>();
        List<LocatedPoint> tested = locations.pointsInFineCells(crossingFine);
        for (LocatedPoint p : tested) {
            if (geometry.contains(p.latitude(), p.longitude())) {
                boundaryIds.add(p.id());
            }
        }
        boundaryIds.sort(null);
        return new InsideCover(count + boundaryIds.size(), inside, boundaryIds, crossingFine, tested.size());
    }

    /**
     * Everyone inside in name order (normalised name, then id), ADR 0071: the ids and names of the
     * cells wholly inside and of the cells across the outline (kept when the count found them inside)
     * are read from the index {@code person_cell_names} alone, a batch of fine cells at a time, sorted
     * once, and only the ids kept. Runs in the background after the count; pages are then read with
     * {@link #page(NameOrder, int)}.
     */
    public NameOrder nameOrder(InsideCover cover) {
        List<NameKey> keys = new ArrayList<>(cover.count());
        forEachBatchOfCellsWhollyInside(cover, cells -> keys.addAll(locations.namesInFineCells(cells)));
        Set<Long> boundary = new HashSet<>(cover.boundaryIds());
        List<Long> crossing = cover.boundaryCells();
        for (int i = 0; i < crossing.size() && !boundary.isEmpty(); i += BATCH) {
            for (NameKey k : locations.namesInFineCells(crossing.subList(i, Math.min(crossing.size(), i + BATCH)))) {
                if (boundary.contains(k.id())) {
                    keys.add(k);
                }
            }
        }
        keys.sort(NAME_ORDER);
        long[] ids = new long[keys.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = keys.get(i).id();
        }
        return new NameOrder(ids);
    }

    /**
     * The ids of everyone the cover counted, ascending and once each (ADR 0073: the registry export of
     * the people inside): the same cells as {@link #nameOrder}, read from the index alone a batch of fine
     * cells at a time; only the ids are kept (8 bytes a registrant: 16 MB if all 2,000,000 were inside).
     */
    public long[] ids(InsideCover cover) {
        long[][] ids = {new long[Math.max(16, cover.count())]};
        int[] n = {0};
        java.util.function.LongConsumer add = id -> {
            if (n[0] == ids[0].length) {
                ids[0] = java.util.Arrays.copyOf(ids[0], ids[0].length * 2);
            }
            ids[0][n[0]++] = id;
        };
        forEachBatchOfCellsWhollyInside(cover, cells -> locations.namesInFineCells(cells).forEach(k -> add.accept(k.id())));
        cover.boundaryIds().forEach(add::accept);
        long[] out = java.util.Arrays.copyOf(ids[0], n[0]);
        java.util.Arrays.sort(out);
        int distinct = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[distinct++] = out[i];
            }
        }
        return distinct == out.length ? out : java.util.Arrays.copyOf(out, distinct);
    }

    /** The order of the list: the registry's normalised name (family name first), then id. */
    static final Comparator<NameKey> NAME_ORDER = Comparator.comparing(NameKey::sortName).thenComparingLong(NameKey::id);

    /** Page {@code index} (from 0) of everyone inside, in name order across pages; each registrant is read by id. */
    public List<LocatedPerson> page(NameOrder order, int index) {
        List<Long> ids = order.slice(index * PAGE, (index + 1) * PAGE);
        Map<Long, LocatedPerson> byId = new HashMap<>();
        for (LocatedPerson p : locations.persons(ids)) {
            byId.put(p.id(), p);
        }
        List<LocatedPerson> page = new ArrayList<>(ids.size());
        for (Long id : ids) {
            LocatedPerson p = byId.get(id);
            if (p != null) {
                page.add(p);
            }
        }
        return page;
    }

    /**
     * Page {@code index} (from 0) of the registrants inside in the order of the cells (each cell by fine
     * cell and id, then the registrants of cells across the outline by id), each page sorted by name:
     * for output of everyone (the command line), where no order across pages is needed and none is computed.
     */
    public List<LocatedPerson> page(InsideCover cover, int index) {
        long from = (long) index * PAGE;
        long to = from + PAGE;
        List<LocatedPerson> page = new ArrayList<>();
        long pos = 0;
        for (InsideCover.Part part : cover.cells()) {
            if (pos >= to) {
                break;
            }
            if (pos + part.persons() <= from) {
                pos += part.persons();
                continue;
            }
            SortedMap<Long, Integer> fine = part.cell().level() == GeoGrid.FINE_LEVEL
                    ? new TreeMap<>(Map.of(part.cell().geoCell(), part.persons())) : locations.fineCellsIn(part.cell());
            List<Long> wanted = new ArrayList<>();
            long skip = -1;
            long at = pos;
            for (Map.Entry<Long, Integer> e : fine.entrySet()) {
                if (at + e.getValue() > from && at < to) {
                    if (skip < 0) {
                        skip = Math.max(0, from - at);
                    }
                    wanted.add(e.getKey());
                }
                at += e.getValue();
            }
            long take = Math.min(to, pos + part.persons()) - Math.max(from, pos);
            if (!wanted.isEmpty()) {
                page.addAll(locations.personsInFineCells(wanted, (int) skip, (int) take));
            }
            pos += part.persons();
        }
        List<Long> ids = cover.boundaryIds();
        if (pos < to) {
            int a = (int) Math.max(0, Math.min(ids.size(), from - pos));
            int b = (int) Math.max(0, Math.min(ids.size(), to - pos));
            if (a < b) {
                page.addAll(locations.persons(ids.subList(a, b)));
            }
        }
        page.sort(Comparator.comparing(LocatedPerson::familyName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(LocatedPerson::givenNames, String.CASE_INSENSITIVE_ORDER).thenComparingLong(LocatedPerson::id));
        return page;
    }

    /** Vulnerabilities and households of the registrants inside, read cell batch by cell batch. */
    public InsideBreakdown breakdown(InsideCover cover) {
        Map<String, Integer> byCode = new TreeMap<>();
        int[] vulnerableAndAlone = new int[2];
        Set<Long> households = new HashSet<>();
        java.util.function.Consumer<PlaceBreakdown> add = b -> {
            b.byCode().forEach((code, n) -> byCode.merge(code, n, Integer::sum));
            vulnerableAndAlone[0] += b.vulnerable();
            vulnerableAndAlone[1] += b.withoutHousehold();
            households.addAll(b.households());
        };
        forEachBatchOfCellsWhollyInside(cover, cells -> add.accept(locations.breakdownOfFineCells(cells)));
        // Registrants of the cells across the outline: read by cell from the covering index (ADR 0062), kept
        // when the count found them inside.
        Set<Long> boundary = new HashSet<>(cover.boundaryIds());
        List<Long> crossing = cover.boundaryCells();
        for (int i = 0; i < crossing.size() && !boundary.isEmpty(); i += BATCH) {
            add.accept(locations.breakdownOfFineCells(crossing.subList(i, Math.min(crossing.size(), i + BATCH)), boundary::contains));
        }
        return new InsideBreakdown(byCode, vulnerableAndAlone[0], households.size(), vulnerableAndAlone[1]);
    }

    /**
     * The fine cells of the cells wholly inside the cover, {@link #BATCH} at a time: coarse cells are
     * opened into their fine cells about 200 fine rows at a time, so no batch holds a whole country.
     */
    private void forEachBatchOfCellsWhollyInside(InsideCover cover, java.util.function.Consumer<List<Long>> action) {
        List<Long> batch = new ArrayList<>();
        List<GridCell> coarse = new ArrayList<>();
        int fineRows = 0;
        List<InsideCover.Part> parts = cover.cells();
        for (int i = 0; i <= parts.size(); i++) {
            GridCell cell = i < parts.size() ? parts.get(i).cell() : null;
            if (cell != null && cell.level() == GeoGrid.FINE_LEVEL) {
                batch.add(cell.geoCell());
            } else if (cell != null) {
                coarse.add(cell);
                fineRows += cell.fineRowTo() - cell.fineRowFrom() + 1;
            }
            if (!coarse.isEmpty() && (cell == null || fineRows >= 200)) {
                batch.addAll(locations.fineCellsIn(coarse).keySet());
                coarse.clear();
                fineRows = 0;
            }
            while (batch.size() >= BATCH || cell == null && !batch.isEmpty()) {
                List<Long> now = batch.subList(0, Math.min(BATCH, batch.size()));
                action.accept(List.copyOf(now));
                now.clear();
            }
        }
    }

    /**
     * The registrants inside each hotspot valid on the session's day, counted by presence status and
     * vulnerability, among those matching {@code filter} (exports to headquarters; ADR 0054). Hotspots
     * in name order; one with nobody inside is listed with 0.
     */
    public List<HotspotCensus> census(RegistryFilter filter) {
        RegistryExportService registry = new RegistryExportService(session);
        LocalDate day = registry.countDay();
        List<HotspotCensus> out = new ArrayList<>();
        List<Hotspot> active = new ArrayList<>(new HotspotService(session).list().stream().filter(h -> h.validOn(day)).toList());
        active.sort(Comparator.comparing(Hotspot::name, String.CASE_INSENSITIVE_ORDER).thenComparingLong(Hotspot::id));
        for (Hotspot h : active) {
            List<Long> candidates = insideByBox(AreaGeometry.of(h.area(), 0)).stream().map(LocatedPoint::id).toList();
            Map<Long, PresenceStatus> status = registry.presence(candidates, filter);
            Map<String, Long> byStatus = new TreeMap<>();
            for (PresenceStatus s : PresenceStatus.values()) {
                byStatus.put(s.name(), 0L);
            }
            status.values().forEach(s -> byStatus.merge(s.name(), 1L, Long::sum));
            Map<String, Long> byVulnerability = new TreeMap<>();
            locations.vulnerabilities(status.keySet()).values()
                    .forEach(codes -> codes.stream().distinct().forEach(c -> byVulnerability.merge(c, 1L, Long::sum)));
            out.add(new HotspotCensus(h, status.size(), byStatus, byVulnerability));
        }
        return out;
    }

    /**
     * The raw engine, for comparison and checks: every registrant in the area's box read from the location
     * index and tested in JTS (what the cover must agree with; the export census, which needs the ids).
     */
    public List<LocatedPoint> insideByBox(AreaGeometry geometry) {
        GeoBox box = geometry.box();
        List<LocatedPoint> inside = new ArrayList<>();
        for (LocatedPoint p : locations.pointsInBox(box.south(), box.west(), box.north(), box.east())) {
            if (geometry.contains(p.latitude(), p.longitude())) {
                inside.add(p);
            }
        }
        return inside;
    }
}
