package org.consulardesk.bonds.service;

import com.ibm.icu.text.Transliterator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small flowing-text writer on A4 pages (PDFBox, standard Helvetica): headings, wrapped
 * paragraphs, fixed columns, page breaks. Text the standard fonts cannot show (other scripts) is
 * transliterated to Latin character by character, so a name is never dropped or turned into boxes. Written in memory only.
 */
final class PdfWriter implements AutoCloseable {
    private static final float MARGIN = 56;
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final String footer;
    private PDPageContentStream content;
    private float y;
    private int pages;

    PdfWriter(String title, String footer) {
        this.footer = footer;
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("ConsularDesk");
        newPage();
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            pages++;
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
            if (footer != null) {
                text(regular, 8, MARGIN, MARGIN / 2, footer + "   \u00b7   " + pages);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void need(float height) {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void title(String s) {
        for (String l : wrap(bold, 15, s, width())) {
            line(bold, 15, l);
        }
        space(4);
    }

    void heading(String s) {
        space(6);
        for (String l : wrap(bold, 11, s, width())) {
            line(bold, 11, l);
        }
    }

    void paragraph(String s) {
        for (String part : (s == null ? "" : s).split("\\R")) {
            for (String l : wrap(regular, 10, part, width())) {
                line(regular, 10, l);
            }
        }
    }

    void space(float points) {
        y -= points;
    }

    /** One row of columns at the given x offsets (relative to the margin); each cell is cut to fit. */
    void row(boolean header, float[] xs, String... cells) {
        PDType1Font font = header ? bold : regular;
        float size = 8.5f;
        need(size * 1.5f);
        y -= size * 1.4f;
        for (int i = 0; i < cells.length; i++) {
            float limit = (i + 1 < xs.length ? xs[i + 1] : width()) - xs[i] - 4;
            text(font, size, MARGIN + xs[i], y, cut(font, size, safe(font, cells[i]), limit));
        }
    }

    private void line(PDType1Font font, float size, String s) {
        need(size * 1.5f);
        y -= size * 1.4f;
        text(font, size, MARGIN, y, safe(font, s));
    }

    private void text(PDType1Font font, float size, float x, float atY, String s) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(safe(font, s));
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(PDType1Font font, float size, String text, float limit) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : safe(font, text).split(" ")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (current.length() > 0 && widthOf(font, size, candidate) > limit) {
                out.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        out.add(current.toString());
        return out;
    }

    private String cut(PDType1Font font, float size, String s, float limit) {
        String t = s;
        while (!t.isEmpty() && widthOf(font, size, t) > limit) {
            t = t.substring(0, t.length() - 1);
        }
        return t.length() < s.length() && t.length() > 1 ? t.substring(0, t.length() - 1) + "\u2026" : t;
    }

    private static float widthOf(PDType1Font font, float size, String s) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return s.length() * size * 0.6f;
        }
    }

    /** The text as the font can show it: as it is, else transliterated, else with '?' for the rest. */
    static String safe(PDType1Font font, String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("[\\r\\n\\t]+", " ");
        if (encodes(font, flat)) {
            return flat;
        }
        StringBuilder out = new StringBuilder();
        flat.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            if (encodes(font, c)) {
                out.append(c);
            } else {
                String latin = TO_LATIN.transliterate(c);
                out.append(encodes(font, latin) ? latin : "?");
            }
        });
        return out.toString();
    }

    private static boolean encodes(PDType1Font font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    byte[] toBytes() {
        try {
            content.close();
            content = null;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
