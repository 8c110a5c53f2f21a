package org.consulardesk.etd.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.consulardesk.core.Messages;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdDocument;

/**
 * Printable PDFs (PDFBox): the ETD with its TD3-size data page (125 x 88 mm: photo 35 x 45 mm, the
 * visual zone, the MRZ in OCR-B at 10 characters per inch), its number and verification code; and
 * the register extract. Pure rendering: the caller decides where the bytes go.
 */
public final class EtdPdf {
    static final float MM = 72f / 25.4f;
    private static final DateTimeFormatter VIZ_DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);
    static final PDFont SANS = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDFont SANS_BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private EtdPdf() {
    }

    /** The ETD on an A4 sheet: the data page at the top, conditions and signatures below. */
    public static byte[] document(EtdDocument d, EtdApplication a, byte[] photoJpeg, String postName) {
        try (PDDocument pdf = new PDDocument()) {
            info(pdf, Messages.get("etd.pdf.title") + " " + d.serial());
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDFont ocrb = OcrBFont.load(pdf);
            float pageH = page.getMediaBox().getHeight();
            float x0 = 20 * MM;
            float y0 = pageH - 20 * MM - 88 * MM; // bottom-left of the data page
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                // data page frame and MRZ zone
                cs.setLineWidth(0.6f);
                cs.addRect(x0, y0, 125 * MM, 88 * MM);
                cs.stroke();
                cs.setNonStrokingColor(0.94f, 0.95f, 0.97f);
                cs.addRect(x0 + 0.3f, y0 + 0.3f, 125 * MM - 0.6f, 23.2f * MM);
                cs.fill();
                cs.setNonStrokingColor(0f, 0f, 0f);

                text(cs, SANS_BOLD, 9, x0 + 5 * MM, y0 + 82 * MM, Messages.get("etd.pdf.state"));
                text(cs, SANS_BOLD, 8, x0 + 5 * MM, y0 + 78 * MM, Messages.get("etd.pdf.title").toUpperCase(Locale.ROOT));
                text(cs, SANS, 6.5f, x0 + 5 * MM, y0 + 74.5f * MM, safe(postName));

                // photo 35 x 45 mm
                float px = x0 + 5 * MM;
                float py = y0 + 26 * MM;
                if (photoJpeg != null) {
                    PDImageXObject image = JPEGFactory.createFromByteArray(pdf, photoJpeg);
                    cs.drawImage(image, px, py, 35 * MM, 45 * MM);
                } else {
                    cs.addRect(px, py, 35 * MM, 45 * MM);
                    cs.stroke();
                }

                float fx = x0 + 44 * MM;
                float top = y0 + 72 * MM;
                field(cs, fx, top, "etd.pdf.type", d.documentCode());
                field(cs, fx + 18 * MM, top, "etd.pdf.issuer", d.mrz().line1().substring(2, 5));
                field(cs, fx + 40 * MM, top, "etd.pdf.number", d.serial());
                field(cs, fx, top - 7 * MM, "etd.pdf.surname", a.familyName().toUpperCase(Locale.ROOT));
                field(cs, fx, top - 14 * MM, "etd.pdf.given", a.givenNames() == null ? "" : a.givenNames().toUpperCase(Locale.ROOT));
                field(cs, fx, top - 21 * MM, "etd.pdf.nationality", a.nationality());
                field(cs, fx + 40 * MM, top - 21 * MM, "etd.pdf.sex", a.sex().name());
                field(cs, fx, top - 28 * MM, "etd.pdf.birth", vizBirth(a.birthDate()));
                field(cs, fx + 40 * MM, top - 28 * MM, "etd.pdf.placeOfBirth", a.placeOfBirth() == null ? "" : a.placeOfBirth());
                field(cs, fx, top - 35 * MM, "etd.pdf.issued", VIZ_DATE.format(d.issuedOn()).toUpperCase(Locale.ROOT));
                field(cs, fx + 40 * MM, top - 35 * MM, "etd.pdf.expires", VIZ_DATE.format(d.expiresOn()).toUpperCase(Locale.ROOT));
                field(cs, fx, top - 42 * MM, "etd.pdf.validFor", fit(a.route(), SANS, 8, 78 * MM));

                // MRZ: 44 characters at 2.54 mm pitch (10 cpi), baselines in the bottom 23.2 mm zone
                float size = 2.54f * MM * 1000f / OcrBFont.ADVANCE;
                float mx = x0 + (125 * MM - 44 * 2.54f * MM) / 2;
                text(cs, ocrb, size, mx, y0 + 12.5f * MM, d.mrz().line1());
                text(cs, ocrb, size, mx, y0 + 5.0f * MM, d.mrz().line2());

                // below the data page
                float y = y0 - 12 * MM;
                text(cs, SANS_BOLD, 10, x0, y, Messages.get("etd.pdf.numberLine", d.serial()));
                text(cs, SANS_BOLD, 10, x0 + 80 * MM, y, Messages.get("etd.pdf.codeLine", d.verificationCode()));
                y -= 8 * MM;
                for (String line : wrap(Messages.get("etd.pdf.conditions", safe(a.route()), VIZ_DATE.format(d.expiresOn())), SANS, 9,
                        170 * MM)) {
                    text(cs, SANS, 9, x0, y, line);
                    y -= 4.5f * MM;
                }
                y -= 4 * MM;
                text(cs, SANS, 8, x0, y, Messages.get("etd.pdf.verifyHow"));
                y -= 25 * MM;
                cs.moveTo(x0, y);
                cs.lineTo(x0 + 70 * MM, y);
                cs.moveTo(x0 + 95 * MM, y);
                cs.lineTo(x0 + 165 * MM, y);
                cs.stroke();
                text(cs, SANS, 8, x0, y - 4 * MM, Messages.get("etd.pdf.officerSignature", d.issuedBy()));
                text(cs, SANS, 8, x0 + 95 * MM, y - 4 * MM, Messages.get("etd.pdf.holderSignature"));
            }
            return bytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The register extract: one line per ETD, A4 landscape, with page numbers. */
    public static byte[] register(List<EtdDocument> documents, String postName, java.time.Instant at) {
        try (PDDocument pdf = new PDDocument()) {
            info(pdf, Messages.get("etd.pdf.registerTitle"));
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            float[] columns = {15, 45, 125, 160, 190, 220, 250};
            String[] heads = {Messages.get("etd.col.number"), Messages.get("etd.col.holder"), Messages.get("etd.col.birth"),
                    Messages.get("etd.col.issued"), Messages.get("etd.col.expires"), Messages.get("etd.col.state"),
                    Messages.get("etd.col.issuedBy")};
            int perPage = 30;
            int pages = Math.max(1, (documents.size() + perPage - 1) / perPage);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(size);
                pdf.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    float y = size.getHeight() - 15 * MM;
                    text(cs, SANS_BOLD, 13, 15 * MM, y, Messages.get("etd.pdf.registerTitle"));
                    text(cs, SANS, 9, 15 * MM, y - 5 * MM, safe(postName) + " \u2014 "
                            + Messages.get("etd.pdf.registerAt", at.atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0).toString().replace('T', ' ')));
                    y -= 14 * MM;
                    for (int c = 0; c < columns.length; c++) {
                        text(cs, SANS_BOLD, 9, columns[c] * MM, y, heads[c]);
                    }
                    cs.moveTo(15 * MM, y - 1.5f * MM);
                    cs.lineTo(size.getWidth() - 15 * MM, y - 1.5f * MM);
                    cs.stroke();
                    y -= 6 * MM;
                    if (documents.isEmpty()) {
                        text(cs, SANS, 9, 15 * MM, y, Messages.get("etd.register.empty"));
                    }
                    for (EtdDocument d : documents.subList(p * perPage, Math.min(documents.size(), (p + 1) * perPage))) {
                        String[] cells = {d.serial(), fit(d.displayName(), SANS, 9, 78 * MM), d.birthDate() == null ? "" : d.birthDate(),
                                d.issuedOn().toString(), d.expiresOn().toString(), Messages.get("etd.state." + d.state().name()),
                                d.issuedBy()};
                        for (int c = 0; c < columns.length; c++) {
                            text(cs, SANS, 9, columns[c] * MM, y, cells[c]);
                        }
                        y -= 5 * MM;
                    }
                    text(cs, SANS, 8, size.getWidth() - 40 * MM, 10 * MM, Messages.get("etd.pdf.page", p + 1, pages));
                }
            }
            return bytes(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String vizBirth(String iso) {
        if (iso == null || iso.isBlank()) {
            return "XX XXX XXXX";
        }
        if (iso.length() == 4) {
            return "XX XXX " + iso;
        }
        if (iso.length() == 7) {
            return "XX " + VIZ_DATE.format(LocalDate.parse(iso + "-01")).substring(3).toUpperCase(Locale.ROOT);
        }
        return VIZ_DATE.format(LocalDate.parse(iso)).toUpperCase(Locale.ROOT);
    }

    private static void field(PDPageContentStream cs, float x, float y, String labelKey, String value) throws IOException {
        text(cs, SANS, 5.5f, x, y, Messages.get(labelKey));
        text(cs, SANS_BOLD, 8.5f, x, y - 3.3f * MM, value);
    }

    static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(safe(text));
        cs.endText();
    }

    /** Text the standard fonts can show: letters outside WinAnsi are written the Doc 9303 way (Ł as L). */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (encodable(c)) {
                out.append(c);
            } else if (Character.isLetter(c)) {
                try {
                    String t = Transliteration.name(String.valueOf(c));
                    out.append(Character.isLowerCase(c) ? t.toLowerCase(Locale.ROOT) : t);
                } catch (RuntimeException e) {
                    out.append('?');
                }
            } else {
                out.append(Character.isWhitespace(c) ? ' ' : '?');
            }
        }
        return out.toString();
    }

    private static boolean encodable(char c) {
        try {
            SANS.encode(String.valueOf(c));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static String fit(String text, PDFont font, float size, float width) throws IOException {
        String s = safe(text);
        if (font.getStringWidth(s) / 1000 * size <= width) {
            return s;
        }
        while (!s.isEmpty() && font.getStringWidth(s + "\u2026") / 1000 * size > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "\u2026";
    }

    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : safe(text).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    static void info(PDDocument pdf, String title) {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setCreator("ConsularDesk");
        pdf.setDocumentInformation(info);
    }

    static byte[] bytes(PDDocument pdf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
    }
}
