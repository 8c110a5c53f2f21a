package org.consulardesk.etd.service;

import static org.consulardesk.etd.service.EtdPdf.MM;
import static org.consulardesk.etd.service.EtdPdf.SANS;
import static org.consulardesk.etd.service.EtdPdf.SANS_BOLD;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.consulardesk.core.Messages;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.StockFlag;
import org.consulardesk.etd.model.StockReport;

/**
 * Printable letters and reports (PDFBox, A4 portrait): the letter handed over with an ETD, addressed to
 * border and transit authorities; the letter refusing an application, with the reason; and the blank
 * stock reconciliation for the head of post's signature. Pure rendering, like {@link EtdPdf}.
 */
public final class EtdLetters {
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final float LEFT = 25 * MM;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 50 * MM;
    private static final float BODY = 10.5f;
    private static final float LEADING = 5.6f * MM;

    private EtdLetters() {
    }

    /** The letter that goes with the ETD: holder, document number, validity and route, for border and transit staff. */
    public static byte[] handover(EtdDocument d, EtdApplication a, String postName, LocalDate today) {
        return letter(Messages.get("etd.letter.handover.title") + " " + d.serial(), postName, today, w -> {
            w.paragraph(SANS_BOLD, Messages.get("etd.letter.handover.to"));
            w.gap();
            w.paragraph(SANS_BOLD, Messages.get("etd.letter.handover.subject", d.serial()));
            w.gap();
            w.paragraph(SANS, Messages.get("etd.letter.handover.body1", postName, d.displayName(),
                    EtdPdf.vizBirth(d.birthDate()), d.nationality()));
            w.gap();
            w.fact("etd.letter.document", d.documentCode() + " " + d.serial());
            w.fact("etd.letter.holder", d.displayName());
            w.fact("etd.letter.birth", EtdPdf.vizBirth(d.birthDate()));
            w.fact("etd.letter.nationality", d.nationality());
            w.fact("etd.letter.validity", Messages.get("etd.letter.validityValue", LONG_DATE.format(d.issuedOn()),
                    LONG_DATE.format(d.expiresOn())));
            w.fact("etd.letter.route", a.route());
            if (a.travelPurpose() != null && !a.travelPurpose().isBlank()) {
                w.fact("etd.letter.purpose", a.travelPurpose());
            }
            w.fact("etd.letter.code", d.verificationCode());
            w.gap();
            w.paragraph(SANS, Messages.get("etd.letter.handover.body2"));
            w.gap();
            w.paragraph(SANS, Messages.get("etd.letter.handover.body3", postName));
            w.signature(Messages.get("etd.letter.signature"));
        });
    }

    /** The letter refusing an application, with the reason and what the applicant can do next. */
    public static byte[] rejection(EtdApplication a, String postName, LocalDate today) {
        return letter(Messages.get("etd.letter.rejection.title") + " " + a.id(), postName, today, w -> {
            w.paragraph(SANS_BOLD, a.displayName());
            w.gap();
            w.paragraph(SANS_BOLD, Messages.get("etd.letter.rejection.subject", a.id()));
            w.gap();
            w.paragraph(SANS, Messages.get("etd.letter.rejection.body1",
                    LONG_DATE.format(a.appliedAt().atZone(java.time.ZoneOffset.UTC)),
                    a.decidedAt() == null ? "" : LONG_DATE.format(a.decidedAt().atZone(java.time.ZoneOffset.UTC))));
            w.gap();
            w.fact("etd.letter.reason", a.rejectionReason());
            w.gap();
            w.paragraph(SANS, Messages.get("etd.letter.rejection.body2"));
            w.gap();
            w.paragraph(SANS, Messages.get("etd.letter.rejection.body3", postName));
            w.signature(Messages.get("etd.letter.signature"));
        });
    }

    /** The stock reconciliation with its figures and flags, and lines for the head of post's signature. */
    public static byte[] stockReport(StockReport r, String postName, LocalDateTime at, String preparedBy) {
        return letter(Messages.get("etd.letter.stock.title"), postName, at.toLocalDate(), w -> {
            w.paragraph(SANS_BOLD, Messages.get("etd.letter.stock.title"));
            w.paragraph(SANS, Messages.get("etd.letter.stock.at", at.withNano(0).withSecond(0).toString().replace('T', ' '),
                    preparedBy));
            w.gap();
            w.figure(Messages.get("etd.stock.expected"), Integer.toString(r.expected()));
            w.figure(Messages.get("etd.stock.onHand"), Integer.toString(r.onHand()));
            w.figure("    " + Messages.get("etd.stock.assigned").strip(), Integer.toString(r.assigned()));
            w.figure(Messages.get("etd.stock.issued"), Integer.toString(r.issued()));
            w.figure(Messages.get("etd.stock.spoiled"), Integer.toString(r.spoiled()));
            w.figure(Messages.get("etd.stock.counted"), r.counted() == null ? Messages.get("etd.letter.stock.notCounted")
                    : Integer.toString(r.counted()));
            w.gap();
            w.paragraph(SANS_BOLD, Messages.get(r.balanced() ? "etd.stock.balanced" : "etd.stock.unbalanced"));
            w.gap();
            if (r.flags().isEmpty()) {
                w.paragraph(SANS, Messages.get("etd.letter.stock.noFlags"));
            } else {
                w.paragraph(SANS_BOLD, Messages.get("etd.letter.stock.flags", r.flags().size()));
                for (StockFlag f : r.flags()) {
                    w.paragraph(SANS, "\u2022 " + Messages.get("etd.stock.flag." + f.kind().name(), f.serial()));
                }
            }
            w.gap();
            w.paragraph(SANS, Messages.get("etd.letter.stock.declaration"));
            w.signature(Messages.get("etd.letter.stock.signature"));
        });
    }

    // ---------------------------------------------------------------- layout

    @FunctionalInterface
    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static byte[] letter(String title, String postName, LocalDate date, Body body) {
        try (PDDocument pdf = new PDDocument()) {
            EtdPdf.info(pdf, title);
            Writer w = new Writer(pdf, postName, date);
            body.write(w);
            w.close();
            return EtdPdf.bytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes lines top-down, starting a new page (with the letterhead repeated small) when the page is full. */
    private static final class Writer {
        private final PDDocument pdf;
        private final String postName;
        private PDPageContentStream cs;
        private float y;
        private int pages;

        Writer(PDDocument pdf, String postName, LocalDate date) throws IOException {
            this.pdf = pdf;
            this.postName = postName;
            newPage();
            // letterhead: state, post, date on the right
            text(SANS_BOLD, 13, LEFT, y, Messages.get("etd.pdf.state"));
            y -= 6 * MM;
            text(SANS, 10, LEFT, y, postName);
            String when = LONG_DATE.format(date);
            float ww = SANS.getStringWidth(EtdPdf.safe(when)) / 1000 * 10;
            text(SANS, 10, LEFT + WIDTH - ww, y, when);
            y -= 3 * MM;
            cs.setLineWidth(0.8f);
            cs.moveTo(LEFT, y);
            cs.lineTo(LEFT + WIDTH, y);
            cs.stroke();
            y -= 12 * MM;
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            cs = new PDPageContentStream(pdf, page);
            pages++;
            y = page.getMediaBox().getHeight() - 25 * MM;
            if (pages > 1) {
                text(SANS, 8, LEFT, y + 8 * MM, postName + " \u2014 " + Messages.get("etd.letter.continued", pages));
            }
        }

        private void need(float height) throws IOException {
            if (y - height < 30 * MM) {
                newPage();
            }
        }

        void paragraph(PDFont font, String text) throws IOException {
            for (String line : EtdPdf.wrap(text, font, BODY, WIDTH)) {
                need(LEADING);
                text(font, BODY, LEFT, y, line);
                y -= LEADING;
            }
        }

        void fact(String labelKey, String value) throws IOException {
            List<String> lines = EtdPdf.wrap(value == null || value.isBlank() ? "\u2014" : value, SANS_BOLD, BODY, WIDTH - 45 * MM);
            need(LEADING * lines.size());
            text(SANS, BODY, LEFT, y, Messages.get(labelKey));
            for (String line : lines) {
                text(SANS_BOLD, BODY, LEFT + 45 * MM, y, line);
                y -= LEADING;
            }
        }

        void figure(String label, String value) throws IOException {
            need(LEADING);
            text(SANS, BODY + 0.5f, LEFT, y, label);
            String v = EtdPdf.safe(value);
            float vw = SANS_BOLD.getStringWidth(v) / 1000 * (BODY + 0.5f);
            text(SANS_BOLD, BODY + 0.5f, LEFT + 95 * MM - vw, y, v);
            y -= LEADING + 1;
        }

        void gap() {
            y -= LEADING / 2;
        }

        void signature(String caption) throws IOException {
            need(40 * MM);
            y -= 22 * MM;
            cs.setLineWidth(0.5f);
            cs.moveTo(LEFT, y);
            cs.lineTo(LEFT + 80 * MM, y);
            cs.moveTo(LEFT + 100 * MM, y);
            cs.lineTo(LEFT + WIDTH, y);
            cs.stroke();
            y -= 4.5f * MM;
            text(SANS, 9, LEFT, y, caption);
            text(SANS, 9, LEFT + 100 * MM, y, Messages.get("etd.letter.dateAndSeal"));
        }

        void close() throws IOException {
            cs.close();
        }

        private void text(PDFont font, float size, float x, float at, String s) throws IOException {
            EtdPdf.text(cs, font, size, x, at, s);
        }
    }
}
