package org.consulardesk.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
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
        subcommands = {GeoCommand.Inside.class})
final class GeoCommand extends GroupCommand {

    /** Registrants inside the area of a GeoJSON or KML file (all its areas together), with a buffer. */
    @Command(name = "inside", mixinStandardHelpOptions = true)
    static final class Inside implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        @Option(names = "--geojson", required = true, paramLabel = "FILE", descriptionKey = "cli.option.geojson")
        Path file;

        @Option(names = "--buffer-km", defaultValue = "0", paramLabel = "K", descriptionKey = "cli.option.bufferKm")
        double bufferKm;

        Inside(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            Area area = AreaFiles.readOneArea(file);
            AreaGeometry geometry = AreaGeometry.of(area, bufferKm);
            try (Session session = login.login(terminal)) {
                InsideService service = new InsideService(session);
                InsideCover inside = service.cover(geometry);
                session.audit().record(AuditEvent.on("AREA_QUERIED", "person", inside.count(), "area", "cli"));
                terminal.out().println(Messages.get("cli.geo.inside.count", inside.count(), file.getFileName(), bufferKm));
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
}
