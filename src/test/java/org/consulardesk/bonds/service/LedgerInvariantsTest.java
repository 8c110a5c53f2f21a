package org.consulardesk.bonds.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondOverview;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.EntryStatus;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.core.UserError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's invariants under a long random (seeded, repeatable) sequence of postings, reversals,
 * approvals and refusals in two currencies: the balance is the sum of the entries that count, never
 * negative; every reversal nets its entry to zero; every entry is in its bond's currency.
 */
class LedgerInvariantsTest {
    @TempDir
    Path tmp;
    BondFixtures f;

    @BeforeEach
    void open() {
        f = new BondFixtures(tmp);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void invariantsHoldAfterEveryStep() {
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
        SplittableRandom random = new SplittableRandom(20261125);
        EntryKind[] kinds = {EntryKind.TOP_UP, EntryKind.DRAWDOWN, EntryKind.DRAWDOWN, EntryKind.FEE};
        int refused = 0;
        for (int step = 0; step < 150; step++) {
            Bond bond = all.get(random.nextInt(all.size()));
            String currency = bond.faceAmount().code();
            int action = random.nextInt(10);
            try {
                if (action < 6) {
                    EntryKind kind = kinds[random.nextInt(kinds.length)];
                    int scale = currency.equals("USD") ? 100 : 20000;
                    String amount = currency.equals("USD")
                            ? BigDecimal.valueOf(1 + random.nextInt(scale * 4), 2).toPlainString()
                            : Integer.toString(1 + random.nextInt(scale));
                    EntryRequest r = EntryRequest.of(kind, amount, currency, "step " + step);
                    officer.post(bond.id(), kind == EntryKind.DRAWDOWN ? r.forPerson(worker) : r);
                } else if (action < 8) {
                    List<LedgerEntry> reversible = officer.entries(bond.id()).stream().filter(e -> e.status() == EntryStatus.POSTED
                            && e.reversedBy() == null && e.kind() != EntryKind.REVERSAL).toList();
                    if (!reversible.isEmpty()) {
                        officer.reverse(reversible.get(random.nextInt(reversible.size())).id(), "step " + step);
                    }
                } else {
                    List<LedgerEntry> pending = officer.pending();
                    if (!pending.isEmpty()) {
                        LedgerEntry p = pending.get(random.nextInt(pending.size()));
                        if (random.nextBoolean()) {
                            head.approve(p.id());
                        } else {
                            head.reject(p.id(), "step " + step);
                        }
                    }
                }
            } catch (UserError e) {
                assertThat(e.key()).isIn("error.ledger.belowZero", "error.ledger.notPending");
                refused++;
            }
            for (Bond b : all) {
                check(bonds.overview(b.id()), officer.entries(b.id()));
            }
        }
        assertThat(refused).as("the sequence must hit the zero floor sometimes").isPositive();
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
