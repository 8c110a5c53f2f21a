package org.consulardesk.bonds.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.EntryStatus;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.core.UserError;

/**
 * The ledger's invariants as jqwik properties (ADR 0048). Against a real encrypted registry, for any
 * generated sequence of postings, reversals, approvals and refusals on a USD and a KES bond: the
 * balance is the sum of the entries that count and never negative, pending debits are reserved,
 * every reversal nets its entry to zero, every entry is in its bond's currency. ({@link MoneyProperties}
 * covers {@code Money} alone.)
 */
class LedgerProperties {
    /** One generated step: which bond, what to do, and the numbers it needs. */
    record Step(int bond, int action, int kind, long units, int pick, boolean approve) {
    }

    private static final EntryKind[] KINDS = {EntryKind.TOP_UP, EntryKind.DRAWDOWN, EntryKind.DRAWDOWN, EntryKind.FEE};

    private Path tmp;
    private BondFixtures f;

    @BeforeTry
    void open() throws IOException {
        tmp = Files.createTempDirectory("bonds-ledger-property");
        f = new BondFixtures(tmp);
    }

    @AfterTry
    void close() throws IOException {
        f.close();
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, KINDS.length - 1), Arbitraries.longs().between(1, 40_000),
                Arbitraries.integers().between(0, 1000), Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(30);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.BOUNDED)
    void balanceIsTheSumOfCountingEntriesNeverNegativeReversalsNetToZero(@ForAll("steps") List<Step> steps) {
        long employer = f.employer("Savanna Builders Ltd").id();
        long worker = f.worker(employer, "Okonkwo", "Amara");
        f.threshold("300", "USD");
        f.threshold("40000", "KES");
        LedgerService officer = new LedgerService(f.officer);
        LedgerService head = new LedgerService(f.head);
        BondService bonds = new BondService(f.officer);
        List<Bond> all = new ArrayList<>();
        for (String[] b : new String[][] {{"500", "USD"}, {"60000", "KES"}}) {
            Bond bond = f.bond(employer, b[0], b[1], false);
            LedgerEntry d = officer.post(bond.id(), EntryRequest.of(EntryKind.DEPOSIT, b[0], b[1], "deposit"));
            if (d.status() == EntryStatus.PENDING) {
                head.approve(d.id());
            }
            all.add(bonds.activate(bond.id(), bonds.get(bond.id()).version()));
        }
        int n = 0;
        for (Step s : steps) {
            Bond bond = all.get(s.bond());
            String currency = bond.faceAmount().code();
            n++;
            try {
                if (s.action() < 6) {
                    EntryKind kind = KINDS[s.kind()];
                    // USD: 0.01 to 400.00; KES (no decimals): 1 to 40000
                    String amount = currency.equals("USD") ? BigDecimal.valueOf(s.units(), 2).toPlainString()
                            : Long.toString(s.units());
                    EntryRequest r = EntryRequest.of(kind, amount, currency, "step " + n);
                    officer.post(bond.id(), kind == EntryKind.DRAWDOWN ? r.forPerson(worker) : r);
                } else if (s.action() < 8) {
                    List<LedgerEntry> reversible = officer.entries(bond.id()).stream().filter(e -> e.status() == EntryStatus.POSTED
                            && e.reversedBy() == null && e.kind() != EntryKind.REVERSAL).toList();
                    if (!reversible.isEmpty()) {
                        officer.reverse(reversible.get(s.pick() % reversible.size()).id(), "step " + n);
                    }
                } else {
                    List<LedgerEntry> pending = officer.pending();
                    if (!pending.isEmpty()) {
                        LedgerEntry p = pending.get(s.pick() % pending.size());
                        if (s.approve()) {
                            head.approve(p.id());
                        } else {
                            head.reject(p.id(), "step " + n);
                        }
                    }
                }
            } catch (UserError e) {
                assertThat(e.key()).isIn("error.ledger.belowZero", "error.ledger.notPending");
            }
            for (Bond b : all) {
                check(bonds.overview(b.id()), officer.entries(b.id()));
            }
        }
    }

    private static void check(BondOverview o, List<LedgerEntry> entries) {
        Money sum = Money.zero(o.bond().faceAmount().currency());
        Money pendingDebits = Money.zero(o.bond().faceAmount().currency());
        for (LedgerEntry e : entries) {
            assertThat(e.amount().currency()).isEqualTo(o.bond().faceAmount().currency());
            if (e.counts()) {
                sum = sum.plus(e.amount());
            } else if (e.status() == EntryStatus.PENDING && e.amount().isNegative()) {
                pendingDebits = pendingDebits.plus(e.amount());
            }
            if (e.kind() == EntryKind.REVERSAL && e.counts()) {
                LedgerEntry reversed = entries.stream().filter(x -> x.id() == e.reversesId()).findFirst().orElseThrow();
                assertThat(reversed.amount().plus(e.amount()).isZero()).isTrue();
            }
        }
        assertThat(o.balance()).isEqualTo(sum);
        assertThat(o.balance().isNegative()).isFalse();
        assertThat(o.pendingDebits()).isEqualTo(pendingDebits);
        assertThat(o.available().isNegative()).isFalse();
    }
}
