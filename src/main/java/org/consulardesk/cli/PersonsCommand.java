package org.consulardesk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.ColumnMapping;
import org.consulardesk.registry.model.IntakeAnalysis;
import org.consulardesk.registry.model.IntakeIssue;
import org.consulardesk.registry.service.IntakeMappings;
import org.consulardesk.registry.service.IntakeService;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Registrations: bulk intake from CSV or XLSX files, and search. */
@Command(name = "persons", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {PersonsCommand.Import.class, PersonsSearch.class, PersonsDuplicates.class})
final class PersonsCommand extends GroupCommand {

    /**
     * Imports a file in one transaction: prints the report (values included: the officer runs this
     * at the post) and imports nothing if any row has a problem.
     */
    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "cli.option.intakeFile")
        Path file;

        @Option(names = "--mapping", paramLabel = "M", descriptionKey = "cli.option.mapping")
        String mapping;

        @Option(names = "--dry-run", descriptionKey = "cli.option.dryRun")
        boolean dryRun;

        @Option(names = "--skip-duplicates", descriptionKey = "cli.option.skipDuplicates")
        boolean skipDuplicates;

        Import(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                IntakeService intake = new IntakeService(session);
                ColumnMapping columns = mapping(intake);
                IntakeAnalysis analysis = intake.analyse(file, columns, ProgressSink.NONE);
                print(analysis);
                if (analysis.hasErrors()) {
                    terminal.err().println(Messages.get("error.intake.hasErrors", analysis.errors().size()));
                    return Cli.USER_ERROR;
                }
                Set<Integer> skip = new HashSet<>(analysis.duplicateRows());
                if (!skip.isEmpty() && !skipDuplicates) {
                    terminal.err().println(Messages.get("error.intake.duplicates", skip.size()));
                    return Cli.USER_ERROR;
                }
                int kept = analysis.candidates().size() - (int) analysis.candidates().stream().filter(c -> skip.contains(c.row())).count();
                if (dryRun) {
                    terminal.out().println(Messages.get("cli.persons.import.dryRun", kept, skip.size()));
                    return Cli.OK;
                }
                int imported = intake.commit(analysis, skip);
                terminal.out().println(Messages.get("cli.persons.import.done", imported, analysis.fileName(), skip.size()));
            }
            return Cli.OK;
        }

        /** A mapping file if M is one, else a mapping saved under that name, else one suggested from the header. */
        private ColumnMapping mapping(IntakeService intake) {
            if (mapping == null) {
                return IntakeMappings.suggest(intake.preview(file, 0, ProgressSink.NONE).header());
            }
            Path path = Path.of(mapping);
            if (java.nio.file.Files.isRegularFile(path)) {
                return IntakeMappings.load(path);
            }
            return intake.savedMapping(mapping).orElseThrow(() -> new UserError("error.intake.mappingNotFound", mapping));
        }

        private void print(IntakeAnalysis analysis) {
            if (analysis.issues().isEmpty()) {
                return;
            }
            java.util.List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {Messages.get("cli.persons.column.row"), Messages.get("cli.persons.column.column"),
                    Messages.get("cli.persons.column.value"), Messages.get("cli.persons.column.reason")});
            for (IntakeIssue i : analysis.issues()) {
                String reason = (i.duplicate() ? Messages.get("cli.persons.duplicate") + " " : "") + i.reason();
                rows.add(new String[] {i.row() == 0 ? "-" : String.valueOf(i.row()), i.column(), oneLine(i.value()), reason});
            }
            Table.print(terminal.out(), rows);
        }

        private static String oneLine(String value) {
            String flat = value == null ? "" : value.replaceAll("[\\r\\n\\t]+", " ");
            return flat.length() > 60 ? flat.substring(0, 59) + "\u2026" : flat;
        }
    }
}
