package org.consulardesk.exchange.service;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.exchange.model.ExportSummary;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;
import org.consulardesk.store.model.RegistryDescriptor;

/**
 * Exports a profile to a signed workbook: checks the profile's permission, requires a password for
 * personal data, writes through {@link WorkbookWriter}, and audits the export (profile, filters,
 * row counts; never values).
 */
public final class ExportService {
    public static final String AUDIT_EXPORTED = "EXCHANGE_EXPORTED";
    public static final int MIN_PASSWORD = 12;

    private final Session session;
    private final WorkbookWriter writer;

    public ExportService(Session session) {
        this(session, new WorkbookWriter());
    }

    public ExportService(Session session, WorkbookWriter writer) {
        this.session = session;
        this.writer = writer;
    }

    /** The profiles this user may export. */
    public List<ExportProfile> profiles() {
        return ExportProfiles.ALL.stream().filter(p -> session.can(p.requiredPermission())).toList();
    }

    /**
     * @param password required for profiles with personal data (at least {@link #MIN_PASSWORD}
     *                 characters); optional otherwise. Wiped by the caller.
     */
    public ExportSummary export(String profileName, Map<String, String> filters, boolean hxl, char[] password,
                                Path target, ProgressSink progress) {
        ExportProfile profile = ExportProfiles.find(profileName)
                .orElseThrow(() -> new UserError("error.exchange.unknownProfile", profileName));
        session.require(profile.requiredPermission());
        char[] pw = password == null || password.length == 0 ? null : password;
        if (profile.personalData() && pw == null) {
            throw new UserError("error.exchange.passwordRequired");
        }
        if (pw != null && pw.length < MIN_PASSWORD) {
            throw new UserError("error.exchange.passwordTooShort", MIN_PASSWORD);
        }
        boolean sensitive = profile.personalData() && session.can(Permission.EXPORT_PERSONAL_DATA)
                && session.can(Permission.REVEAL_SENSITIVE);
        ExportContext context = new ExportContext(session, filters, sensitive);
        RegistryDescriptor d = session.descriptor();
        // An area is named (hotspot, or a drawn area's shape and fingerprint), never written out as GeoJSON (ADR 0073).
        WorkbookWriter.Description description = new WorkbookWriter.Description(d.postName(), d.countryCode(),
                d.registryId(), profile.name(), Messages.get(profile.titleKey()), session.now(),
                session.user().username(), AreaFilter.shown(session, filters), hxl);
        Signer signer = new PostKeyService(session).signer();
        WorkbookWriter.Result result = writer.write(target, description, profile.sheets(context), context, signer,
                profile.personalData(), pw, progress);
        long rows = result.rowCounts().values().stream().mapToLong(Long::longValue).sum();
        session.database().write(tx -> {
            session.audit().record(tx, AuditEvent.of(AUDIT_EXPORTED).withDetail(profile.name() + ", " + rows
                    + " rows, filters " + description.filterText() + (pw != null ? ", encrypted" : "")));
            return null;
        });
        return new ExportSummary(target, profile.name(), result.rowCounts(), result.fingerprint(), pw != null);
    }

    /**
     * Exports a profile as CSV files with a signed sidecar ({@link CsvWriter}). Refused for profiles
     * with personal data: CSV cannot be encrypted (ADR 0052).
     *
     * @return the summary; {@code file} is the first data file, {@link CsvWriter#files} names them all
     */
    public ExportSummary exportCsv(String profileName, Map<String, String> filters, boolean hxl, Path target,
                                   ProgressSink progress) {
        ExportProfile profile = ExportProfiles.find(profileName)
                .orElseThrow(() -> new UserError("error.exchange.unknownProfile", profileName));
        session.require(profile.requiredPermission());
        if (profile.personalData()) {
            throw new UserError("error.exchange.csvPersonalData", profile.name());
        }
        ExportContext context = new ExportContext(session, filters, false);
        RegistryDescriptor d = session.descriptor();
        WorkbookWriter.Description description = new WorkbookWriter.Description(d.postName(), d.countryCode(),
                d.registryId(), profile.name(), Messages.get(profile.titleKey()), session.now(),
                session.user().username(), filters, hxl);
        Signer signer = new PostKeyService(session).signer();
        List<ExportSheet> sheets = profile.sheets(context);
        WorkbookWriter.Result result = new CsvWriter().write(target, description, sheets, context, signer, progress);
        long rows = result.rowCounts().values().stream().mapToLong(Long::longValue).sum();
        session.database().write(tx -> {
            session.audit().record(tx, AuditEvent.of(AUDIT_EXPORTED).withDetail(profile.name() + ", " + rows
                    + " rows, filters " + description.filterText() + ", csv"));
            return null;
        });
        Path first = CsvWriter.files(target, sheets.stream().map(ExportSheet::name).toList()).get(0);
        return new ExportSummary(first, profile.name(), result.rowCounts(), result.fingerprint(), false);
    }

    static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
