package org.consulardesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.consulardesk.core.Messages;
import org.consulardesk.registry.model.DuplicateCandidate;
import org.consulardesk.registry.model.Person;
import org.consulardesk.registry.service.DuplicateService;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Likely duplicate pairs, best first, with their score and reasons (merging is done on the screen). */
@Command(name = "duplicates", mixinStandardHelpOptions = true)
final class PersonsDuplicates implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    LoginOptions login;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N", descriptionKey = "cli.option.limit")
    int limit;

    PersonsDuplicates(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        try (Session session = login.login(terminal)) {
            List<DuplicateCandidate> pairs = new DuplicateService(session).candidates(Math.max(1, limit));
            if (pairs.isEmpty()) {
                terminal.out().println(Messages.get("cli.persons.duplicates.none"));
                return Cli.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {Messages.get("cli.persons.duplicates.col.score"), Messages.get("cli.persons.duplicates.col.left"),
                    Messages.get("cli.persons.duplicates.col.right"), Messages.get("cli.persons.duplicates.col.reasons")});
            for (DuplicateCandidate c : pairs) {
                rows.add(new String[] {String.format(Locale.ROOT, "%.2f", c.score()), describe(c.left()), describe(c.right()),
                        c.reasons().stream().map(r -> Messages.get(r.messageKey())).collect(Collectors.joining(" + "))});
            }
            Table.print(terminal.out(), rows);
            return Cli.OK;
        }
    }

    private static String describe(Person p) {
        return p.id() + " " + p.familyName() + ", " + p.givenNames() + (p.birthDate() == null ? "" : " (" + p.birthDate() + ")");
    }
}
