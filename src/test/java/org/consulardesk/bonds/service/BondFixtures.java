package org.consulardesk.bonds.service;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondDraft;
import org.consulardesk.bonds.model.Coverage;
import org.consulardesk.bonds.model.Employer;
import org.consulardesk.bonds.model.Instrument;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.registry.model.Employment;
import org.consulardesk.registry.model.OrganisationKind;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.security.model.Role;
import org.consulardesk.security.service.LoginService;
import org.consulardesk.security.service.Session;
import org.consulardesk.security.service.UserService;
import org.consulardesk.testsupport.MutableClock;
import org.consulardesk.testsupport.TestRegistries;

/**
 * A registry with a head of post and a consular officer, a synthetic employer of Utopian workers in
 * Kenya, and helpers to make bonds. All names are invented.
 */
public final class BondFixtures implements AutoCloseable {
    public static final String OFFICER = "o.mwangaza";
    public static final LocalDate START = LocalDate.of(2026, 1, 1);
    public static final LocalDate END = LocalDate.of(2027, 12, 31);
    /** "Today" for every fixture session: inside the bonds' term, whenever the test runs. */
    public static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    /** The clock of both sessions; tests may move it (e.g. past a deadline). */
    public final MutableClock clock = new MutableClock(NOW);

    public final Path dir;
    public final Path stateDir;
    public final Session head;
    public final Session officer;

    public BondFixtures(Path tmp) {
        dir = tmp.resolve("registry");
        stateDir = tmp.resolve("state");
        head = TestRegistries.create(dir, clock).session();
        new UserService(head, stateDir, TestRegistries.FAST).add(OFFICER, "Oren Mwangaza", Role.CONSULAR_OFFICER,
                TestRegistries.OTHER_PASSPHRASE.toCharArray());
        officer = new LoginService(stateDir, clock, millis -> { }).login(dir, OFFICER,
                TestRegistries.OTHER_PASSPHRASE.toCharArray());
    }

    public Employer employer(String name) {
        Employer blank = Employer.blank(OrganisationKind.EMPLOYER);
        return new EmployerService(officer).save(new Employer(0, 0, OrganisationKind.EMPLOYER, name, "REG-4411",
                "LIC-2026-17", START, END, "KE", "Mombasa Road 12, Nairobi", "Wanjiru Kamau", "+254 20 555 0101",
                "hr@example.org", null, false, blank.blacklistReason(), null));
    }

    /** A registrant working for the organisation. */
    public long worker(long organisationId, String family, String given) {
        Registration b = Registration.blank();
        return new RegistrationService(head).save(new Registration(0, 0, family, given, null, null, List.of(), 'F',
                "1990-03-04", null, b.nationalityEvidence(), List.of(), null, b.purpose(), b.whereabouts(), List.of(),
                List.of(), List.of(), List.of(new Employment(organisationId, null, "construction", "Site 4", START, END)),
                List.of(), List.of(), null)).id();
    }

    public static BondDraft draft(long organisationId, String amount, String currency, boolean pooled, String cover) {
        return new BondDraft(organisationId, Instrument.CASH_DEPOSIT, "Bank of Utopia", "DEP-" + amount + "-" + currency,
                new BigDecimal(amount), Currency.getInstance(currency),
                EnumSet.of(Coverage.EVACUATION, Coverage.OUTSTANDING_WAGES, Coverage.LOST_PROPERTY), pooled,
                cover == null ? null : new BigDecimal(cover), START, END, "Only if the worker is evacuated", true, true);
    }

    public static Money money(String amount, String currency) {
        return Money.of(amount, currency);
    }

    /** Lets every entry up to {@code amount} post without a second officer. */
    public void threshold(String amount, String currency) {
        new LedgerService(head).setThreshold(Money.of(amount, currency));
    }

    public Bond bond(long organisationId, String amount, String currency, boolean pooled) {
        return new BondService(officer).create(draft(organisationId, amount, currency, pooled, pooled ? "1000" : null));
    }

    @Override
    public void close() {
        officer.close();
        head.close();
    }
}
