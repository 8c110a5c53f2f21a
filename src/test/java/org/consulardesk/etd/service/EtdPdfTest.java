package org.consulardesk.etd.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.consulardesk.etd.model.ApplicationStatus;
import org.consulardesk.etd.model.EtdApplication;
import org.consulardesk.etd.model.EtdDocument;
import org.consulardesk.etd.model.EtdReason;
import org.consulardesk.etd.model.EtdState;
import org.consulardesk.etd.model.Evidence;
import org.consulardesk.etd.model.Mrz;
import org.consulardesk.etd.model.MrzInput;
import org.consulardesk.etd.model.Sex;
import org.junit.jupiter.api.Test;

/** The ETD PDF carries the MRZ as OCR-B text, the number and code; the register extract its rows. */
class EtdPdfTest {
    static EtdApplication application() {
        return new EtdApplication(7, 1, null, "Þórsdóttir-Łaska", "Anna Maria", "1974-08", Sex.F, "Port Amber", "UTO",
                EtdReason.STOLEN, null, null, null, "Single journey Nairobi – Addis Ababa – Utopia", 30, null, null, true,
                "crisis", Set.of(Evidence.INTERVIEW), "ok", ApplicationStatus.ISSUED, "m.quillane", Instant.now(), "d.farrowby",
                Instant.now(), null);
    }

    static EtdDocument document() {
        EtdApplication a = application();
        Mrz mrz = MrzCodec.write(new MrzInput("PE", "UTO", a.familyName(), a.givenNames(), "E0000042", "UTO", a.birthDate(),
                a.sex(), LocalDate.of(2026, 12, 25), ""));
        return new EtdDocument(1, 1, 7, null, "E0000042", "PE", a.familyName(), a.givenNames(), a.birthDate(), a.sex(),
                LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 25), "d.farrowby", mrz, "ABCDE-FGHJK", EtdState.ISSUED,
                null, "d.farrowby", Instant.now(), "UTO", null);
    }

    @Test
    void etdPdfHasTheMrzInEmbeddedOcrB() throws IOException {
        EtdDocument d = document();
        byte[] bytes = EtdPdf.document(d, application(), PhotoCrop.crop(EtdServiceTest.portrait(), PhotoCrop.initial(600, 800)),
                "Embassy of Utopia in Nairobi");
        String dir = System.getProperty("etd.pdf.out");
        if (dir != null) {
            Files.write(Path.of(dir, "etd-specimen.pdf"), bytes);
        }
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(d.mrz().line1()).contains(d.mrz().line2()).contains("E0000042").contains("ABCDE-FGHJK")
                    .contains("THORSDOTTIR<LASKA<<ANNA<MARIA").contains("XX AUG 1974");
            PDFont font = pdf.getPage(0).getResources().getFont(
                    pdf.getPage(0).getResources().getFontNames().iterator().next());
            List<String> fonts = new java.util.ArrayList<>();
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                PDFont f = pdf.getPage(0).getResources().getFont(name);
                fonts.add(f.getName() + (f.isEmbedded() ? "+embedded" : ""));
            }
            assertThat(fonts).contains("OCRB-Regular+embedded");
            assertThat(font).isNotNull();
        }
    }

    @Test
    void registerExtractListsEveryDocumentOnPages() throws IOException {
        List<EtdDocument> many = new java.util.ArrayList<>();
        for (int i = 0; i < 45; i++) {
            many.add(document());
        }
        byte[] bytes = EtdPdf.register(many, "Embassy of Utopia in Nairobi", Instant.parse("2026-11-25T10:00:00Z"));
        String dir = System.getProperty("etd.pdf.out");
        if (dir != null) {
            Files.write(Path.of(dir, "etd-register.pdf"), bytes);
        }
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(2);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text.split("E0000042", -1)).hasSize(46);
            assertThat(text).contains("Page 2 of 2").contains("Issued");
        }
        try (PDDocument empty = Loader.loadPDF(EtdPdf.register(List.of(), "Post", Instant.now()))) {
            assertThat(new PDFTextStripper().getText(empty)).contains("No emergency travel document matches.");
        }
    }

    @Test
    void vizDatesOfBirthShowUnknownParts() {
        assertThat(EtdPdf.vizBirth("1974-08-12")).isEqualTo("12 AUG 1974");
        assertThat(EtdPdf.vizBirth("1974-08")).isEqualTo("XX AUG 1974");
        assertThat(EtdPdf.vizBirth("1974")).isEqualTo("XX XXX 1974");
        assertThat(EtdPdf.vizBirth(null)).isEqualTo("XX XXX XXXX");
        assertThat(EtdPdf.safe("Łaska – Þór")).isEqualTo("Laska – Þór");
    }
}
