package org.consulardesk.bonds.service;

import java.util.List;
import org.consulardesk.exchange.service.ExportContext;
import org.consulardesk.exchange.service.BaseExportProfile;
import org.consulardesk.exchange.service.ExportSheet;
import org.consulardesk.security.model.Permission;

/**
 * The bond register: one row per bond with its figures derived from the ledger, and totals per currency. No personal data (covered workers are counted), so it may be exported unencrypted.
 */
public final class BondRegisterProfile extends BaseExportProfile {
    public static final String NAME = "bond-register";
    static final List<String> FILTERS = List.of(BondExports.EMPLOYER, BondExports.STATE);

    public BondRegisterProfile() {
        super(NAME, "bonds.export.profile.bond-register", Permission.MANAGE_BONDS, NO_PERSONAL_DATA, FILTERS);
    }

    @Override
    public List<ExportSheet> sheets(ExportContext context) {
        BondExports.checkFilters(context, FILTERS);
        Long employer = BondExports.id(context, BondExports.EMPLOYER);
        var state = BondExports.state(context);
        return List.of(BondExports.bondSheet("Bonds", employer, state), BondExports.totalSheet("Totals", employer, state));
    }
}
