package org.consulardesk.cli;

import java.io.PrintWriter;
import java.util.List;

/** A plain text table: the first row is the header, columns padded to their widest cell. */
final class Table {
    private Table() {
    }

    static void print(PrintWriter out, List<String[]> rows) {
        rows = rows.stream().map(Table::clean).toList();
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].codePointCount(0, row[c].length()));
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[columns];
                for (int c = 0; c < columns; c++) {
                    rule[c] = "-".repeat(widths[c]);
                }
                out.println(line(rule, widths));
            }
        }
        out.flush();
    }

    /** Control characters (e.g. terminal escapes typed into a name) are shown as '?'. */
    private static String[] clean(String[] row) {
        String[] cleaned = new String[row.length];
        for (int c = 0; c < row.length; c++) {
            cleaned[c] = row[c] == null ? "" : row[c].replaceAll("\\p{Cntrl}", "?");
        }
        return cleaned;
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            line.append(cells[c]);
            if (c < cells.length - 1) {
                line.append(" ".repeat(widths[c] - cells[c].codePointCount(0, cells[c].length()) + 2));
            }
        }
        return line.toString();
    }
}
