package org.consulardesk.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.consulardesk.core.Messages;
import org.consulardesk.etd.model.Mrz;
import org.consulardesk.etd.model.MrzInput;
import org.consulardesk.etd.model.MrzRecord;
import org.consulardesk.etd.model.Sex;
import org.consulardesk.etd.service.MrzCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** Emergency travel documents: the machine-readable zone, and the blank stock. */
@Command(name = "etd", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        subcommands = {EtdCommand.MrzWrite.class, EtdCommand.CheckMrz.class, EtdStockCommand.class,
                EtdExpireCommand.class})
final class EtdCommand extends GroupCommand {

    /** Prints the two TD3 MRZ lines for the given data, nothing else (so that scripts can use them). */
    @Command(name = "mrz", mixinStandardHelpOptions = true)
    static final class MrzWrite implements Callable<Integer> {
        private final Terminal terminal;

        @Option(names = "--doc-code", defaultValue = "P", paramLabel = "CODE", descriptionKey = "cli.option.etd.docCode")
        String documentCode;

        @Option(names = "--issuer", defaultValue = "UTO", paramLabel = "STATE", descriptionKey = "cli.option.etd.issuer")
        String issuer;

        @Option(names = "--surname", required = true, paramLabel = "S", descriptionKey = "cli.option.etd.surname")
        String surname;

        @Option(names = "--given", defaultValue = "", paramLabel = "G", descriptionKey = "cli.option.etd.given")
        String given;

        @Option(names = "--number", required = true, paramLabel = "N", descriptionKey = "cli.option.etd.number")
        String number;

        @Option(names = "--nationality", defaultValue = "UTO", paramLabel = "STATE", descriptionKey = "cli.option.etd.nationality")
        String nationality;

        @Option(names = "--birth", defaultValue = "", paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.etd.birth")
        String birth;

        @Option(names = "--sex", required = true, paramLabel = "F|M|X", converter = SexConverter.class,
                descriptionKey = "cli.option.etd.sex")
        Sex sex;

        @Option(names = "--expiry", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "cli.option.etd.expiry")
        LocalDate expiry;

        @Option(names = "--optional", defaultValue = "", paramLabel = "DATA", descriptionKey = "cli.option.etd.optional")
        String optional;

        MrzWrite(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            Mrz mrz = MrzCodec.write(new MrzInput(documentCode, issuer, surname, given, number, nationality, birth, sex,
                    expiry, optional));
            terminal.out().println(mrz.line1());
            terminal.out().println(mrz.line2());
            return Cli.OK;
        }
    }

    /** Validates an MRZ: prints its fields, or exits 1 naming the field that is wrong. */
    @Command(name = "check-mrz", mixinStandardHelpOptions = true)
    static final class CheckMrz implements Callable<Integer> {
        private final Terminal terminal;

        @Parameters(index = "0", paramLabel = "LINE1", descriptionKey = "cli.option.etd.line1")
        String line1;

        @Parameters(index = "1", paramLabel = "LINE2", descriptionKey = "cli.option.etd.line2")
        String line2;

        CheckMrz(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            MrzRecord r = MrzCodec.read(line1, line2);
            terminal.out().println(Messages.get("cli.etd.mrz.valid"));
            Table.print(terminal.out(), List.of(
                    row("etd.mrz.field.DOCUMENT_CODE", r.documentCode()),
                    row("etd.mrz.field.ISSUER", r.issuer()),
                    row("etd.mrz.field.NAME", r.surname() + (r.givenNames().isEmpty() ? "" : ", " + r.givenNames())),
                    row("etd.mrz.field.DOCUMENT_NUMBER", r.number()),
                    row("etd.mrz.field.NATIONALITY", r.nationality()),
                    row("etd.mrz.field.BIRTH_DATE", r.birthDate()),
                    row("etd.mrz.field.SEX", r.sex().name()),
                    row("etd.mrz.field.EXPIRY_DATE", r.expiryDate()),
                    row("etd.mrz.field.OPTIONAL_DATA", r.optionalData())));
            return Cli.OK;
        }

        private static String[] row(String key, String value) {
            return new String[] {Messages.get(key), value};
        }
    }

    static final class SexConverter implements picocli.CommandLine.ITypeConverter<Sex> {
        @Override
        public Sex convert(String value) {
            try {
                return Sex.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(Messages.get("cli.option.invalidChoice", value, "F, M, X"));
            }
        }
    }
}
