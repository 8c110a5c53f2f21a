package org.consulardesk.bonds.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondDraft;
import org.consulardesk.bonds.model.ClaimCategory;
import org.consulardesk.bonds.model.ClaimItem;
import org.consulardesk.bonds.model.Coverage;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.EmployerWorker;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.Instrument;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.model.NewClaim;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * A few synthetic bonds for the training registry: cash deposits, a bank guarantee and an insurance
 * policy in several currencies, per-worker and pooled, one under-funded, one ending soon, a drawdown,
 * a claim waiting and an entry waiting for a second officer. Uses the first employers with workers.
 */
public final class SampleBonds {
    private SampleBonds() {
    }

    /** Adds the sample bonds; returns how many (none when the user may not manage bonds). */
    public static int add(Session session) {
        if (!session.can(Permission.MANAGE_BONDS) || !session.can(Permission.APPROVE_LEDGER)) {
            return 0;
        }
        EmployerService employers = new EmployerService(session);
        BondService bonds = new BondService(session);
        LedgerService ledger = new LedgerService(session);
        ledger.setThreshold(Money.of("10000", "USD"));
        ledger.setThreshold(Money.of("10000", "EUR"));
        ledger.setThreshold(Money.of("1000000", "KES"));
        LocalDate today = LocalDate.now(session.clock());
        List<Employer> withWorkers = new ArrayList<>();
        List<List<EmployerWorker>> workers = new ArrayList<>();
        for (Employer e : employers.search("", 300)) {
            List<EmployerWorker> w = employers.workers(e.id()).stream().filter(x -> !x.recruitedOnly()).toList();
            if (w.size() >= 2 && !e.blacklisted()) {
                withWorkers.add(e);
                workers.add(w);
            }
            if (withWorkers.size() == 6) {
                break;
            }
        }
        int made = 0;
        Long firstBond = null;
        String[][] plans = {
            // instrument, currency, face, pooled, cover per worker, months left, issuer
            {"CASH_DEPOSIT", "USD", "6000", "true", "1500", "14", "Deposited at the consulate"},
            {"BANK_GUARANTEE", "USD", "2500", "false", "", "1", "Bank of Utopia, Nairobi branch"},
            {"INSURANCE_POLICY", "EUR", "9000", "true", "3000", "20", "Utopia Mutual Insurance"},
            {"CASH_DEPOSIT", "KES", "250000", "false", "", "9", "Deposited at the consulate"},
            {"ESCROW", "USD", "4000", "true", "2000", "6", "Harbour Trust Escrow"},
        };
        for (int i = 0; i < plans.length && i < withWorkers.size(); i++) {
            String[] p = plans[i];
            Employer e = withWorkers.get(i);
            Currency currency = Currency.getInstance(p[1]);
            boolean pooled = Boolean.parseBoolean(p[3]);
            LocalDate end = today.plusMonths(Long.parseLong(p[5])).minusDays(i == 1 ? 12 : 0);
            Bond b = bonds.create(new BondDraft(e.id(), Instrument.valueOf(p[0]), p[6],
                    String.format("UTO-NBO-%d-%03d", today.getYear(), i + 1), new BigDecimal(p[2]), currency,
                    EnumSet.of(Coverage.EVACUATION, Coverage.REPATRIATION, Coverage.OUTSTANDING_WAGES, Coverage.LOST_PROPERTY),
                    pooled, p[4].isEmpty() ? null : new BigDecimal(p[4]), end.minusYears(2), end,
                    "Only if the worker is evacuated or the employer fails to pay what is owed", true, true));
            List<EmployerWorker> w = workers.get(i);
            int covered = pooled ? Math.min(w.size(), i == 0 ? 5 : 3) : 1;
            for (int k = 0; k < covered; k++) {
                EmployerWorker x = w.get(k);
                bonds.addWorker(b.id(), new CoveredWorker(x.personId(), null, null, x.sector(), x.contractStart(),
                        x.contractEnd(), null));
            }
            ledger.post(b.id(), new EntryRequest(EntryKind.DEPOSIT, new BigDecimal(p[2]), currency, null, null,
                    "Initial deposit, receipt " + (7700 + i)));
            b = bonds.activate(b.id(), bonds.get(b.id()).version());
            if (firstBond == null) {
                firstBond = b.id();
            }
            if (i == 0) {
                ledger.post(b.id(), new EntryRequest(EntryKind.DRAWDOWN, new BigDecimal("850"), currency, null,
                        w.get(0).personId(), "Repatriation ticket after the Eastleigh floods"));
                ledger.post(b.id(), EntryRequest.of(EntryKind.FEE, "25", "USD", "Bank charge for the transfer"));
            }
            if (i == 2) {
                ledger.post(b.id(), new EntryRequest(EntryKind.TOP_UP, new BigDecimal("500"), Currency.getInstance("USD"),
                        new BigDecimal("0.9210"), null, "Top-up paid in US dollars"));
            }
            if (i == 4) {
                ledger.post(b.id(), new EntryRequest(EntryKind.DRAWDOWN, new BigDecimal("1800"), currency, null,
                        w.get(1).personId(), "Charter seat and overnight stay"));
            }
            if (i == 1) {
                ClaimService claims = new ClaimService(session);
                claims.file(new NewClaim(b.id(), w.get(0).personId(), currency,
                        "Left the site when the unrest began; two months unpaid",
                        List.of(new ClaimItem(0, ClaimCategory.OUTSTANDING_WAGES, "Wages for two months", new BigDecimal("900"), null),
                                new ClaimItem(0, ClaimCategory.LOST_PROPERTY, "Phone and tools left behind", new BigDecimal("240"), null))));
            }
            made++;
        }
        if (firstBond != null) {
            ledger.post(firstBond, new EntryRequest(EntryKind.TOP_UP, new BigDecimal("12000"), Currency.getInstance("USD"),
                    null, null, "Top-up after the new hires (above the threshold: waits for a second officer)"));
        }
        return made;
    }

}
