package org.consulardesk.registry.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.consulardesk.core.SpreadsheetText;
import org.consulardesk.core.AtomicFiles;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.ExpiringDocument;
import org.consulardesk.registry.store.ExpiringDocumentsStore;
import org.consulardesk.security.model.AuditEvent;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * The call list of travel documents expiring within a number of days (from today, inclusive),
 * soonest first, and its export to CSV for calling campaigns.
 */
public final class ExpiringDocumentsService {
    public static final int MAX_DAYS = 3660;
    static final String[] HEADER = {"family_name", "given_names", "document_type", "document_number", "expires_on",
            "days_left", "phone", "city", "registration_number"};
    private static final int EXPORT_PAGE = 1000;

    private final Session session;
    private final ExpiringDocumentsStore store = new ExpiringDocumentsStore();

    public ExpiringDocumentsService(Session session) {
        this.session = session;
    }

    public List<ExpiringDocument> list(int withinDays, int offset, int limit) {
        session.require(Permission.VIEW_REGISTRY);
        LocalDate today = today();
        LocalDate to = today.plusDays(checkDays(withinDays));
        return session.database().read(tx -> store.page(tx, today, to, Math.max(0, offset), Math.max(0, limit)));
    }

    public int count(int withinDays) {
        session.require(Permission.VIEW_REGISTRY);
        LocalDate today = today();
        LocalDate to = today.plusDays(checkDays(withinDays));
        return session.database().read(tx -> store.count(tx, today, to));
    }

    /**
     * Writes the whole list to {@code target} as UTF-8 CSV with a header row: to a temporary sibling
     * first, then moved over the target, so a failure never leaves a partial file. Audited with the
     * number of rows (never their content).
     *
     * @return the number of rows written (without the header)
     */
    public int export(int withinDays, Path target) {
        session.require(Permission.VIEW_REGISTRY);
        LocalDate today = today();
        LocalDate to = today.plusDays(checkDays(withinDays));
        StringWriter out = new StringWriter();
        int rows = 0;
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).build())) {
            for (int offset = 0; ; offset += EXPORT_PAGE) {
                int start = offset;
                List<ExpiringDocument> page = session.database().read(tx -> store.page(tx, today, to, start, EXPORT_PAGE));
                for (ExpiringDocument d : page) {
                    csv.printRecord(cell(d.familyName()), cell(d.givenNames()), d.type().name(), cell(d.number()),
                            d.expiresOn().toString(), Long.toString(d.daysLeft()), cell(d.phone()), cell(d.city()),
                            Long.toString(d.personId()));
                    rows++;
                }
                if (page.size() < EXPORT_PAGE) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int written = rows;
        byte[] content = out.toString().getBytes(StandardCharsets.UTF_8);
        // The audit entry and the file go together: if the file cannot be written the entry rolls back.
        session.database().write(tx -> {
            session.audit().record(tx, AuditEvent.of("EXPIRING_DOCUMENTS_EXPORTED")
                    .withDetail(written + " rows, within " + withinDays + " days"));
            try {
                AtomicFiles.write(target, content);
            } catch (IOException e) {
                throw new UserError(e, "error.expiring.export", target.getFileName());
            }
            return null;
        });
        return written;
    }

    /**
     * A cell a spreadsheet will show as text: values starting with {@code = + - @} (or a tab or
     * carriage return) would be read as formulas, so they get a leading apostrophe.
     */
    static String cell(String value) {
        return SpreadsheetText.cell(value);
    }

    private LocalDate today() {
        return session.now().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static int checkDays(int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new UserError("error.expiring.days", MAX_DAYS);
        }
        return days;
    }
}
