package org.consulardesk.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.exchange.model.ExportSummary;
import org.consulardesk.exchange.service.AreaFilter;
import org.consulardesk.exchange.service.ExportProfile;
import org.consulardesk.exchange.service.ExportProfiles;
import org.consulardesk.exchange.service.ExportService;
import org.consulardesk.map.service.AreaFiles;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Exports a profile to a signed workbook, or lists the profiles. */
@Command(name = "export", mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Option(names = "--list-profiles", descriptionKey = "cli.option.listProfiles")
    boolean listProfiles;

    @Option(names = "--registry", paramLabel = "DIR", descriptionKey = "cli.option.registry")
    Path registry;

    @Option(names = "--user", paramLabel = "NAME", descriptionKey = "cli.option.user")
    String user;

    @Option(names = "--passphrase-file", paramLabel = "FILE", descriptionKey = "cli.option.passphraseFile")
    Path passphraseFile;

    @Option(names = "--upgrade", descriptionKey = "cli.option.upgrade")
    boolean upgrade;

    @Option(names = "--profile", paramLabel = "NAME", descriptionKey = "cli.option.profile")
    String profile;

    @Option(names = "--out", paramLabel = "FILE", descriptionKey = "cli.option.exportOut")
    Path out;

    @Option(names = "--password-file", paramLabel = "FILE", descriptionKey = "cli.option.passwordFile")
    Path passwordFile;

    @Option(names = "--filter", paramLabel = "NAME=VALUE", descriptionKey = "cli.option.filter")
    Map<String, String> filters = new LinkedHashMap<>();

    @Option(names = "--hotspot", paramLabel = "ID", descriptionKey = "cli.option.exportHotspot")
    Long hotspot;

    @Option(names = "--geojson", paramLabel = "FILE", descriptionKey = "cli.option.exportGeojson")
    Path geojson;

    @Option(names = "--buffer-km", paramLabel = "K", descriptionKey = "cli.option.exportBufferKm")
    Double bufferKm;

    @Option(names = "--hxl", descriptionKey = "cli.option.hxl")
    boolean hxl;

    @Option(names = "--format", paramLabel = "xlsx|csv", descriptionKey = "cli.option.exportFormat")
    String format = "xlsx";

    ExportCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (listProfiles) {
            List<String[]> rows = new java.util.ArrayList<>();
            rows.add(new String[] {Messages.get("cli.exchange.col.profile"), Messages.get("cli.exchange.col.title"),
                    Messages.get("cli.exchange.col.permission"), Messages.get("cli.exchange.col.encrypted")});
            for (ExportProfile p : ExportProfiles.ALL) {
                rows.add(new String[] {p.name(), Messages.get(p.titleKey()), p.requiredPermission().name(),
                        Messages.get(p.personalData() ? "cli.exchange.always" : "cli.exchange.optional")});
            }
            Table.print(terminal.out(), rows);
            return Cli.OK;
        }
        if (registry == null || user == null || profile == null || out == null) {
            throw new ParameterException(spec.commandLine(), Messages.get("cli.exchange.exportUsage"));
        }
        ExportProfile chosen = ExportProfiles.find(profile).orElseThrow(() -> new UserError("error.exchange.unknownProfile", profile));
        areaFilters();
        LoginOptions login = new LoginOptions();
        login.registry = registry;
        login.user = user;
        login.passphraseFile = passphraseFile;
        login.upgrade = upgrade;
        if ("csv".equalsIgnoreCase(format)) {
            if (chosen.personalData()) {
                throw new UserError("error.exchange.csvPersonalData", chosen.name());
            }
            try (Session session = login.login(terminal)) {
                ExportSummary summary = new ExportService(session).exportCsv(profile, filters, hxl, out, ProgressSink.NONE);
                terminal.out().println(Messages.get("cli.exchange.exportedCsv", summary.totalRows(),
                        summary.file().getParent().toString()));
                summary.rowCounts().forEach((sheet, n) -> terminal.out().println("  " + sheet + ": " + n));
                terminal.out().println(Messages.get("cli.exchange.fingerprint", summary.fingerprint()));
            }
            return Cli.OK;
        }
        if (!"xlsx".equalsIgnoreCase(format)) {
            throw new ParameterException(spec.commandLine(), Messages.get("cli.exchange.formatUsage"));
        }
        char[] password = ExchangePasswords.read(terminal, passwordFile, chosen.personalData(), true);
        try (Session session = login.login(terminal)) {
            ExportSummary summary = new ExportService(session).export(profile, filters, hxl, password, out, ProgressSink.NONE);
            terminal.out().println(Messages.get("cli.exchange.exported", summary.totalRows(), out.toString(),
                    summary.encrypted() ? Messages.get("cli.exchange.encrypted") : Messages.get("cli.exchange.notEncrypted")));
            summary.rowCounts().forEach((sheet, n) -> terminal.out().println("  " + sheet + ": " + n));
            terminal.out().println(Messages.get("cli.exchange.fingerprint", summary.fingerprint()));
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        return Cli.OK;
    }

    /** {@code --hotspot}, {@code --geojson} (GeoJSON or KML, all its areas together, as {@code geo inside}) and {@code --buffer-km} as the area filter (ADR 0073). */
    private void areaFilters() {
        if (hotspot != null) {
            filters.put(AreaFilter.HOTSPOT, Long.toString(hotspot));
        }
        if (geojson != null) {
            filters.put(AreaFilter.AREA, AreaFiles.toGeoJson(AreaFiles.readOneArea(geojson)));
        }
        if (bufferKm != null) {
            filters.put(AreaFilter.BUFFER_KM, java.math.BigDecimal.valueOf(bufferKm).stripTrailingZeros().toPlainString());
        }
    }
}
