package org.consulardesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.etd.model.StockFlag;
import org.consulardesk.etd.model.StockReport;
import org.consulardesk.etd.service.StockService;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The blank stock of emergency travel documents. */
@Command(name = "stock", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {EtdStockCommand.Report.class})
final class EtdStockCommand extends GroupCommand {

    /** Prints the reconciliation: expected, on hand, issued, spoiled, the count if given, and the flags. */
    @Command(name = "report", mixinStandardHelpOptions = true)
    static final class Report implements Callable<Integer> {
        private final Terminal terminal;

        @Mixin
        LoginOptions login;

        @Option(names = "--counted", paramLabel = "N", descriptionKey = "cli.option.etd.counted")
        Integer counted;

        @Option(names = "--pdf", paramLabel = "FILE", descriptionKey = "cli.option.etd.stockPdf")
        java.nio.file.Path pdf;

        Report(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            try (Session session = login.login(terminal)) {
                StockReport r = new StockService(session).report(counted);
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {Messages.get("etd.stock.col.figure"), Messages.get("etd.stock.col.value")});
                rows.add(new String[] {Messages.get("etd.stock.expected"), String.valueOf(r.expected())});
                rows.add(new String[] {Messages.get("etd.stock.onHand"), String.valueOf(r.onHand())});
                rows.add(new String[] {Messages.get("etd.stock.assigned"), String.valueOf(r.assigned())});
                rows.add(new String[] {Messages.get("etd.stock.issued"), String.valueOf(r.issued())});
                rows.add(new String[] {Messages.get("etd.stock.spoiled"), String.valueOf(r.spoiled())});
                rows.add(new String[] {Messages.get("etd.stock.counted"), r.counted() == null ? "-" : String.valueOf(r.counted())});
                Table.print(terminal.out(), rows);
                for (StockFlag f : r.flags()) {
                    terminal.out().println(Messages.get("etd.stock.flag." + f.kind().name(), f.serial()));
                }
                terminal.out().println(Messages.get(r.balanced() ? "etd.stock.balanced" : "etd.stock.unbalanced"));
                if (pdf != null) {
                    org.consulardesk.etd.service.Printing.save(new StockService(session).reportPdf(r), pdf);
                    terminal.out().println(Messages.get("cli.etd.stockPdf", pdf.toString()));
                }
            }
            return Cli.OK;
        }
    }
}
