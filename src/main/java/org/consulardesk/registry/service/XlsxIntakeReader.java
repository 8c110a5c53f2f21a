package org.consulardesk.registry.service;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The first sheet of an XLSX workbook, read with POI's streaming event API (SAX over the sheet
 * XML), so memory stays bounded whatever the number of rows. Formula cells are refused (their
 * cached result may be stale and a formula is not data); dates are given as ISO 8601.
 */
final class XlsxIntakeReader {
    private XlsxIntakeReader() {
    }

    static void read(Path file, IntakeFiles.Limits limits, ProgressSink progress, IntakeFiles.RowHandler handler) {
        String name = file.getFileName().toString();
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception | LinkageError e) {
            throw new UserError("error.intake.damaged", name);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UserError("error.intake.empty", name);
            }
            Rows rows = new Rows(name, limits, progress, handler);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                ContentHandler cells = new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDates(), false);
                FormulaGuard guard = new FormulaGuard(name);
                guard.setParent(parser);
                guard.setContentHandler(cells);
                guard.parse(new InputSource(sheet));
            } catch (Stop stop) {
                // the handler had enough rows
            }
        } catch (UserError | ProgressSink.CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            UserError inner = userError(e);
            if (inner != null) {
                throw inner;
            }
            throw new UserError("error.intake.damaged", name);
        } catch (Exception e) {
            UserError inner = userError(e);
            throw inner != null ? inner : new UserError("error.intake.damaged", name);
        } finally {
            pkg.revert();
        }
    }

    private static UserError userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserError u) {
                return u;
            }
            if (t instanceof SAXException s && s.getException() instanceof UserError u) {
                return u;
            }
        }
        return null;
    }

    /** Thrown to end the parse early. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Refuses a cell that has a formula ({@code <f>} inside {@code <c>}), naming the cell. */
    private static final class FormulaGuard extends XMLFilterImpl {
        private final String name;
        private String cell = "";

        FormulaGuard(String name) {
            this.name = name;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName)) {
                cell = atts.getValue("r") == null ? "" : atts.getValue("r");
            } else if ("f".equals(localName)) {
                CellReference ref = new CellReference(cell);
                throw new UserError("error.intake.formula", name, ref.getRow() + 1, CellReference.convertNumToColString(ref.getCol()));
            }
            super.startElement(uri, localName, qName, atts);
        }
    }

    /** Dates in ISO 8601: a date, or a date and time when the time is not midnight. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String name;
        private final IntakeFiles.Limits limits;
        private final ProgressSink progress;
        private final IntakeFiles.RowHandler handler;
        private final List<String> cells = new ArrayList<>();

        Rows(String name, IntakeFiles.Limits limits, ProgressSink progress, IntakeFiles.RowHandler handler) {
            this.name = name;
            this.limits = limits;
            this.progress = progress;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            IntakeFiles.checkRows(rowNum + 1, limits, name);
            if (rowNum % 1000 == 0) {
                progress.checkCancelled();
            }
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!handler.row(rowNum + 1, new ArrayList<>(cells))) {
                throw new Stop();
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }
}
