package org.consulardesk.etd.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.consulardesk.core.SpreadsheetText;
import org.consulardesk.core.AtomicFiles;
import org.consulardesk.core.UserError;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.EtdState;
import org.consulardesk.etd.model.RegisterQuery;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * CSV exports of the ETD register for HQ and border control: the whole register (or a query of it),
 * and the list of ETDs reported lost or stolen. Formula-safe cells as in the expiring-documents export.
 * Only document data is written (number, holder's names and birth date as printed, dates, state): no
 * restricted registry field, no photo. Written atomically; the export is audited (counts only).
 */
public final class EtdExport {
    static final String[] HEADER = {"document_number", "document_code", "issuing_state", "surname", "given_names",
            "birth_date", "sex", "issued_on", "expires_on", "state", "state_changed_at", "mrz_line1", "mrz_line2"};

    private final Session session;
    private final EtdService etd;

    public EtdExport(Session session) {
        this.session = session;
        this.etd = new EtdService(session);
    }

    /** Every ETD reported lost or stolen; returns the number of rows. */
    public int lostOrStolen(Path target) {
        return export(new RegisterQuery(null, EtdState.LOST_STOLEN, null, null), target, "ETD_LOST_STOLEN_EXPORTED");
    }

    /** The register (filtered by {@code query}); returns the number of rows. */
    public int register(RegisterQuery query, Path target) {
        return export(query, target, "ETD_REGISTER_EXPORTED");
    }

    private int export(RegisterQuery query, Path target, String action) {
        session.require(Permission.ISSUE_ETD);
        List<EtdDocument> rows = etd.register(query, 0, Integer.MAX_VALUE);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).build())) {
            for (EtdDocument d : rows) {
                csv.printRecord(cell(d.serial()), d.documentCode(), d.mrz().line1().substring(2, 5), cell(d.familyName()),
                        cell(d.givenNames()), cell(d.birthDate()), d.sex().name(), d.issuedOn().toString(),
                        d.expiresOn().toString(), d.state().name(), d.stateChangedAt().toString(), d.mrz().line1(),
                        d.mrz().line2());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] content = out.toString().getBytes(StandardCharsets.UTF_8);
        session.database().write(tx -> {
            session.audit().record(tx, AuditEvent.of(action).withDetail(rows.size() + " rows"));
            try {
                AtomicFiles.write(target, content);
            } catch (IOException e) {
                throw new UserError(e, "error.etd.export", target.getFileName());
            }
            return null;
        });
        return rows.size();
    }

    /** A cell a spreadsheet shows as text: a leading = + - @ tab or carriage return gets an apostrophe. */
    static String cell(String value) {
        return SpreadsheetText.cell(value);
    }
}
