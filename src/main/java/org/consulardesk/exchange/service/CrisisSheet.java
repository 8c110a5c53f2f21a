package org.consulardesk.exchange.service;

import java.util.List;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.model.HotspotCensus;
import org.consulardesk.map.service.InsideService;
import org.consulardesk.registry.model.PresenceStatus;
import org.consulardesk.registry.model.RegistryFilter;

/**
 * The "Crises" sheet of the registry exports (schema version 2, ADR 0054): for each hotspot active
 * at the post on the export day, the registrants inside it in total, by presence status and by
 * vulnerability, one row per (crisis, dimension, value). No personal data. The crisis feature's
 * accountability status will add rows with dimension {@code ACCOUNTABILITY}, not a new layout.
 */
public final class CrisisSheet {
    public static final String SHEET = "Crises";
    public static final String TOTAL = "TOTAL";
    public static final String STATUS = "STATUS";
    public static final String VULNERABILITY = "VULNERABILITY";
    public static final List<ExportColumn> COLUMNS = List.of(
            ExportColumn.text("Crisis", "#event+name", 30),
            ExportColumn.text("Crisis type", "#event+type", 16),
            ExportColumn.text("Severity", "#severity", 10),
            ExportColumn.of("Valid from", ColumnType.DATE, "#date+start"),
            ExportColumn.of("Valid until", ColumnType.DATE, "#date+end"),
            ExportColumn.text("Dimension", "#indicator+dimension", 16),
            ExportColumn.text("Value", "#indicator+value", 24),
            new ExportColumn("Persons", ColumnType.INTEGER, "#affected+num", 12));
    static final int CRISIS = 0;
    static final int TYPE = 1;
    static final int SEVERITY = 2;
    static final int VALID_FROM = 3;
    static final int VALID_TO = 4;
    static final int DIMENSION = 5;
    static final int VALUE = 6;
    static final int PERSONS = 7;

    private CrisisSheet() {
    }

    /** The sheet, counting through the map feature's census of active hotspots (respecting the export's filters). */
    public static ExportSheet sheet(RegistryFilter filter) {
        return new ExportSheet(SHEET, COLUMNS, (ctx, sink) -> {
            for (HotspotCensus c : new InsideService(ctx.session()).census(filter)) {
                Hotspot h = c.hotspot();
                Object[] head = {h.name(), h.type().name(), h.severity().name(), h.validFrom(), h.validTo()};
                sink.row(row(head, TOTAL, "", c.persons()));
                for (PresenceStatus s : PresenceStatus.values()) {
                    sink.row(row(head, STATUS, s.name(), c.byStatus().getOrDefault(s.name(), 0L)));
                }
                c.byVulnerability().forEach((code, n) -> sink.row(row(head, VULNERABILITY, code, n)));
            }
        });
    }

    private static Object[] row(Object[] head, String dimension, String value, long persons) {
        return new Object[] {head[0], head[1], head[2], head[3], head[4], dimension, value, persons};
    }
}
