package org.consulardesk.etd.service;

import static org.consulardesk.exchange.model.ExportColumn.of;
import static org.consulardesk.exchange.model.ExportColumn.text;

import java.util.List;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.RegisterQuery;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.exchange.service.ExportContext;
import org.consulardesk.exchange.service.BaseExportProfile;
import org.consulardesk.exchange.service.ExportSheet;
import org.consulardesk.security.model.Permission;

/**
 * The whole ETD register of the post for HQ, one row per issued document: number, holder's names and
 * birth date as printed, nationality, issue and expiry dates, state, the date of entry into Utopia
 * and the issuing post. Personal data, so always password-encrypted; only ETD officers who may
 * export personal data (checked again when the rows are read).
 */
public final class EtdRegisterProfile extends BaseExportProfile {
    public static final String NAME = "etd-register";
    public static final String SHEET = "ETD register";
    public static final List<ExportColumn> COLUMNS = List.of(
            text("Document number", null, 14),
            text("Document code", null, 8),
            text("Family name", null, 20),
            text("Given names", null, 20),
            text("Birth date", null, 12),
            text("Sex", "#affected+sex", 6),
            text("Nationality", null, 8),
            of("Issued", ColumnType.DATE, null),
            of("Expires", ColumnType.DATE, null),
            text("State", null, 14),
            of("Entered Utopia", ColumnType.DATE, null),
            text("Post", null, 24));

    public EtdRegisterProfile() {
        super(NAME, "etd.profile.register", Permission.ISSUE_ETD, PERSONAL_DATA);
    }

    @Override
    public List<ExportSheet> sheets(ExportContext context) {
        String post = context.session().descriptor().postName();
        return List.of(new ExportSheet(SHEET, COLUMNS, ExportSheet.counted(
                (ctx, sink) -> new EtdService(ctx.session()).streamRegister(RegisterQuery.ALL, d -> sink.row(values(d, post))),
                ctx -> new EtdService(ctx.session()).count(RegisterQuery.ALL))));
    }

    static Object[] values(EtdDocument d, String post) {
        return new Object[] {d.serial(), d.documentCode(), d.familyName(), d.givenNames(), d.birthDate(), d.sex().name(),
                d.nationality(), d.issuedOn(), d.expiresOn(), d.state().name(), d.enteredOn(), post};
    }
}
