package org.consulardesk.bonds.service;

import java.util.List;
import org.consulardesk.exchange.service.ExportContext;
import org.consulardesk.exchange.service.BaseExportProfile;
import org.consulardesk.exchange.service.ExportSheet;
import org.consulardesk.security.model.Permission;

/**
 * Every ledger entry of every bond (or of one employer's bonds, or one bond), typed. Entries may name a worker's registration number and carry officers' memos, so the workbook is always encrypted.
 */
public final class BondLedgerProfile extends BaseExportProfile {
    public static final String NAME = "bond-ledger";
    static final List<String> FILTERS = List.of(BondExports.EMPLOYER, BondExports.BOND);

    public BondLedgerProfile() {
        super(NAME, "bonds.export.profile.bond-ledger", Permission.MANAGE_BONDS, PERSONAL_DATA, FILTERS);
    }

    @Override
    public List<ExportSheet> sheets(ExportContext context) {
        BondExports.checkFilters(context, FILTERS);
        return List.of(BondExports.entrySheet("Entries", BondExports.id(context, BondExports.EMPLOYER),
                BondExports.id(context, BondExports.BOND)));
    }
}
