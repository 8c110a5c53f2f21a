package org.consulardesk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.core.UserError;
import org.consulardesk.map.model.Hotspot;
import org.consulardesk.map.service.HotspotService;
import org.consulardesk.map.model.Area;
import org.consulardesk.map.service.AreaFiles;
import org.consulardesk.map.service.AreaGeometry;
import org.consulardesk.map.service.InsideService;
import org.consulardesk.map.model.InsideCover;
import org.consulardesk.registry.model.LocatedPerson;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Geographic questions about the registry. */
@Command(name = "geo", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {GeoCommand.Inside.class, GeoCommand.Hotspots.class})
final class GeoCommand extends GroupCommand {

    /** Registrants inside the area of a GeoJSON or KML file (all its areas together), with a buffer. */
    @Command(name = "inside", mixinStandardHelpOptions = true)
    static final class Inside implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        @Option(names = "--geojson", paramLabel = "FILE", descriptionKey = "cli.option.geojson")
        Path file;

        @Option(names = "--hotspot", paramLabel = "ID", descriptionKey = "cli.option.insideHotspot")
        Long hotspot;

        @Option(names = "--buffer-km", defaultValue = "0", paramLabel = "K", descriptionKey = "cli.option.bufferKm")
        double bufferKm;

        Inside(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            if ((file == null) == (hotspot == null)) {
                throw new UserError("error.cli.geo.oneArea");
            }
            Area fileArea = file == null ? null : AreaFiles.readOneArea(file);
            try (Session session = login.login(terminal)) {
                Hotspot h = hotspot == null ? null : new HotspotService(session).find(hotspot)
                        .orElseThrow(() -> new UserError("error.exchange.unknownHotspot", hotspot));
                AreaGeometry geometry = AreaGeometry.of(h == null ? fileArea : h.area(), bufferKm);
                String what = h == null ? String.valueOf(file.getFileName()) : Messages.get("cli.geo.inside.hotspot", h.id(), h.name());
                InsideService service = new InsideService(session);
                InsideCover inside = service.cover(geometry);
                session.audit().record(AuditEvent.on("AREA_QUERIED", "person", inside.count(), "area", "cli"));
                terminal.out().println(Messages.get("cli.geo.inside.count", inside.count(), what, bufferKm));
                // Page by page: never every registrant of a large area in memory at once.
                for (int page = 0; (long) page * InsideService.PAGE < inside.count(); page++) {
                    List<LocatedPerson> persons = service.page(inside, page);
                    if (persons.isEmpty()) {
                        break;
                    }
                    persons.stream().mapToLong(LocatedPerson::id).sorted().forEach(id -> terminal.out().println(id));
                }
            }
            return Cli.OK;
        }
    }

    /** The hotspots with their ids (for {@code geo inside --hotspot} and {@code export --hotspot}). */
    @Command(name = "hotspots", mixinStandardHelpOptions = true)
    static final class Hotspots implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        Hotspots(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                List<String[]> rows = new java.util.ArrayList<>();
                rows.add(new String[] {Messages.get("cli.geo.hotspots.id"), Messages.get("cli.geo.hotspots.name"),
                        Messages.get("cli.geo.hotspots.type"), Messages.get("cli.geo.hotspots.severity"),
                        Messages.get("cli.geo.hotspots.valid")});
                for (Hotspot h : new HotspotService(session).list()) {
                    rows.add(new String[] {Long.toString(h.id()), h.name(), h.type().name(), h.severity().name(),
                            (h.validFrom() == null ? "" : h.validFrom().toString()) + " \u2013 "
                                    + (h.validTo() == null ? "" : h.validTo().toString())});
                }
                Table.print(terminal.out(), rows);
            }
            return Cli.OK;
        }
    }
}
