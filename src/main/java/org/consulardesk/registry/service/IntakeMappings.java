package org.consulardesk.registry.service;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.ColumnMapping;
import org.consulardesk.registry.model.IntakeField;

/**
 * Column mappings: suggested from header names, written as {@code target=Source Column} lines
 * (the saved form and the CLI's mapping file).
 */
public final class IntakeMappings {
    /** Header names (normalised: Latin, lower case, no accents or punctuation) that mean each field. */
    private static final Map<IntakeField, List<String>> SYNONYMS = new EnumMap<>(Map.ofEntries(
            Map.entry(IntakeField.FAMILY_NAME, List.of("family name", "surname", "last name", "lastname", "family",
                    "nom", "nom de famille", "apellido", "apellidos", "name family")),
            Map.entry(IntakeField.GIVEN_NAMES, List.of("given names", "given name", "first name", "first names",
                    "firstname", "forename", "forenames", "prenom", "prenoms", "nombre", "nombres", "name given")),
            Map.entry(IntakeField.FAMILY_NAME_ORIGINAL, List.of("family name original", "surname original",
                    "family name original script", "last name original", "family name native")),
            Map.entry(IntakeField.GIVEN_NAMES_ORIGINAL, List.of("given names original", "given name original",
                    "first name original", "given names original script", "given names native")),
            Map.entry(IntakeField.SEX, List.of("sex", "gender", "sexe", "sexo")),
            Map.entry(IntakeField.BIRTH_DATE, List.of("birth date", "date of birth", "dob", "birthdate", "born",
                    "date de naissance", "fecha de nacimiento")),
            Map.entry(IntakeField.PLACE_OF_BIRTH, List.of("place of birth", "birth place", "birthplace", "pob",
                    "lieu de naissance")),
            Map.entry(IntakeField.CITY, List.of("city", "town", "ville", "ciudad", "city of residence")),
            Map.entry(IntakeField.DISTRICT, List.of("district", "area", "neighbourhood", "neighborhood", "quarter",
                    "region", "province")),
            Map.entry(IntakeField.COUNTRY, List.of("country", "country code", "host country", "pays", "pais")),
            Map.entry(IntakeField.ADDRESS, List.of("address", "street address", "address line 1", "adresse",
                    "direccion", "home address")),
            Map.entry(IntakeField.PHONE, List.of("phone", "phone number", "telephone", "tel", "mobile", "mobile phone",
                    "cell", "cell phone", "mobile number", "telefono")),
            Map.entry(IntakeField.EMAIL, List.of("email", "e mail", "email address", "mail", "courriel")),
            Map.entry(IntakeField.PASSPORT_NUMBER, List.of("passport number", "passport", "passport no",
                    "passport nr", "document number", "numero de passeport")),
            Map.entry(IntakeField.PASSPORT_EXPIRY, List.of("passport expiry", "passport expiry date", "expiry",
                    "expiry date", "passport expires", "date of expiry", "passport valid until")),
            Map.entry(IntakeField.PURPOSE, List.of("purpose", "purpose of stay", "reason for stay", "status",
                    "category", "occupation type"))));

    private IntakeMappings() {
    }

    /** A mapping from the header's names; each column is used at most once, the first match wins. */
    public static ColumnMapping suggest(List<String> header) {
        Map<IntakeField, String> columns = new EnumMap<>(IntakeField.class);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (IntakeField field : IntakeField.values()) {
            for (String column : header) {
                String key = NameKeys.normalise(column);
                if (!used.contains(column) && (key.equals(field.key().replace('_', ' ')) || SYNONYMS.get(field).contains(key))) {
                    columns.put(field, column);
                    used.add(column);
                    break;
                }
            }
        }
        return new ColumnMapping(columns);
    }

    /** The {@code target=Source Column} text of a mapping (what is saved). */
    public static String format(ColumnMapping mapping) {
        return mapping.columns().entrySet().stream()
                .map(e -> escape(e.getKey().key()) + "=" + escape(e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    /** Reads {@code target=Source Column} lines; an unknown target is refused. */
    public static ColumnMapping parse(String text) {
        try {
            return parse(new StringReader(text), "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a mapping file (UTF-8 properties, {@code family_name=Surname}). */
    public static ColumnMapping load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.getFileName().toString());
        } catch (IOException e) {
            throw new UserError("error.intake.mappingUnreadable", file.getFileName());
        }
    }

    private static ColumnMapping parse(Reader reader, String name) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<IntakeField, String> columns = new EnumMap<>(IntakeField.class);
        for (String target : properties.stringPropertyNames()) {
            IntakeField field = IntakeField.ofKey(target)
                    .orElseThrow(() -> new UserError("error.intake.mappingTarget", name, target));
            columns.put(field, properties.getProperty(target));
        }
        return new ColumnMapping(columns);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '=', ':', '#', '!' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c == ' ' && out.length() == 0) {
                        out.append("\\ ");
                    } else if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
