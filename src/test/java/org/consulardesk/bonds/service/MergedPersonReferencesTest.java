package org.consulardesk.bonds.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.consulardesk.bonds.model.Bond;
import org.consulardesk.bonds.model.BondAlerts;
import org.consulardesk.bonds.model.Claim;
import org.consulardesk.bonds.model.ClaimCategory;
import org.consulardesk.bonds.model.ClaimItem;
import org.consulardesk.bonds.model.CostKind;
import org.consulardesk.bonds.model.CoveredWorker;
import org.consulardesk.bonds.model.EntryKind;
import org.consulardesk.bonds.model.EntryRequest;
import org.consulardesk.bonds.model.LedgerEntry;
import org.consulardesk.bonds.model.Money;
import org.consulardesk.bonds.model.NewClaim;
import org.consulardesk.etd.model.ApplicationStatus;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdReason;
import org.consulardesk.etd.model.Evidence;
import org.consulardesk.etd.service.EtdService;
import org.consulardesk.registry.model.Employment;
import org.consulardesk.registry.model.MergePlan;
import org.consulardesk.registry.model.PersonRef;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.service.MergeService;
import org.consulardesk.registry.service.PersonService;
import org.consulardesk.registry.service.RegistrationService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ETD applications, bond workers, claims and evacuation costs that name a registration merged into
 * another lead to the surviving registration, and lead back after the merge is undone (ADR 0064);
 * on a real encrypted H2 file.
 */
class MergedPersonReferencesTest {
    @TempDir
    Path tmp;
    BondFixtures f;
    long employer;
    long survivor;
    long mergedAway;
    Bond bond;
    Claim claim;
    EtdApplication application;

    @BeforeEach
    void open() {
        f = new BondFixtures(tmp);
        employer = f.employer("Savanna Builders Ltd").id();
        long farm = f.employer("Lakeside Farms Ltd").id(); // no bond: its workers are covered only if a bond names them
        survivor = worker(employer, farm, "Okonkwo", "Amara");
        mergedAway = worker(employer, farm, "Okonkwoh", "Amarah");
        f.threshold("1000", "USD");
        BondService bonds = new BondService(f.officer);
        LedgerService ledger = new LedgerService(f.officer);
        Bond b = f.bond(employer, "2000", "USD", false);
        bonds.addWorker(b.id(), new CoveredWorker(mergedAway, null, null, "Mason", null, null, Money.of("450", "USD")));
        LedgerEntry d = ledger.post(b.id(), EntryRequest.of(EntryKind.DEPOSIT, "2000", "USD", "cash"));
        new LedgerService(f.head).approve(d.id());
        bond = bonds.activate(b.id(), bonds.get(b.id()).version());
        claim = new ClaimService(f.officer).file(new NewClaim(bond.id(), mergedAway, Currency.getInstance("USD"),
                "Left the site", List.of(ClaimItem.of(ClaimCategory.OUTSTANDING_WAGES, "Wages for October", "300"))));
        EtdService etd = new EtdService(f.officer);
        EtdApplication draft = etd.draftFor(mergedAway);
        application = etd.apply(new EtdApplication(0, 0, mergedAway, draft.familyName(), draft.givenNames(),
                draft.birthDate(), draft.sex(), null, "UTO", EtdReason.LOST, null, null, null, draft.route(), 30,
                null, null, true, "Crisis", Set.of(Evidence.REGISTRY_MATCH), null, ApplicationStatus.SUBMITTED,
                null, null, null, null, null));
    }

    private long worker(long first, long second, String family, String given) {
        Registration b = Registration.blank();
        return new RegistrationService(f.head).save(new Registration(0, 0, family, given, null, null, List.of(), 'F',
                "1990-03-04", null, b.nationalityEvidence(), List.of(), null, b.purpose(), b.whereabouts(), List.of(),
                List.of(), List.of(), List.of(
                        new Employment(first, null, "construction", "Site 4", BondFixtures.START, BondFixtures.END),
                        new Employment(second, null, "agriculture", "Farm 2", BondFixtures.START, BondFixtures.END)),
                List.of(), List.of(), null)).id();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private long merge() {
        Registration keep = new RegistrationService(f.head).get(survivor);
        Registration away = new RegistrationService(f.head).get(mergedAway);
        return new MergeService(f.head).merge(new MergePlan(mergedAway, away.version(), keep));
    }

    @Test
    void recordsOfAMergedAwayPersonLeadToTheSurvivorAndBackAfterUndo() {
        assertThat(application.personId()).isEqualTo(mergedAway);
        long cost = new EvacuationCostService(f.officer).record(CostKind.BUS, "Bus to Nairobi", BondFixtures.START,
                Money.of("100", "USD"), List.of(mergedAway), null).id();
        long mergeId = merge();

        // Bonds: the worker and the claim show (and open) the surviving registration.
        BondService bonds = new BondService(f.officer);
        assertThat(bonds.workers(bond.id())).singleElement().satisfies(w -> {
            assertThat(w.personId()).isEqualTo(survivor);
            assertThat(w.familyName()).isEqualTo("Okonkwo");
            assertThat(w.positionTitle()).isEqualTo("Mason");
        });
        ClaimService claims = new ClaimService(f.officer);
        assertThat(claims.get(claim.id()).personId()).isEqualTo(survivor);
        assertThat(claims.get(claim.id()).givenNames()).isEqualTo("Amara");
        assertThat(claims.ofBond(bond.id())).extracting(Claim::personId).containsExactly(survivor);
        // The survivor's second employment is covered through the bond that names the merged-away registration.
        BondAlerts alerts = new BondAlertsService(f.officer).alerts(30);
        assertThat(alerts.uncoveredWorkers()).extracting(BondAlerts.UncoveredWorker::personId).doesNotContain(survivor);
        Claim second = claims.file(new NewClaim(bond.id(), survivor, Currency.getInstance("USD"), "Second claim",
                List.of(ClaimItem.of(ClaimCategory.LOST_PROPERTY, "Tools", "50"))));
        assertThat(second.personId()).isEqualTo(survivor);
        // The open evacuation cost, recorded for the merged-away registration, still holds up the release.
        assertThat(bonds.releaseCheck(bond.id()).openCostReferences()).isNotEmpty();

        // ETD: the application keeps the id it was made with; the registrant it stands for is the survivor.
        EtdService etd = new EtdService(f.officer);
        assertThat(etd.application(application.id()).personId()).isEqualTo(mergedAway);
        PersonRef ref = etd.registrant(mergedAway).orElseThrow();
        assertThat(ref.merged()).isTrue();
        assertThat(ref.currentId()).isEqualTo(survivor);
        assertThat(ref.familyName()).isEqualTo("Okonkwo");
        assertThat(etd.draftFor(mergedAway).personId()).isEqualTo(survivor);
        assertThat(new PersonService(f.officer).refs(List.of(mergedAway, survivor)).values())
                .extracting(PersonRef::currentId).containsOnly(survivor);

        new MergeService(f.head).undo(mergeId, true);

        // After the undo every record leads to the registration it was made for, unchanged.
        assertThat(bonds.workers(bond.id())).singleElement().satisfies(w -> {
            assertThat(w.personId()).isEqualTo(mergedAway);
            assertThat(w.familyName()).isEqualTo("Okonkwoh");
            assertThat(w.givenNames()).isEqualTo("Amarah");
        });
        assertThat(claims.get(claim.id()).personId()).isEqualTo(mergedAway);
        assertThat(claims.get(claim.id()).familyName()).isEqualTo("Okonkwoh");
        assertThat(claims.get(second.id()).personId()).isEqualTo(survivor);
        assertThat(etd.application(application.id()).personId()).isEqualTo(mergedAway);
        PersonRef back = etd.registrant(mergedAway).orElseThrow();
        assertThat(back.merged()).isFalse();
        assertThat(back.familyName()).isEqualTo("Okonkwoh");
        assertThat(new EvacuationCostService(f.officer).get(cost).personIds()).containsExactly(mergedAway);
        // The survivor is no longer named by any bond in force: the alert lists them again.
        assertThat(new BondAlertsService(f.officer).alerts(30).uncoveredWorkers())
                .extracting(BondAlerts.UncoveredWorker::personId).contains(survivor).doesNotContain(mergedAway);
    }

    @Test
    void aWorkerListedAsTheSurvivorIsRemovedFromTheBond() {
        merge();
        BondService bonds = new BondService(f.officer);
        assertThat(bonds.removeWorker(bond.id(), survivor)).isEmpty();
    }

    @Test
    void aMergeOfTheSurvivorIsFollowedToTheLastRegistration() {
        merge();
        long third = f.worker(employer, "Okonkwo", "Amara Ngozi");
        Registration keep = new RegistrationService(f.head).get(third);
        Registration away = new RegistrationService(f.head).get(survivor);
        new MergeService(f.head).merge(new MergePlan(survivor, away.version(), keep));
        assertThat(new BondService(f.officer).workers(bond.id())).extracting(CoveredWorker::personId).containsExactly(third);
        assertThat(new EtdService(f.officer).registrant(mergedAway).orElseThrow().currentId()).isEqualTo(third);
        assertThat(new ClaimService(f.officer).get(claim.id()).personId()).isEqualTo(third);
    }

    @Test
    void theAlertFollowsAChainOfMergesToTheLastRegistration() {
        merge();
        // The survivor is merged in turn into a third registration employed at the farm (no bond there):
        // the bond names the first registration, which stands for the third one now.
        long third = worker(employer, f.employer("Highland Tea Estates").id(), "Okonkwo", "Amara Ngozi");
        Registration keep = new RegistrationService(f.head).get(third);
        Registration away = new RegistrationService(f.head).get(survivor);
        new MergeService(f.head).merge(new MergePlan(survivor, away.version(), keep));
        assertThat(new BondAlertsService(f.officer).alerts(30).uncoveredWorkers())
                .extracting(BondAlerts.UncoveredWorker::personId).doesNotContain(third, survivor, mergedAway);
    }

    @Test
    void theAlertStillListsAWorkerNoBondNamesThroughAnyMerge() {
        long other = worker(employer, f.employer("Highland Tea Estates").id(), "Wanjiru", "Njeri");
        assertThat(new BondAlertsService(f.officer).alerts(30).uncoveredWorkers())
                .extracting(BondAlerts.UncoveredWorker::personId).contains(other);
    }
}
