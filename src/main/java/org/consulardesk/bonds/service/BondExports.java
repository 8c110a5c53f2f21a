package org.consulardesk.bonds.service;

import static org.consulardesk.exchange.model.ExportColumn.of;
import static org.consulardesk.exchange.model.ExportColumn.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.BondState;
import org.consulardesk.bonds.model.CurrencyTotal;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.LedgerLine;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.core.UserError;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.exchange.service.ExportContext;
import org.consulardesk.exchange.service.ExportSheet;

/**
 * The sheets the bond export profiles share: the register (one row per bond), the ledger (one row per
 * entry, typed: dates as dates, amounts as money with a currency column), totals per currency and the
 * employer. Column headers are part of the exchange schema and are not translated. No registrant is
 * named: covered workers are counted, a drawdown for a worker names only the registration number: the
 * one that stands for the worker now, with the number the entry recorded when that one was merged
 * into it since (ADR 0064, 0069).
 */
final class BondExports {
    static final String EMPLOYER = "employer";
    static final String STATE = "state";
    static final String BOND = "bond";

    static final List<ExportColumn> BOND_COLUMNS = List.of(
            of("Bond", ColumnType.INTEGER, null),
            of("Employer ID", ColumnType.INTEGER, null),
            text("Employer", "#org+name", 28),
            text("Instrument", null, 16),
            text("Issuer", null, 20),
            text("Reference", null, 18),
            of("Face amount", ColumnType.MONEY, null),
            text("Currency", "#currency+code", 8),
            text("Coverage", null, 30),
            text("Cover", null, 10),
            of("Cover per worker", ColumnType.DECIMAL, null),
            of("Covered workers", ColumnType.INTEGER, "#affected+num"),
            of("Term start", ColumnType.DATE, "#date+start"),
            of("Term end", ColumnType.DATE, "#date+end"),
            text("State", "#status", 16),
            of("Balance", ColumnType.MONEY, "#value"),
            of("Pending debits", ColumnType.MONEY, null),
            of("Available", ColumnType.MONEY, null));

    static final List<ExportColumn> ENTRY_COLUMNS = List.of(
            of("Entry", ColumnType.INTEGER, null),
            of("Bond", ColumnType.INTEGER, null),
            text("Bond reference", null, 18),
            of("Employer ID", ColumnType.INTEGER, null),
            text("Employer", "#org+name", 28),
            of("Entered on", ColumnType.DATE, "#date"),
            text("Kind", null, 14),
            text("Status", "#status", 10),
            of("Amount", ColumnType.MONEY, "#value"),
            text("Currency", "#currency+code", 8),
            of("Original amount", ColumnType.MONEY, null),
            of("Rate", ColumnType.DECIMAL, null),
            text("Entered by", null, 14),
            text("Decided by", null, 14),
            of("Decided on", ColumnType.DATE, null),
            of("Reverses", ColumnType.INTEGER, null),
            of("Reversed by", ColumnType.INTEGER, null),
            of("Worker registration", ColumnType.INTEGER, null),
            of("Merged from registration", ColumnType.INTEGER, null),
            of("Claim", ColumnType.INTEGER, null),
            text("Evacuation cost", null, 16),
            text("Memo", null, 40));

    static final List<ExportColumn> TOTAL_COLUMNS = List.of(
            text("Currency", "#currency+code", 8),
            of("Bonds", ColumnType.INTEGER, null),
            of("Face amount", ColumnType.MONEY, null),
            of("Balance", ColumnType.MONEY, "#value"),
            of("Pending debits", ColumnType.MONEY, null));

    static final List<ExportColumn> EMPLOYER_COLUMNS = List.of(
            of("Employer ID", ColumnType.INTEGER, null),
            text("Employer", "#org+name", 28),
            text("Kind", null, 12),
            text("Registration number", null, 16),
            text("Licence number", null, 16),
            of("Licence valid from", ColumnType.DATE, null),
            of("Licence valid until", ColumnType.DATE, null),
            text("Country", "#country+code", 8),
            of("Blacklisted", ColumnType.BOOLEAN, null),
            of("Statement date", ColumnType.DATE, "#date"));

    private BondExports() {
    }

    /** Refuses filters other than {@code allowed} (the exchange's message names the ones understood). */
    static void checkFilters(ExportContext context, List<String> allowed) {
        for (String name : context.filters().keySet()) {
            if (!allowed.contains(name)) {
                throw new UserError("error.exchange.unknownFilter", name, String.join(", ", allowed));
            }
        }
    }

    static Long id(ExportContext context, String name) {
        String value = context.filter(name);
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new UserError("error.bondExport.badId", name);
        }
    }

    static BondState state(ExportContext context) {
        String value = context.filter(STATE);
        if (value == null) {
            return null;
        }
        try {
            return BondState.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new UserError("error.bondExport.badState", value);
        }
    }

    static ExportSheet bondSheet(String name, Long organisationId, BondState state) {
        return new ExportSheet(name, BOND_COLUMNS, ExportSheet.counted(
                (ctx, sink) -> new BondExportService(ctx.session()).bonds(organisationId, state, o -> sink.row(bondRow(o))),
                ctx -> new BondExportService(ctx.session()).countBonds(organisationId, state)));
    }

    static ExportSheet entrySheet(String name, Long organisationId, Long bondId) {
        return new ExportSheet(name, ENTRY_COLUMNS, ExportSheet.counted(
                (ctx, sink) -> {
                    ZoneId zone = ctx.session().clock().getZone();
                    new BondExportService(ctx.session()).entries(organisationId, bondId, l -> sink.row(entryRow(l, zone)));
                },
                ctx -> new BondExportService(ctx.session()).countEntries(organisationId, bondId)));
    }

    static ExportSheet totalSheet(String name, Long organisationId, BondState state) {
        return new ExportSheet(name, TOTAL_COLUMNS, (ctx, sink) -> {
            for (CurrencyTotal t : new BondExportService(ctx.session()).totals(organisationId, state)) {
                sink.row(t.currency().getCurrencyCode(), (long) t.bonds(), money(t.faceAmount()), money(t.balance()),
                        money(t.pendingDebits()));
            }
        });
    }

    static ExportSheet employerSheet(String name, long organisationId) {
        return new ExportSheet(name, EMPLOYER_COLUMNS, (ctx, sink) -> {
            Employer e = new BondExportService(ctx.session()).employer(organisationId);
            sink.row(e.id(), e.legalName(), e.kind().name(), e.registrationNumber(), e.licenceNumber(),
                    e.licenceValidFrom(), e.licenceValidUntil(), e.countryCode(), e.blacklisted(),
                    LocalDate.now(ctx.session().clock()));
        });
    }

    static Object[] bondRow(BondOverview o) {
        var b = o.bond();
        String coverage = b.coverage().stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
        return new Object[] {b.id(), b.organisationId(), b.organisationName(), b.instrument().name(), b.issuer(),
                b.reference(), money(b.faceAmount()), b.faceAmount().code(), coverage,
                b.pooled() ? "POOLED" : "PER_WORKER", b.coverPerWorker(), (long) o.coveredWorkers(), b.termStart(),
                b.termEnd(), b.state().name(), money(o.balance()), money(o.pendingDebits()), money(o.available())};
    }

    static Object[] entryRow(LedgerLine l, ZoneId zone) {
        LedgerEntry e = l.entry();
        return new Object[] {e.id(), e.bondId(), l.bondReference(), l.organisationId(), l.organisationName(),
                day(e.enteredAt(), zone), e.kind().name(), e.status().name(), money(e.amount()), e.amount().code(),
                e.original() == null ? null : money(e.original()), e.rate(), e.enteredBy(), e.decidedBy(),
                day(e.decidedAt(), zone), e.reversesId(), e.reversedBy(), l.personNow(), l.mergedFrom(), e.claimId(), l.costReference(),
                e.memo()};
    }

    static org.consulardesk.exchange.model.Money money(Money m) {
        return new org.consulardesk.exchange.model.Money(m.amount(), m.code());
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDate.ofInstant(instant, zone);
    }
}
