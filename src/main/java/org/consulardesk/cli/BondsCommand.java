package org.consulardesk.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.consulardesk.bonds.model.BondAlerts;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.Claim;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.model.Statement;
import org.consulardesk.bonds.service.BondAlertsService;
import org.consulardesk.bonds.service.StatementService;
import org.consulardesk.core.Messages;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Bonds and deposits: an employer's statement, the alerts and evacuation costs. */
@Command(name = "bonds", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {BondsCommand.StatementCommand.class, BondsCommand.Alerts.class, BondCostCommands.Costs.class,
                BondCostCommands.RecordCost.class, BondCostCommands.Allocate.class})
final class BondsCommand extends GroupCommand {

    /** Every bond of one employer or agency with its ledger and balance; totals per currency. */
    @Command(name = "statement", mixinStandardHelpOptions = true)
    static final class StatementCommand implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        @Option(names = "--employer", required = true, paramLabel = "ID", descriptionKey = "cli.option.employer")
        long employer;

        StatementCommand(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                Statement s = new StatementService(session).statement(employer);
                var out = terminal.out();
                out.println(Messages.get("cli.bonds.statement.heading", s.employer().legalName(), s.employer().id(),
                        Messages.get("bonds.kind." + s.employer().kind().name()), s.asOf().toString()));
                if (s.employer().licenceNumber() != null) {
                    out.println(Messages.get("cli.bonds.statement.licence", s.employer().licenceNumber(),
                            s.employer().licenceValidUntil() == null ? "-" : s.employer().licenceValidUntil().toString()));
                }
                if (s.employer().blacklisted()) {
                    out.println(Messages.get("cli.bonds.statement.blacklisted", s.employer().blacklistReason()));
                }
                if (s.bonds().isEmpty()) {
                    out.println(Messages.get("cli.bonds.statement.none"));
                    return Cli.OK;
                }
                for (Statement.Line line : s.bonds()) {
                    BondOverview o = line.bond();
                    out.println();
                    out.println(Messages.get("cli.bonds.statement.bond", o.bond().reference(), o.bond().id(),
                            Messages.get("bonds.instrument." + o.bond().instrument().name()), o.bond().faceAmount().toString(),
                            Messages.get("bonds.state." + o.bond().state().name()), o.bond().termStart().toString(),
                            o.bond().termEnd().toString(), o.coveredWorkers()));
                    List<String[]> rows = new ArrayList<>();
                    rows.add(new String[] {Messages.get("cli.bonds.col.entry"), Messages.get("cli.bonds.col.date"),
                            Messages.get("cli.bonds.col.kind"), Messages.get("cli.bonds.col.amount"),
                            Messages.get("cli.bonds.col.status"), Messages.get("cli.bonds.col.memo")});
                    for (LedgerEntry e : line.entries()) {
                        rows.add(new String[] {String.valueOf(e.id()), e.enteredAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                                Messages.get("bonds.entry." + e.kind().name()), e.amount().toString(),
                                Messages.get("bonds.entryStatus." + e.status().name()), memo(e)});
                    }
                    Table.print(out, rows);
                    out.println(Messages.get("cli.bonds.statement.balance", o.balance().toString(),
                            o.pendingDebits().abs().toString()));
                }
                out.println();
                out.println(Messages.get("cli.bonds.statement.totals", s.totals().values().stream().map(Money::toString)
                        .collect(Collectors.joining("; "))));
            }
            return Cli.OK;
        }

        private static String memo(LedgerEntry e) {
            String m = e.memo() == null ? "" : e.memo().replaceAll("[\\r\\n\\t]+", " ");
            if (e.original() != null) {
                m = Messages.get("cli.bonds.converted", e.original().toString(), e.rate().toPlainString()) + (m.isEmpty() ? "" : " " + m);
            }
            return m.length() > 60 ? m.substring(0, 59) + "\u2026" : m;
        }
    }

    /** Bonds ending, workers without a bond, under-funded pooled bonds, claims and approvals waiting. */
    @Command(name = "alerts", mixinStandardHelpOptions = true)
    static final class Alerts implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        @Option(names = "--days", defaultValue = "60", paramLabel = "N", descriptionKey = "cli.option.bondDays")
        int days;

        Alerts(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                BondAlerts a = new BondAlertsService(session).alerts(days);
                var out = terminal.out();
                out.println(Messages.get("cli.bonds.alerts.heading", a.today().toString(), a.total()));

                out.println();
                out.println(Messages.get("cli.bonds.alerts.ending", a.withinDays(), a.endingSoon().size()));
                if (!a.endingSoon().isEmpty()) {
                    List<String[]> rows = new ArrayList<>();
                    rows.add(new String[] {Messages.get("cli.bonds.col.bond"), Messages.get("cli.bonds.col.employer"),
                            Messages.get("cli.bonds.col.ends"), Messages.get("cli.bonds.col.state"),
                            Messages.get("cli.bonds.col.balance")});
                    for (BondOverview o : a.endingSoon()) {
                        rows.add(new String[] {o.bond().reference(), o.bond().organisationName(), o.bond().termEnd().toString(),
                                Messages.get("bonds.state." + o.bond().state().name()), o.balance().toString()});
                    }
                    Table.print(out, rows);
                }

                out.println();
                out.println(Messages.get("cli.bonds.alerts.uncovered", a.uncoveredWorkers().size()));
                if (!a.uncoveredWorkers().isEmpty()) {
                    List<String[]> rows = new ArrayList<>();
                    rows.add(new String[] {Messages.get("cli.persons.col.id"), Messages.get("cli.persons.col.family"),
                            Messages.get("cli.persons.col.given"), Messages.get("cli.bonds.col.employer")});
                    for (BondAlerts.UncoveredWorker w : a.uncoveredWorkers()) {
                        rows.add(new String[] {String.valueOf(w.personId()), w.familyName(), w.givenNames(), w.organisationName()});
                    }
                    Table.print(out, rows);
                }

                out.println();
                out.println(Messages.get("cli.bonds.alerts.underFunded", a.underFunded().size()));
                if (!a.underFunded().isEmpty()) {
                    List<String[]> rows = new ArrayList<>();
                    rows.add(new String[] {Messages.get("cli.bonds.col.bond"), Messages.get("cli.bonds.col.employer"),
                            Messages.get("cli.bonds.col.workers"), Messages.get("cli.bonds.col.balance"),
                            Messages.get("cli.bonds.col.required")});
                    for (BondAlerts.UnderFunded u : a.underFunded()) {
                        rows.add(new String[] {u.bond().bond().reference(), u.bond().bond().organisationName(),
                                String.valueOf(u.bond().coveredWorkers()), u.bond().balance().toString(), u.required().toString()});
                    }
                    Table.print(out, rows);
                }

                out.println();
                out.println(Messages.get("cli.bonds.alerts.claims", a.claimsWaiting().size()));
                if (!a.claimsWaiting().isEmpty()) {
                    List<String[]> rows = new ArrayList<>();
                    rows.add(new String[] {Messages.get("cli.bonds.col.claim"), Messages.get("cli.bonds.col.employer"),
                            Messages.get("cli.bonds.col.status"), Messages.get("cli.bonds.col.due"),
                            Messages.get("cli.bonds.col.amount")});
                    LocalDate today = a.today();
                    for (Claim c : a.claimsWaiting()) {
                        rows.add(new String[] {String.valueOf(c.id()), c.organisationName(),
                                Messages.get("bonds.claim.status." + c.status().name()),
                                c.decisionDue() + (c.overdue(today) ? " " + Messages.get("cli.bonds.overdue") : ""),
                                c.claimed().toString()});
                    }
                    Table.print(out, rows);
                }

                out.println();
                out.println(Messages.get("cli.bonds.alerts.approvals", a.approvalsWaiting().size()));
                if (!a.approvalsWaiting().isEmpty()) {
                    List<String[]> rows = new ArrayList<>();
                    rows.add(new String[] {Messages.get("cli.bonds.col.entry"), Messages.get("cli.bonds.col.bond"),
                            Messages.get("cli.bonds.col.kind"), Messages.get("cli.bonds.col.amount"),
                            Messages.get("cli.bonds.col.enteredBy")});
                    for (LedgerEntry e : a.approvalsWaiting()) {
                        rows.add(new String[] {String.valueOf(e.id()), String.valueOf(e.bondId()),
                                Messages.get("bonds.entry." + e.kind().name()), e.amount().toString(), e.enteredBy()});
                    }
                    Table.print(out, rows);
                }
            }
            return Cli.OK;
        }
    }
}
