package org.consulardesk.exchange.service;

import java.util.List;
import java.util.Optional;

/** The export profiles of the application, in the order screens and {@code export --list-profiles} show them. */
public final class ExportProfiles {
    /** Add one line per profile. */
    public static final List<ExportProfile> ALL = List.of(
            new RegistryAggregateProfile(),
            new RegistryFullProfile(),
            new ConsolidationProfile(),
            new org.consulardesk.etd.service.EtdRegisterProfile(),
            new org.consulardesk.etd.service.EtdLostStolenProfile(),
            new org.consulardesk.bonds.service.BondRegisterProfile(), new org.consulardesk.bonds.service.BondLedgerProfile(), new org.consulardesk.bonds.service.BondStatementProfile());

    private ExportProfiles() {
    }

    public static Optional<ExportProfile> find(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
