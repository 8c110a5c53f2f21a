package org.consulardesk.etd.service;

import static org.consulardesk.exchange.model.ExportColumn.of;
import static org.consulardesk.exchange.model.ExportColumn.text;

import java.time.LocalDate;
import java.util.List;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.EtdState;
import org.consulardesk.etd.model.RegisterQuery;
import org.consulardesk.exchange.model.ColumnType;
import org.consulardesk.exchange.model.ExportColumn;
import org.consulardesk.exchange.service.ExportContext;
import org.consulardesk.exchange.service.BaseExportProfile;
import org.consulardesk.exchange.service.ExportSheet;
import org.consulardesk.security.model.Permission;

/**
 * The list of ETDs that must not be accepted, for HQ and border control: every ETD reported lost or
 * stolen, then every cancelled one, with number, MRZ issuing state, holder, dates, state and the date
 * it was reported (the date of that state change, in the post's time zone), and both MRZ lines so a
 * border system can match a scan. Personal data, so always password-encrypted.
 */
public final class EtdLostStolenProfile extends BaseExportProfile {
    public static final String NAME = "etd-lost-stolen";
    public static final String SHEET = "Lost stolen cancelled";
    /** The states on the list, in the order they are written. */
    public static final List<EtdState> STATES = List.of(EtdState.LOST_STOLEN, EtdState.CANCELLED);
    public static final List<ExportColumn> COLUMNS = List.of(
            text("Document number", null, 14),
            text("Document code", null, 8),
            text("Issuing state", null, 8),
            text("Family name", null, 20),
            text("Given names", null, 20),
            text("Birth date", null, 12),
            text("Sex", "#affected+sex", 6),
            text("Nationality", null, 8),
            of("Issued", ColumnType.DATE, null),
            of("Expires", ColumnType.DATE, null),
            text("State", null, 14),
            of("Reported", ColumnType.DATE, null),
            text("MRZ line 1", null, 48),
            text("MRZ line 2", null, 48),
            text("Post", null, 24));

    public EtdLostStolenProfile() {
        super(NAME, "etd.profile.lostStolen", Permission.ISSUE_ETD, PERSONAL_DATA);
    }

    @Override
    public List<ExportSheet> sheets(ExportContext context) {
        String post = context.session().descriptor().postName();
        java.time.ZoneId zone = context.session().clock().getZone();
        return List.of(new ExportSheet(SHEET, COLUMNS, ExportSheet.counted((ctx, sink) -> {
            EtdService etd = new EtdService(ctx.session());
            for (EtdState state : STATES) {
                etd.streamRegister(new RegisterQuery(null, state, null, null), d -> sink.row(values(d, post, zone)));
            }
        }, ctx -> {
            EtdService etd = new EtdService(ctx.session());
            return STATES.stream().mapToLong(s -> etd.count(new RegisterQuery(null, s, null, null))).sum();
        })));
    }

    static Object[] values(EtdDocument d, String post, java.time.ZoneId zone) {
        LocalDate reported = d.stateChangedAt() == null ? null : LocalDate.ofInstant(d.stateChangedAt(), zone);
        return new Object[] {d.serial(), d.documentCode(), d.mrz().line1().substring(2, 5), d.familyName(), d.givenNames(),
                d.birthDate(), d.sex().name(), d.nationality(), d.issuedOn(), d.expiresOn(), d.state().name(), reported,
                d.mrz().line1(), d.mrz().line2(), post};
    }
}
