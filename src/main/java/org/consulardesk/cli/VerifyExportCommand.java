package org.consulardesk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.exchange.model.ExchangeIssue;
import org.consulardesk.exchange.model.SheetInfo;
import org.consulardesk.exchange.model.VerifyReport;
import org.consulardesk.exchange.service.PostKeys;
import org.consulardesk.exchange.service.WorkbookReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Checks a workbook without any registry: exit 0 only if it is untampered (signature, every sheet's
 * hash, types) and, when {@code --post-key} is given, signed by that key (base64 public key, a file
 * holding it, or its fingerprint).
 */
@Command(name = "verify-export", mixinStandardHelpOptions = true)
final class VerifyExportCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "cli.option.workbook")
    Path file;

    @Option(names = "--post-key", paramLabel = "KEY", descriptionKey = "cli.option.postKey")
    String postKey;

    @Option(names = "--password-file", paramLabel = "FILE", descriptionKey = "cli.option.passwordFileRead")
    Path passwordFile;

    VerifyExportCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        char[] password = ExchangePasswords.read(terminal, passwordFile, false, false);
        VerifyReport report;
        try {
            report = WorkbookReader.verify(file, password, null, WorkbookReader.RowHandler.NONE, ProgressSink.NONE);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
        for (ExchangeIssue issue : report.issues()) {
            terminal.err().println(issue.describe());
        }
        if (!report.intact()) {
            terminal.err().println(Messages.get("cli.exchange.tampered", file.getFileName()));
            return Cli.USER_ERROR;
        }
        var info = report.info();
        terminal.out().println(Messages.get("cli.exchange.verified", info.post(), info.country(), info.profile(),
                info.createdAt().toString(), info.createdBy()));
        for (SheetInfo s : info.sheets()) {
            terminal.out().println("  " + s.name() + ": " + s.rows());
        }
        terminal.out().println(Messages.get("cli.exchange.fingerprint", info.fingerprint()));
        if (postKey == null) {
            terminal.out().println(Messages.get("cli.exchange.keyNotChecked"));
            return Cli.OK;
        }
        if (!matches(postKey, info.publicKey(), info.fingerprint())) {
            terminal.err().println(Messages.get("cli.exchange.keyMismatch", file.getFileName(), info.fingerprint()));
            return Cli.USER_ERROR;
        }
        terminal.out().println(Messages.get("cli.exchange.keyMatches"));
        return Cli.OK;
    }

    static boolean matches(String given, byte[] publicKey, String fingerprint) throws java.io.IOException {
        String value = given.strip();
        Path path = Path.of(value.length() < 200 ? value : ".");
        if (value.length() < 200 && Files.isRegularFile(path)) {
            value = Files.readString(path).strip();
        }
        if (PostKeys.sameFingerprint(value, fingerprint)) {
            return true;
        }
        try {
            return Arrays.equals(Base64.getDecoder().decode(value), publicKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
