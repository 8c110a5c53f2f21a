package org.consulardesk.etd.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.consulardesk.core.UserError;
import org.consulardesk.etd.model.Mrz;
import org.consulardesk.etd.model.MrzInput;
import org.consulardesk.etd.model.MrzRecord;
import org.consulardesk.etd.model.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TD3 MRZ against the worked example of ICAO Doc 9303 Part 4 (Appendix A) and the edge cases. */
class MrzCodecTest {
    /** The specimen of Doc 9303 Part 4: Anna Maria Eriksson, Utopia. */
    static final String SPECIMEN_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    static final String SPECIMEN_2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

    static MrzInput specimen() {
        return new MrzInput("P", "UTO", "Eriksson", "Anna Maria", "L898902C3", "UTO", "1974-08-12", Sex.F,
                LocalDate.of(2012, 4, 15), "ZE184226B");
    }

    @Test
    void writesTheDoc9303Specimen() {
        Mrz mrz = MrzCodec.write(specimen());
        assertThat(mrz.line1()).isEqualTo(SPECIMEN_1);
        assertThat(mrz.line2()).isEqualTo(SPECIMEN_2);
    }

    @Test
    void checkDigitsOfTheSpecimenFields() {
        assertThat(MrzCodec.checkDigit("L898902C3")).isEqualTo(6);
        assertThat(MrzCodec.checkDigit("740812")).isEqualTo(2);
        assertThat(MrzCodec.checkDigit("120415")).isEqualTo(9);
        assertThat(MrzCodec.checkDigit("ZE184226B<<<<<")).isEqualTo(1);
        assertThat(MrzCodec.checkDigit(MrzCodec.composite(SPECIMEN_2))).isZero();
        // Doc 9303 Part 3 worked example of the 7-3-1 calculation (date 27 July 1952): 520727 → 3
        assertThat(MrzCodec.checkDigit("520727")).isEqualTo(3);
        // fillers count as zero; letters A–Z as 10–35
        assertThat(MrzCodec.checkDigit("<<<<<<")).isZero();
        assertThat(MrzCodec.checkDigit("A")).isEqualTo(0); // 10*7 = 70
        assertThat(MrzCodec.checkDigit("Z")).isEqualTo(5); // 35*7 = 245
        assertThat(MrzCodec.checkDigit("1Z")).isEqualTo(2); // 7 + 105 = 112
    }

    @Test
    void readsTheSpecimen() {
        MrzRecord r = MrzCodec.read(SPECIMEN_1, SPECIMEN_2);
        assertThat(r.documentCode()).isEqualTo("P");
        assertThat(r.issuer()).isEqualTo("UTO");
        assertThat(r.surname()).isEqualTo("ERIKSSON");
        assertThat(r.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(r.number()).isEqualTo("L898902C3");
        assertThat(r.nationality()).isEqualTo("UTO");
        assertThat(r.birthDate()).isEqualTo("740812");
        assertThat(r.sex()).isEqualTo(Sex.F);
        assertThat(r.expiryDate()).isEqualTo("120415");
        assertThat(r.optionalData()).isEqualTo("ZE184226B");
    }

    @ParameterizedTest
    @CsvSource({
        "0, M, document number",
        "13, 8, date of birth",
        "21, 2, date of expiry",
        "28, Y, optional data"})
    void readerNamesTheFieldWhoseCheckDigitIsWrong(int position, char replacement, String field) {
        char[] line = SPECIMEN_2.toCharArray();
        line[position] = replacement;
        assertThatThrownBy(() -> MrzCodec.read(SPECIMEN_1, new String(line)))
                .isInstanceOf(UserError.class).hasMessageContaining(field);
    }

    @Test
    void readerNamesAWrongCheckDigitItselfAndTheComposite() {
        String wrongNumberCheck = SPECIMEN_2.substring(0, 9) + "7" + SPECIMEN_2.substring(10);
        assertThatThrownBy(() -> MrzCodec.read(SPECIMEN_1, wrongNumberCheck)).hasMessageContaining("document number");
        String wrongComposite = SPECIMEN_2.substring(0, 43) + "1";
        assertThatThrownBy(() -> MrzCodec.read(SPECIMEN_1, wrongComposite)).hasMessageContaining("composite");
        String wrongSex = SPECIMEN_2.substring(0, 20) + "Q" + SPECIMEN_2.substring(21);
        assertThatThrownBy(() -> MrzCodec.read(SPECIMEN_1, wrongSex)).hasMessageContaining("sex");
        assertThatThrownBy(() -> MrzCodec.read(SPECIMEN_1, SPECIMEN_2.substring(1))).hasMessageContaining("line 2");
        assertThatThrownBy(() -> MrzCodec.read(SPECIMEN_1.toLowerCase(), SPECIMEN_2)).hasMessageContaining("line 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Müller|MUELLER",
        "Øre|OERE",
        "Ærø|AEROE",
        "Strauß|STRAUSS",
        "Ångström|AANGSTROEM",
        "Þórsdóttir|THORSDOTTIR",
        "Œuvre|OEUVRE",
        "Ĳssel|IJSSEL",
        "Łukasz|LUKASZ",
        "Đorđević|DORDEVIC",
        "Peña|PENA",
        "Çelik|CELIK",
        "Dvořák|DVORAK",
        "Ñúñez|NUNEZ",
        "O'Brien|OBRIEN",
        "D’Artagnan|DARTAGNAN",
        "Smith-Jones|SMITH<JONES",
        "van der Berg|VAN<DER<BERG",
        "  Anne  Marie |ANNE<MARIE",
        "Jean - Luc|JEAN<LUC",
        "St. John|ST<JOHN",
        "ﬁfi|FIFI"})
    void transliteratesPerTheDoc9303Table(String name, String mrz) {
        assertThat(Transliteration.name(name)).isEqualTo(mrz);
    }

    @Test
    void refusesNonLatinLettersAndDigitsInNames() {
        assertThatThrownBy(() -> Transliteration.name("Иванов")).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> Transliteration.name("Anna 2")).isInstanceOf(UserError.class);
    }

    @Test
    void partialDatesOfBirthUseFillers() {
        assertThat(MrzCodec.birthDate("1974-08-12")).isEqualTo("740812");
        assertThat(MrzCodec.birthDate("1974-08")).isEqualTo("7408<<");
        assertThat(MrzCodec.birthDate("1974")).isEqualTo("74<<<<");
        assertThat(MrzCodec.birthDate("")).isEqualTo("<<<<<<");
        assertThat(MrzCodec.birthDate(null)).isEqualTo("<<<<<<");
        assertThatThrownBy(() -> MrzCodec.birthDate("1974-02-30")).hasMessageContaining("date of birth");
        assertThatThrownBy(() -> MrzCodec.birthDate("12.08.1974")).hasMessageContaining("date of birth");

        Mrz mrz = MrzCodec.write(withBirth("1974"));
        assertThat(mrz.line2().substring(13, 20)).isEqualTo("74<<<<" + MrzCodec.checkDigit("74<<<<"));
        assertThat(MrzCodec.read(mrz.line1(), mrz.line2()).birthDate()).isEqualTo("74<<<<");
        Mrz unknown = MrzCodec.write(withBirth(null));
        assertThat(unknown.line2().substring(13, 20)).isEqualTo("<<<<<<0");
        assertThat(MrzCodec.read(unknown.line1(), unknown.line2()).birthDate()).isEqualTo("<<<<<<");
    }

    @Test
    void sexXIsWrittenAsFiller() {
        MrzInput in = new MrzInput("P", "UTO", "Eriksson", "Anna", "L898902C3", "UTO", "1974-08-12", Sex.X,
                LocalDate.of(2012, 4, 15), "");
        Mrz mrz = MrzCodec.write(in);
        assertThat(mrz.line2().charAt(20)).isEqualTo('<');
        assertThat(MrzCodec.read(mrz.line1(), mrz.line2()).sex()).isEqualTo(Sex.X);
        assertThat(mrz.line2().substring(28, 43)).isEqualTo("<".repeat(15));
    }

    @Test
    void twoLetterDocumentCode() {
        MrzInput in = new MrzInput("PE", "UTO", "Eriksson", "Anna", "E0000001", "UTO", "1974-08-12", Sex.F,
                LocalDate.of(2026, 12, 31), null);
        Mrz mrz = MrzCodec.write(in);
        assertThat(mrz.line1()).startsWith("PEUTOERIKSSON<<ANNA<");
        assertThat(MrzCodec.read(mrz.line1(), mrz.line2()).documentCode()).isEqualTo("PE");
    }

    @Test
    void longSecondaryIdentifierIsTruncatedFromTheEnd() {
        String name = MrzCodec.name("Nilavadhanananda", "Chayapa Dejthamrong Krasuang");
        assertThat(name).hasSize(39).isEqualTo("NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K");
        assertThat(name.charAt(38)).isNotEqualTo('<');
    }

    @Test
    void truncationNeverEndsOnAFiller() {
        // the cut would fall just after CHAYAPA: the filler is dropped, the field padded
        String name = MrzCodec.name("Nilavadhananandaxxxxxxxxxxxxx", "Chayapa Dejthamrong");
        assertThat(name).hasSize(39).isEqualTo("NILAVADHANANANDAXXXXXXXXXXXXX<<CHAYAPA<");
    }

    @Test
    void longPrimaryIdentifierKeepsTheFirstLetterOfTheSecondary() {
        String name = MrzCodec.name("Bennelong Woolloomooloo Warrandyte Warnambool", "Dorothy");
        assertThat(name).hasSize(39).isEqualTo("BENNELONG<WOOLLOOMOOLOO<WARRANDYTE<W<<D");
        String onlyPrimary = MrzCodec.name("Bennelong Woolloomooloo Warrandyte Warnambool", "");
        assertThat(onlyPrimary).isEqualTo("BENNELONG<WOOLLOOMOOLOO<WARRANDYTE<WARN");
    }

    @Test
    void refusesWhatDoesNotFit() {
        assertThatThrownBy(() -> MrzCodec.write(new MrzInput("P", "UTO", "A", "B", "1234567890", "UTO", "1974", Sex.F,
                LocalDate.of(2030, 1, 1), ""))).hasMessageContaining("document number");
        assertThatThrownBy(() -> MrzCodec.write(new MrzInput("P", "UTOPIA", "A", "B", "1", "UTO", "1974", Sex.F,
                LocalDate.of(2030, 1, 1), ""))).hasMessageContaining("issuing state");
        assertThatThrownBy(() -> MrzCodec.write(new MrzInput("P", "UTO", "", "B", "1", "UTO", "1974", Sex.F,
                LocalDate.of(2030, 1, 1), ""))).hasMessageContaining("name");
        assertThatThrownBy(() -> MrzCodec.write(new MrzInput("P", "UTO", "A", "B", "1", "UTO", "1974", Sex.F,
                null, ""))).hasMessageContaining("date of expiry");
    }

    /** Property: any valid input yields two 44-character lines that the reader accepts and reads back. */
    @Test
    void anyValidInputRoundTrips() {
        Random random = new Random(9303);
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜßÉÈÑØÆÅÞŁ '-";
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 2000; i++) {
            String surname = "Q" + random(random, letters, 1 + random.nextInt(40));
            String given = random.nextInt(5) == 0 ? "" : "R" + random(random, letters, random.nextInt(40));
            String number = random(random, alnum, 1 + random.nextInt(9));
            String optional = random(random, alnum, random.nextInt(15));
            LocalDate birth = LocalDate.of(1900 + random.nextInt(125), 1, 1).plusDays(random.nextInt(365));
            String birthText = switch (random.nextInt(4)) {
                case 0 -> birth.toString().substring(0, 4);
                case 1 -> birth.toString().substring(0, 7);
                case 2 -> "";
                default -> birth.toString();
            };
            Sex sex = Sex.values()[random.nextInt(3)];
            LocalDate expiry = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(20000));
            MrzInput in = new MrzInput(random.nextBoolean() ? "P" : "PE", "UTO", surname, given, number, "UTO", birthText, sex,
                    expiry, optional);
            Mrz mrz = MrzCodec.write(in);
            assertThat(mrz.line1()).hasSize(44).matches("[A-Z0-9<]+");
            assertThat(mrz.line2()).hasSize(44).matches("[A-Z0-9<]+");
            MrzRecord back = MrzCodec.read(mrz.line1(), mrz.line2());
            assertThat(back.number()).isEqualTo(number);
            assertThat(back.sex()).isEqualTo(sex);
            assertThat(back.optionalData()).isEqualTo(optional);
            assertThat(back.expiryDate()).isEqualTo(expiry.format(java.time.format.DateTimeFormatter.ofPattern("uuMMdd")));
        }
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static MrzInput withBirth(String birth) {
        return new MrzInput("P", "UTO", "Eriksson", "Anna Maria", "L898902C3", "UTO", birth, Sex.F,
                LocalDate.of(2012, 4, 15), "ZE184226B");
    }
}
