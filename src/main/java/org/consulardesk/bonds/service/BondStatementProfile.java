package org.consulardesk.bonds.service;

import java.util.List;
import org.consulardesk.core.UserError;
import org.consulardesk.exchange.service.ExportContext;
import org.consulardesk.exchange.service.BaseExportProfile;
import org.consulardesk.exchange.service.ExportSheet;
import org.consulardesk.security.model.Permission;

/**
 * The statement of one employer or agency (filter {@code employer}, required): the employer, its bonds with their figures, their ledger and totals per currency; the workbook twin of the PDF statement. Always encrypted (entries may name workers' registration numbers).
 */
public final class BondStatementProfile extends BaseExportProfile {
    public static final String NAME = "bond-statement";
    static final List<String> FILTERS = List.of(BondExports.EMPLOYER);

    public BondStatementProfile() {
        super(NAME, "bonds.export.profile.bond-statement", Permission.MANAGE_BONDS, PERSONAL_DATA, FILTERS);
    }

    @Override
    public List<ExportSheet> sheets(ExportContext context) {
        BondExports.checkFilters(context, FILTERS);
        Long employer = BondExports.id(context, BondExports.EMPLOYER);
        if (employer == null) {
            throw new UserError("error.bondExport.employerRequired");
        }
        return List.of(BondExports.employerSheet("Employer", employer), BondExports.bondSheet("Bonds", employer, null),
                BondExports.entrySheet("Entries", employer, null), BondExports.totalSheet("Totals", employer, null));
    }
}
