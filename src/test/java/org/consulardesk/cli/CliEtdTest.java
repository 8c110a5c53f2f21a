package org.consulardesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consulardesk.etd.service.StockService;
import org.consulardesk.security.service.Session;
import org.consulardesk.testsupport.TestRegistries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code etd mrz} and {@code etd check-mrz} through {@link Cli#run}. */
class CliEtdTest {
    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(new Terminal(new PrintWriter(out), new PrintWriter(err), k -> null, null), args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void mrzPrintsTheTwoLinesExactly() {
        Result r = run("etd", "mrz", "--doc-code", "P", "--issuer", "UTO", "--surname", "Eriksson", "--given", "Anna Maria",
                "--number", "L898902C3", "--nationality", "UTO", "--birth", "1974-08-12", "--sex", "F", "--expiry",
                "2012-04-15", "--optional", "ZE184226B");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<" + System.lineSeparator()
                + "L898902C36UTO7408122F1204159ZE184226B<<<<<10" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void mrzWithSexXAndPartialBirth() {
        Result r = run("etd", "mrz", "--doc-code", "PE", "--surname", "Ångström", "--number", "E1", "--birth", "1990",
                "--sex", "x", "--expiry", "2027-01-31");
        assertThat(r.exit()).as(r.err()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines[0]).isEqualTo("PEUTOAANGSTROEM<<<<<<<<<<<<<<<<<<<<<<<<<<<<<");
        assertThat(lines[1]).hasSize(44).contains("UTO90<<<<").contains("<2701312");
        assertThat(run("etd", "check-mrz", lines[0], lines[1]).exit()).isZero();
    }

    @Test
    void mrzRefusesBadInputWithExit1() {
        Result r = run("etd", "mrz", "--surname", "A", "--number", "1234567890", "--sex", "F", "--expiry", "2030-01-01");
        assertThat(r.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(r.err()).contains("document number");
        assertThat(run("etd", "mrz", "--surname", "A", "--number", "1", "--sex", "Q", "--expiry", "2030-01-01").exit())
                .isEqualTo(Cli.USAGE_ERROR);
    }

    @Test
    void checkMrzAcceptsTheSpecimen() {
        Result r = run("etd", "check-mrz", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("valid").contains("ERIKSSON, ANNA MARIA").contains("L898902C3").contains("740812");
    }

    @Test
    void checkMrzExits1NamingTheWrongField() {
        Result birth = run("etd", "check-mrz", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408132F1204159ZE184226B<<<<<10");
        assertThat(birth.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(birth.err().strip()).isEqualTo("The check digit of the MRZ field date of birth is wrong.");
        assertThat(birth.out()).isEmpty();

        Result composite = run("etd", "check-mrz", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<14");
        assertThat(composite.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(composite.err()).contains("composite check digit");

        Result shortLine = run("etd", "check-mrz", "P<UTOERIKSSON", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
        assertThat(shortLine.exit()).isEqualTo(Cli.USER_ERROR);
        assertThat(shortLine.err()).contains("line 1");
    }

    @Test
    void stockReportPrintsTheReconciliation(@TempDir Path tmp) throws IOException {
        String previous = System.getProperty("consulardesk.statedir");
        System.setProperty("consulardesk.statedir", tmp.resolve("state").toString());
        try {
            Path dir = tmp.resolve("registry");
            try (Session head = TestRegistries.create(dir).session()) {
                new StockService(head).receive("E", 1, 25, 7, "Pouch 7");
                new StockService(head).spoil("E0000003", "Printer jam");
            }
            Path pass = Files.writeString(tmp.resolve("head.pass"), TestRegistries.PASSPHRASE + "\n");
            Result r = run("etd", "stock", "report", "--registry", dir.toString(), "--user", TestRegistries.HEAD,
                    "--passphrase-file", pass.toString(), "--counted", "24");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).containsPattern("Received \\(expected\\)\\s+25").containsPattern("On hand\\s+24")
                    .containsPattern("Spoiled\\s+1").containsPattern("Counted\\s+24").contains("SKIPPED: E0000001")
                    .contains("NOT balanced");
            Result denied = run("etd", "stock", "report", "--registry", dir.toString());
            assertThat(denied.exit()).isEqualTo(Cli.USAGE_ERROR);

            // the same report as a PDF for the head of post's signature
            Path pdf = tmp.resolve("reconciliation.pdf");
            Result withPdf = run("etd", "stock", "report", "--registry", dir.toString(), "--user", TestRegistries.HEAD,
                    "--passphrase-file", pass.toString(), "--pdf", pdf.toString());
            assertThat(withPdf.exit()).as(withPdf.err()).isZero();
            assertThat(withPdf.out()).contains("Reconciliation PDF written to " + pdf);
            assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");

            // expiry of unused ETDs: nothing is past its validity in a new registry
            Result expire = run("etd", "expire", "--registry", dir.toString(), "--user", TestRegistries.HEAD,
                    "--passphrase-file", pass.toString());
            assertThat(expire.exit()).as(expire.err()).isZero();
            assertThat(expire.out()).contains("Marked 0 ETD(s) past their validity as expired.");
        } finally {
            if (previous == null) {
                System.clearProperty("consulardesk.statedir");
            } else {
                System.setProperty("consulardesk.statedir", previous);
            }
        }
    }
}
