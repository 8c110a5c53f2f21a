package org.consulardesk.exchange.service;

import java.util.List;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ConsolidatedTotal;
import org.consulardesk.exchange.model.CrisisTotal;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.exchange.model.PostImport;
import org.consulardesk.security.model.Permission;

/**
 * Re-export of the HQ consolidation (no personal data): the posts, their totals by every dimension
 * of the view (crisis and status included), and per crisis its totals by post, status and vulnerability.
 */
public final class ConsolidationProfile extends BaseExportProfile {
    public static final String NAME = "hq-consolidation";

    public ConsolidationProfile() {
        super(NAME, "exchange.profile.hq-consolidation", Permission.IMPORT_EXCHANGE, NO_PERSONAL_DATA);
    }

    @Override
    public List<ExportSheet> sheets(ExportContext context) {
        List<ExportColumn> posts = List.of(ExportColumn.text("Post", null, 36), ExportColumn.text("Country", "#country+code", 8),
                ExportColumn.text("Profile", null, 20), new ExportColumn("Exported at", ColumnType.TEXT, "#date+reported", 22),
                new ExportColumn("Persons", ColumnType.INTEGER, "#affected+num", 12));
        List<ExportColumn> totals = List.of(ExportColumn.text("Dimension", "#indicator+dimension", 18),
                ExportColumn.text("Value", "#indicator+value", 32), new ExportColumn("Persons", ColumnType.INTEGER, "#affected+num", 12));
        return List.of(
                new ExportSheet("Posts", posts, (ctx, sink) -> {
                    for (PostImport i : new ConsolidationService(ctx.session()).currentPerPost()) {
                        sink.row(i.post(), i.country(), i.profile(), i.exportedAt().toString(), i.persons());
                    }
                }),
                new ExportSheet("Totals", totals, (ctx, sink) -> {
                    ConsolidationService service = new ConsolidationService(ctx.session());
                    for (String dimension : ConsolidationService.VIEW_DIMENSIONS) {
                        if (dimension.equals("CRISIS")) {
                            for (CrisisTotal c : service.crises()) {
                                sink.row("CRISIS", c.crisis(), c.persons());
                            }
                            continue;
                        }
                        for (ConsolidatedTotal t : service.totals(dimension)) {
                            sink.row(t.dimension(), t.value(), t.persons());
                        }
                    }
                }),
                new ExportSheet(CrisisSheet.SHEET, CrisisSheet.COLUMNS, (ctx, sink) -> {
                    ConsolidationService service = new ConsolidationService(ctx.session());
                    for (CrisisTotal c : service.crises()) {
                        Object[] head = {c.crisis(), c.type(), c.severity(), c.validFrom(), c.validTo()};
                        sink.row(head[0], head[1], head[2], head[3], head[4], CrisisSheet.TOTAL, "", c.persons());
                        for (String dimension : List.of("POST", CrisisSheet.STATUS, CrisisSheet.VULNERABILITY)) {
                            for (ConsolidatedTotal t : service.crisisTotals(c.crisis(), dimension)) {
                                sink.row(head[0], head[1], head[2], head[3], head[4], dimension, t.value(), t.persons());
                            }
                        }
                    }
                }));
    }
}
