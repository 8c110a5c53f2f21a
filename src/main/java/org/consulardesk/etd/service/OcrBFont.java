package org.consulardesk.etd.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.cff.CFFType1Font;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType1CFont;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * The bundled OCR-B (Debian {@code fonts-ocr-b}: outlines by Norbert Schwarz, permissive licence; font
 * build by Matthew Skala, public domain; see ADR 0021 and {@code OCRB-LICENSE.txt}). The font has CFF
 * outlines, which PDFBox cannot embed from an OpenType file, so its CFF table is embedded as a Type1C
 * font program with WinAnsi encoding: the MRZ stays real, extractable text.
 */
final class OcrBFont {
    private static final String RESOURCE = "/org/consulardesk/etd/OCRB.otf";
    private static final byte[] CFF;
    private static final int[] WIDTHS = new int[95];
    /** Advance of one character in font units (1/1000 em); OCR-B is monospaced. */
    static final int ADVANCE;
    private static final String NAME;

    static {
        try (InputStream in = OcrBFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OCR-B font missing from the jar");
            }
            byte[] otfBytes = in.readAllBytes();
            OpenTypeFont otf = new OTFParser().parse(new RandomAccessReadBuffer(otfBytes));
            CFF = otf.getTableBytes(otf.getTableMap().get("CFF "));
            CFFType1Font cff = (CFFType1Font) otf.getCFF().getFont();
            NAME = cff.getName();
            for (int c = 32; c <= 126; c++) {
                int gid = cff.nameToGID(WinAnsiEncoding.INSTANCE.getName(c));
                WIDTHS[c - 32] = gid == 0 ? 0 : Math.round(cff.getType2CharString(gid).getWidth());
            }
            ADVANCE = WIDTHS['<' - 32];
            otf.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OcrBFont() {
    }

    /** The font embedded in {@code document}. */
    static PDFont load(PDDocument document) {
        try {
            COSDictionary font = new COSDictionary();
            font.setItem(COSName.TYPE, COSName.FONT);
            font.setItem(COSName.SUBTYPE, COSName.TYPE1);
            font.setName(COSName.BASE_FONT, NAME);
            font.setItem(COSName.ENCODING, COSName.WIN_ANSI_ENCODING);
            font.setInt(COSName.FIRST_CHAR, 32);
            font.setInt(COSName.LAST_CHAR, 126);
            COSArray widths = new COSArray();
            for (int w : WIDTHS) {
                widths.add(COSInteger.get(w));
            }
            font.setItem(COSName.WIDTHS, widths);
            PDFontDescriptor descriptor = new PDFontDescriptor(new COSDictionary());
            descriptor.setFontName(NAME);
            descriptor.setFixedPitch(true);
            descriptor.setNonSymbolic(true);
            descriptor.setFontBoundingBox(new PDRectangle(0, -250, ADVANCE, 1000));
            descriptor.setItalicAngle(0);
            descriptor.setAscent(750);
            descriptor.setDescent(-250);
            descriptor.setCapHeight(700);
            descriptor.setStemV(80);
            PDStream program = new PDStream(document, new ByteArrayInputStream(CFF), COSName.FLATE_DECODE);
            program.getCOSObject().setItem(COSName.SUBTYPE, COSName.getPDFName("Type1C"));
            descriptor.setFontFile3(program);
            font.setItem(COSName.FONT_DESC, descriptor);
            return new PDType1CFont(font);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
