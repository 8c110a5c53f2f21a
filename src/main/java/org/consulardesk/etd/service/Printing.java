package org.consulardesk.etd.service;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.print.PrintServiceLookup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.consulardesk.core.AtomicFiles;
import org.consulardesk.core.UserError;

/** "Print" means: save the PDF to a file the officer chose, or send it to the system's default printer. */
public final class Printing {
    private Printing() {
    }

    /** True when the system has a default printer (a headless post laptop often has none). */
    public static boolean printerAvailable() {
        return PrintServiceLookup.lookupDefaultPrintService() != null;
    }

    /** Sends the PDF to the default printer, at its real size. */
    public static void print(byte[] pdf, String jobName) {
        if (!printerAvailable()) {
            throw new UserError("error.etd.noPrinter");
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setJobName(jobName);
            job.setPageable(new PDFPageable(document));
            job.print();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PrinterException e) {
            throw new UserError(e, "error.etd.printFailed");
        }
    }

    /** Writes the PDF to {@code file} (all or nothing). */
    public static void save(byte[] pdf, Path file) {
        try {
            AtomicFiles.write(file, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
