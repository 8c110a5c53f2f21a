package org.consulardesk.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.consulardesk.bonds.model.Allocation;
import org.consulardesk.bonds.model.AllocationMethod;
import org.consulardesk.bonds.model.AllocationPreview;
import org.consulardesk.bonds.model.CostKind;
import org.consulardesk.bonds.model.EvacuationCost;
import org.consulardesk.bonds.model.LedgerLine;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.service.EvacuationCostService;
import org.consulardesk.core.Messages;
import org.consulardesk.core.UserError;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bonds costs}, {@code bonds record-cost}, {@code bonds allocate}: evacuation costs from the command line. */
final class BondCostCommands {
    private BondCostCommands() {
    }

    /** Every evacuation cost with its status and, once allocated, the drawdowns per bond. */
    @Command(name = "costs", mixinStandardHelpOptions = true)
    static final class Costs implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        Costs(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                EvacuationCostService service = new EvacuationCostService(session);
                List<EvacuationCost> costs = service.list();
                var out = terminal.out();
                out.println(Messages.get("cli.bonds.costs.heading", costs.size()));
                for (EvacuationCost c : costs) {
                    out.println();
                    out.println(Messages.get("cli.bonds.costs.cost", c.reference(), c.incurredOn().toString(),
                            Messages.get("costs.kind." + c.kind().name()), c.description().replaceAll("[\\r\\n\\t]+", " "),
                            c.amount().toString(), c.personIds().size(),
                            c.posted() ? Messages.get("costs.status.posted", Messages.get("costs.method." + c.method().name()))
                                    : Messages.get("costs.status.open"),
                            c.operationRef() == null ? "-" : c.operationRef()));
                    List<LedgerLine> lines = service.drawdowns(c.id());
                    if (!lines.isEmpty()) {
                        List<String[]> rows = new ArrayList<>();
                        rows.add(new String[] {Messages.get("cli.bonds.col.entry"), Messages.get("cli.bonds.col.bond"),
                                Messages.get("cli.bonds.col.employer"), Messages.get("cli.bonds.col.amount"),
                                Messages.get("cli.bonds.col.status")});
                        for (LedgerLine l : lines) {
                            rows.add(new String[] {String.valueOf(l.entry().id()), l.bondReference(), l.organisationName(),
                                    l.entry().amount().toString(), Messages.get("bonds.entryStatus." + l.entry().status().name())});
                        }
                        Table.print(out, rows);
                    }
                }
            }
            return Cli.OK;
        }
    }

    /** Records a cost and the registrants it moved; prints its reference. */
    @Command(name = "record-cost", mixinStandardHelpOptions = true)
    static final class RecordCost implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        @Option(names = "--kind", required = true, paramLabel = "KIND", descriptionKey = "cli.option.costKind")
        String kind;

        @Option(names = "--description", required = true, paramLabel = "TEXT", descriptionKey = "cli.option.costDescription")
        String description;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.costDate")
        LocalDate date;

        @Option(names = "--amount", required = true, paramLabel = "AMOUNT", descriptionKey = "cli.option.costAmount")
        BigDecimal amount;

        @Option(names = "--currency", required = true, paramLabel = "CODE", descriptionKey = "cli.option.costCurrency")
        String currency;

        @Option(names = "--person", required = true, paramLabel = "ID", descriptionKey = "cli.option.costPerson")
        List<Long> persons;

        @Option(names = "--operation", paramLabel = "REF", descriptionKey = "cli.option.costOperation")
        String operation;

        RecordCost(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            CostKind k;
            try {
                k = CostKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError("error.costs.kind", kind, java.util.Arrays.toString(CostKind.values()));
            }
            Currency cur = currency(currency);
            if (amount.signum() <= 0 || !Money.fits(amount, cur)) {
                throw new UserError("error.bond.amount", cur.getCurrencyCode());
            }
            try (Session session = login.login(terminal)) {
                EvacuationCost c = new EvacuationCostService(session).record(k, description, date, new Money(amount, cur),
                        persons, operation);
                terminal.out().println(Messages.get("costs.recorded", c.reference(), c.personIds().size()));
            }
            return Cli.OK;
        }
    }

    /** Previews the allocation of a cost per bond; with {@code --post}, posts it. */
    @Command(name = "allocate", mixinStandardHelpOptions = true)
    static final class Allocate implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        @Option(names = "--cost", required = true, paramLabel = "REF", descriptionKey = "cli.option.costRef")
        String cost;

        @Option(names = "--method", defaultValue = "per-head", paramLabel = "per-head|proportional",
                descriptionKey = "cli.option.costMethod")
        String method;

        @Option(names = "--rate", paramLabel = "CODE=RATE", descriptionKey = "cli.option.costRate")
        Map<String, String> rates = new LinkedHashMap<>();

        @Option(names = "--post", descriptionKey = "cli.option.costPost")
        boolean post;

        Allocate(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            AllocationMethod m = switch (method.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "per-head" -> AllocationMethod.PER_HEAD;
                case "proportional" -> AllocationMethod.PROPORTIONAL;
                default -> throw new UserError("error.cost.method");
            };
            Map<Currency, BigDecimal> r = new LinkedHashMap<>();
            rates.forEach((code, value) -> {
                try {
                    BigDecimal rate = new BigDecimal(value.strip());
                    if (rate.signum() <= 0) {
                        throw new NumberFormatException();
                    }
                    r.put(currency(code), rate);
                } catch (NumberFormatException e) {
                    throw new UserError("error.costs.rates", code + "=" + value);
                }
            });
            try (Session session = login.login(terminal)) {
                EvacuationCostService service = new EvacuationCostService(session);
                EvacuationCost c = service.byReference(cost).orElseThrow(() -> new UserError("error.costs.reference", cost));
                AllocationPreview p = post ? service.post(c.id(), m, r) : service.preview(c.id(), m, r);
                var out = terminal.out();
                out.println(Messages.get(post ? "cli.bonds.allocate.posted" : "cli.bonds.allocate.preview", c.reference(),
                        c.amount().toString(), Messages.get("costs.method." + m.name())));
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {Messages.get("cli.bonds.col.bond"), Messages.get("cli.bonds.col.employer"),
                        Messages.get("cli.bonds.col.workers"), Messages.get("cli.bonds.col.share"),
                        Messages.get("cli.bonds.col.rate"), Messages.get("cli.bonds.col.charge"),
                        Messages.get("cli.bonds.col.shortfall")});
                for (Allocation a : p.allocations()) {
                    rows.add(new String[] {a.bondReference(), a.organisationName(), String.valueOf(a.personIds().size()),
                            a.share().toString(), a.rate().stripTrailingZeros().toPlainString(), a.charge().toString(),
                            a.shortfall().isZero() ? "" : a.shortfall().toString()});
                }
                Table.print(out, rows);
                out.println(Messages.get("costs.preview.summary", p.allocations().size(),
                        p.cost().amount().minus(p.unrecovered()).toString(), p.unrecovered().toString(),
                        p.uncoveredPersonIds().size()));
            }
            return Cli.OK;
        }
    }

    static Currency currency(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        try {
            if (!c.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException();
            }
            return Currency.getInstance(c);
        } catch (IllegalArgumentException e) {
            throw new UserError("error.bonds.currencyFormat", c);
        }
    }
}
