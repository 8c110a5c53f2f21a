package org.consulardesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.registry.model.PersonHit;
import org.consulardesk.registry.model.RegistrySearch;
import org.consulardesk.registry.service.SearchService;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Names (any order, script, one or two typos), document numbers or phones; best first. */
@Command(name = "search", mixinStandardHelpOptions = true)
final class PersonsSearch implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    LoginOptions login;

    @Parameters(paramLabel = "QUERY", arity = "1..*", descriptionKey = "cli.option.query")
    List<String> query;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", descriptionKey = "cli.option.limit")
    int limit;

    PersonsSearch(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        try (Session session = login.login(terminal)) {
            List<PersonHit> hits = new SearchService(session).search(RegistrySearch.text(String.join(" ", query)), 0,
                    Math.max(1, limit));
            if (hits.isEmpty()) {
                terminal.out().println(Messages.get("cli.persons.none"));
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {Messages.get("cli.persons.col.id"), Messages.get("cli.persons.col.family"),
                    Messages.get("cli.persons.col.given"), Messages.get("cli.persons.col.born"),
                    Messages.get("cli.persons.col.city")});
            for (PersonHit h : hits) {
                rows.add(new String[] {String.valueOf(h.id()), h.familyName(), h.givenNames(),
                        h.birthDate() == null ? "" : h.birthDate(), h.city() == null ? "" : h.city()});
            }
            Table.print(terminal.out(), rows);
            return 0;
        }
    }
}
