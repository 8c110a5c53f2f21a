package org.consulardesk.exchange.service;

import static org.consulardesk.exchange.model.ExportColumn.of;
import static org.consulardesk.exchange.model.ExportColumn.text;

import java.util.List;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.registry.model.RegistrantRow;
import org.consulardesk.registry.service.RegistryExportService;
import org.consulardesk.security.model.Permission;

/**
 * Every registration, one row per person, for entitled roles only; always password-encrypted. The
 * restricted columns (migration status, health, detention) are filled only when the role may reveal
 * them and the person's consent to share is active; otherwise they are empty. A second sheet counts
 * the registrants inside each active hotspot ({@link CrisisSheet}). With an area filter
 * ({@link AreaFilter}: a hotspot or a drawn area, with a buffer) only the people inside it are
 * exported, read by id from the ids the map's cover gives (ADR 0073).
 */
public final class RegistryFullProfile extends BaseExportProfile {
    public static final String NAME = "registry-full";
    public static final String SHEET = "Registrants";
    public static final List<ExportColumn> COLUMNS = List.of(
            of("Registration", ColumnType.INTEGER, null),
            text("Family name", null, 20),
            text("Given names", null, 20),
            text("Family name (original script)", null, 20),
            text("Given names (original script)", null, 20),
            text("Sex", "#affected+sex", 6),
            text("Birth date", null, 12),
            text("Place of birth", null, 18),
            text("Purpose", "#affected+type", 10),
            text("Address", null, 28),
            text("District", "#adm2+name", 16),
            text("City", "#loc+name", 16),
            text("Country", "#country+code", 8),
            of("Latitude", ColumnType.DECIMAL, "#geo+lat"),
            of("Longitude", ColumnType.DECIMAL, "#geo+lon"),
            of("Arrival", ColumnType.DATE, null),
            of("Planned departure", ColumnType.DATE, null),
            text("Phone", null, 18),
            text("Email", null, 24),
            text("Document number", null, 14),
            of("Document expires", ColumnType.DATE, null),
            text("Vulnerabilities", "#affected+vulnerable", 24),
            of("Household", ColumnType.INTEGER, null),
            of("Consent crisis contact", ColumnType.BOOLEAN, null),
            of("Consent to share", ColumnType.BOOLEAN, null),
            text("Migration status", null, 20),
            text("Health", null, 20),
            text("Detention", null, 20));

    public RegistryFullProfile() {
        super(NAME, "exchange.profile.registry-full", Permission.EXPORT_PERSONAL_DATA, PERSONAL_DATA, RegistryFilters.NAMES_WITH_AREA);
    }

    @Override
    public List<ExportSheet> sheets(ExportContext context) {
        var filter = RegistryFilters.of(context, RegistryFilters.NAMES_WITH_AREA);
        var inside = AreaFilter.ids(context);
        if (inside.isPresent()) {
            long[] ids = inside.get();
            return List.of(new ExportSheet(SHEET, COLUMNS, ExportSheet.counted(
                    (ctx, sink) -> new RegistryExportService(ctx.session()).stream(filter, ids, ctx.sensitiveAllowed(),
                            r -> sink.row(values(r))),
                    ctx -> ids.length)), CrisisSheet.sheet(filter));
        }
        return List.of(new ExportSheet(SHEET, COLUMNS, ExportSheet.counted(
                (ctx, sink) -> new RegistryExportService(ctx.session()).stream(filter, ctx.sensitiveAllowed(),
                        r -> sink.row(values(r))),
                ctx -> new RegistryExportService(ctx.session()).count(filter))), CrisisSheet.sheet(filter));
    }

    static Object[] values(RegistrantRow r) {
        return new Object[] {r.id(), r.familyName(), r.givenNames(), r.familyNameOriginal(), r.givenNamesOriginal(),
                String.valueOf(r.sex()), r.birthDate(), r.placeOfBirth(), r.purpose().name(), r.addressLine(),
                r.district(), r.city(), r.countryCode(), r.latitude(), r.longitude(), r.arrivalDate(),
                r.plannedDeparture(), r.phone(), r.email(), r.documentNumber(), r.documentExpires(),
                r.vulnerabilities(), r.householdId(), r.crisisContactConsent(), r.shareConsent(),
                r.migrationStatus(), r.healthDetails(), r.detentionDetails()};
    }
}
