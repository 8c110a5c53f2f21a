package org.consulardesk.exchange.service;

import java.util.List;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.registry.model.RegistryCount;
import org.consulardesk.registry.service.RegistryExportService;
import org.consulardesk.security.model.Permission;

/**
 * Registry totals without personal data: persons in total and by purpose of stay, city, district,
 * vulnerability, document expiry and presence status; then the registrants inside each active hotspot
 * ({@link CrisisSheet}). May be exported unencrypted.
 */
public final class RegistryAggregateProfile extends BaseExportProfile {
    public static final String NAME = "registry-aggregate";
    public static final String SHEET = "Totals";
    static final List<ExportColumn> COLUMNS = List.of(
            ExportColumn.text("Dimension", "#indicator+dimension", 18),
            ExportColumn.text("Value", "#indicator+value", 32),
            new ExportColumn("Persons", ColumnType.INTEGER, "#affected+num", 12));

    public RegistryAggregateProfile() {
        super(NAME, "exchange.profile.registry-aggregate", Permission.EXPORT_AGGREGATE, NO_PERSONAL_DATA, RegistryFilters.NAMES);
    }

    @Override
    public List<ExportSheet> sheets(ExportContext context) {
        var filter = RegistryFilters.of(context);
        return List.of(new ExportSheet(SHEET, COLUMNS, (ctx, sink) -> {
            for (RegistryCount c : new RegistryExportService(ctx.session()).totals(filter)) {
                sink.row(c.dimension(), c.value(), c.persons());
            }
        }), CrisisSheet.sheet(filter));
    }
}
