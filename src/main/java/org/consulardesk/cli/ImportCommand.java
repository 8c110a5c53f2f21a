package org.consulardesk.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.model.ExchangeIssue;
import org.consulardesk.exchange.model.ImportReport;
import org.consulardesk.exchange.model.ImportStatus;
import org.consulardesk.exchange.service.ImportService;
import org.consulardesk.exchange.service.PostKeyService;
import org.consulardesk.exchange.service.PostKeys;
import org.consulardesk.security.service.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports posts' workbooks into an HQ workspace, one report line per file. A post's unknown key is
 * registered only with {@code --trust-fingerprint} matching it (compared with the post beforehand).
 * Exit 0 if every file was imported or had been already.
 */
@Command(name = "import", mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Mixin
    LoginOptions login;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE", descriptionKey = "cli.option.workbooks")
    List<Path> files;

    @Option(names = "--password-file", paramLabel = "FILE", descriptionKey = "cli.option.passwordFileRead")
    Path passwordFile;

    @Option(names = "--trust-fingerprint", paramLabel = "FP", descriptionKey = "cli.option.trustFingerprint")
    String trustFingerprint;

    ImportCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        char[] password = ExchangePasswords.read(terminal, passwordFile, false, false);
        boolean allOk = true;
        try (Session session = login.login(terminal)) {
            ImportService imports = new ImportService(session);
            for (Path file : files) {
                ImportReport report = imports.importFiles(List.of(file), password, ProgressSink.NONE).get(0);
                if (report.status() == ImportStatus.UNKNOWN_KEY && trustFingerprint != null
                        && PostKeys.sameFingerprint(trustFingerprint, report.info().fingerprint())) {
                    new PostKeyService(session).register(report.info().registryId(), report.info().post(),
                            report.info().country(), report.info().publicKey());
                    terminal.out().println(Messages.get("cli.exchange.keyRegistered", report.info().post(), report.info().fingerprint()));
                    report = imports.importFiles(List.of(file), password, ProgressSink.NONE).get(0);
                }
                print(report);
                allOk &= report.status() == ImportStatus.IMPORTED || report.status() == ImportStatus.ALREADY_IMPORTED
                        || report.status() == ImportStatus.OLDER_THAN_IMPORTED;
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        return allOk ? Cli.OK : Cli.USER_ERROR;
    }

    private void print(ImportReport report) {
        String post = report.info() == null ? "?" : report.info().post();
        terminal.out().println(Messages.get("cli.exchange.import." + report.status().name(), report.file(), post, report.rows()));
        for (ExchangeIssue issue : report.issues()) {
            terminal.err().println("  " + issue.describe());
        }
    }
}
