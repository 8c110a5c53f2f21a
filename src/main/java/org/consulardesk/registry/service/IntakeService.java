package org.consulardesk.registry.service;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.consulardesk.core.Messages;
import org.consulardesk.core.ProgressSink;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.ColumnMapping;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.DocumentType;
import org.consulardesk.registry.model.IntakeAnalysis;
import org.consulardesk.registry.model.IntakeField;
import org.consulardesk.registry.model.IntakeIssue;
import org.consulardesk.registry.model.IntakeTable;
import org.consulardesk.registry.model.NationalityEvidence;
import org.consulardesk.registry.model.PurposeOfStay;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.store.IntakeStore;
import org.consulardesk.registry.store.RegistrationStore;
import org.consulardesk.security.model.Permission;
import org.consulardesk.security.service.Session;

/**
 * Bulk intake from CSV and XLSX files: preview, column mapping (suggested and saved), a row-by-row
 * report with duplicate check, then one all-or-nothing commit through
 * {@link RegistrationService#createAll}. Cell values go into the report for the officer and never
 * into a log or an exception message.
 */
public final class IntakeService {
    private static final Map<String, Character> SEXES = Map.ofEntries(
            Map.entry("f", 'F'), Map.entry("female", 'F'), Map.entry("woman", 'F'), Map.entry("w", 'F'),
            Map.entry("femme", 'F'), Map.entry("mujer", 'F'), Map.entry("femenino", 'F'), Map.entry("feminin", 'F'),
            Map.entry("m", 'M'), Map.entry("male", 'M'), Map.entry("man", 'M'), Map.entry("homme", 'M'),
            Map.entry("hombre", 'M'), Map.entry("masculino", 'M'), Map.entry("masculin", 'M'),
            Map.entry("x", 'X'), Map.entry("other", 'X'), Map.entry("diverse", 'X'), Map.entry("unspecified", 'X'),
            Map.entry("non binary", 'X'), Map.entry("nonbinary", 'X'));
    private static final Map<String, PurposeOfStay> PURPOSES = Map.ofEntries(
            Map.entry("worker", PurposeOfStay.WORKER), Map.entry("work", PurposeOfStay.WORKER),
            Map.entry("employment", PurposeOfStay.WORKER), Map.entry("employee", PurposeOfStay.WORKER),
            Map.entry("migrant worker", PurposeOfStay.WORKER), Map.entry("domestic worker", PurposeOfStay.WORKER),
            Map.entry("student", PurposeOfStay.STUDENT), Map.entry("study", PurposeOfStay.STUDENT),
            Map.entry("studies", PurposeOfStay.STUDENT), Map.entry("resident", PurposeOfStay.RESIDENT),
            Map.entry("residence", PurposeOfStay.RESIDENT), Map.entry("family", PurposeOfStay.RESIDENT),
            Map.entry("tourist", PurposeOfStay.TOURIST), Map.entry("tourism", PurposeOfStay.TOURIST),
            Map.entry("visitor", PurposeOfStay.TOURIST), Map.entry("visit", PurposeOfStay.TOURIST),
            Map.entry("holiday", PurposeOfStay.TOURIST), Map.entry("other", PurposeOfStay.OTHER));
    private static final Map<String, String> COUNTRIES = countries();

    private final Session session;
    private final IntakeFiles.Limits limits;
    private final IntakeStore store = new IntakeStore();

    public IntakeService(Session session) {
        this(session, IntakeFiles.Limits.DEFAULT);
    }

    public IntakeService(Session session, IntakeFiles.Limits limits) {
        this.session = session;
        this.limits = limits;
    }

    /** The header and up to {@code rows} data rows, for the mapping screen. */
    public IntakeTable preview(Path file, int rows, ProgressSink progress) {
        session.require(Permission.EDIT_REGISTRY);
        List<String> header = new ArrayList<>();
        List<IntakeTable.IntakeRow> data = new ArrayList<>();
        IntakeFiles.read(file, limits, progress, (number, cells) -> {
            if (blank(cells)) {
                return true;
            }
            if (header.isEmpty()) {
                header.addAll(cells.stream().map(String::strip).toList());
                return true;
            }
            data.add(new IntakeTable.IntakeRow(number, cells));
            return data.size() < rows;
        });
        if (header.isEmpty()) {
            throw new UserError("error.intake.noHeader", file.getFileName());
        }
        return new IntakeTable(header, data);
    }

    /** Reads the whole file and reports every problem and possible duplicate; nothing is saved. */
    public IntakeAnalysis analyse(Path file, ColumnMapping mapping, ProgressSink progress) {
        session.require(Permission.EDIT_REGISTRY);
        String name = file.getFileName().toString();
        String defaultCountry = session.descriptor().countryCode();
        List<IntakeIssue> issues = new ArrayList<>();
        List<IntakeAnalysis.Candidate> candidates = new ArrayList<>();
        Map<IntakeField, Integer> index = new LinkedHashMap<>();
        int[] rows = new int[1];
        boolean[] header = new boolean[1];
        IntakeFiles.read(file, limits, progress, (number, cells) -> {
            if (blank(cells)) {
                return true;
            }
            if (!header[0]) {
                header[0] = true;
                resolve(mapping, cells, index, issues);
                return true;
            }
            rows[0]++;
            convert(number, cells, mapping, index, defaultCountry, issues, candidates);
            return true;
        });
        if (!header[0]) {
            throw new UserError("error.intake.noHeader", name);
        }
        if (issues.stream().noneMatch(i -> i.row() == 0)) {
            findDuplicates(candidates, mapping, issues);
        }
        issues.sort(java.util.Comparator.comparingInt(IntakeIssue::row));
        return new IntakeAnalysis(name, rows[0], candidates, issues);
    }

    /**
     * Saves the analysed rows in one transaction, leaving out {@code skipRows} (duplicates the
     * officer chose not to import). Refused, with nothing saved, if the analysis has any error.
     *
     * @return the number of registrations created
     */
    public int commit(IntakeAnalysis analysis, Set<Integer> skipRows) {
        session.require(Permission.EDIT_REGISTRY);
        if (analysis.hasErrors()) {
            throw new UserError("error.intake.hasErrors", analysis.errors().size());
        }
        List<Registration> kept = analysis.candidates().stream().filter(c -> !skipRows.contains(c.row()))
                .map(IntakeAnalysis.Candidate::registration).toList();
        if (kept.isEmpty()) {
            return 0;
        }
        return new RegistrationService(session).createAll(kept);
    }

    /** Saved mappings by name. */
    public Map<String, ColumnMapping> savedMappings() {
        session.require(Permission.EDIT_REGISTRY);
        Map<String, ColumnMapping> all = new LinkedHashMap<>();
        session.database().read(tx -> store.mappings(tx)).forEach((n, d) -> all.put(n, IntakeMappings.parse(d)));
        return all;
    }

    public Optional<ColumnMapping> savedMapping(String name) {
        session.require(Permission.EDIT_REGISTRY);
        return session.database().read(tx -> store.mapping(tx, name)).map(IntakeMappings::parse);
    }

    public void saveMapping(String name, ColumnMapping mapping) {
        session.require(Permission.EDIT_REGISTRY);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new UserError("error.intake.mappingName");
        }
        String definition = IntakeMappings.format(mapping);
        if (definition.length() > 4000) {
            throw new UserError("error.intake.mappingTooLong");
        }
        session.database().write(tx -> {
            store.saveMapping(tx, clean, definition, session.now());
            return null;
        });
    }

    public boolean deleteMapping(String name) {
        session.require(Permission.EDIT_REGISTRY);
        return session.database().write(tx -> store.deleteMapping(tx, name));
    }

    private static void resolve(ColumnMapping mapping, List<String> header, Map<IntakeField, Integer> index,
                                List<IntakeIssue> issues) {
        List<String> names = header.stream().map(String::strip).toList();
        for (var e : mapping.columns().entrySet()) {
            int at = names.indexOf(e.getValue().strip());
            if (at < 0) {
                issues.add(IntakeIssue.error(0, e.getValue(), "", Messages.get("intake.reason.columnMissing", e.getKey().key())));
            } else {
                index.put(e.getKey(), at);
            }
        }
        if (!mapping.columns().containsKey(IntakeField.FAMILY_NAME)) {
            issues.add(IntakeIssue.error(0, IntakeField.FAMILY_NAME.key(), "", Messages.get("intake.reason.familyNameUnmapped")));
        }
    }

    /** Turns one row into a registration, or adds its problems to the report. */
    private static void convert(int row, List<String> cells, ColumnMapping mapping, Map<IntakeField, Integer> index,
                                String defaultCountry, List<IntakeIssue> issues, List<IntakeAnalysis.Candidate> candidates) {
        int before = issues.size();
        Map<IntakeField, String> v = new HashMap<>();
        index.forEach((field, at) -> {
            String value = at >= 0 && at < cells.size() ? cells.get(at).strip() : "";
            if (!value.isEmpty()) {
                v.put(field, value);
            }
        });
        Cell cell = (field, reason) -> issues.add(IntakeIssue.error(row, column(mapping, field), v.getOrDefault(field, ""), reason));

        char sex = 'X';
        if (v.containsKey(IntakeField.SEX)) {
            Character s = SEXES.get(NameKeys.normalise(v.get(IntakeField.SEX)));
            if (s == null) {
                cell.add(IntakeField.SEX, Messages.get("intake.reason.sex"));
            } else {
                sex = s;
            }
        }
        String birthDate = v.get(IntakeField.BIRTH_DATE);
        if (birthDate != null) {
            birthDate = isoDate(birthDate);
            if (!PartialDate.isValid(birthDate)) {
                cell.add(IntakeField.BIRTH_DATE, Messages.get("intake.reason.date"));
            }
        }
        String country = defaultCountry;
        if (v.containsKey(IntakeField.COUNTRY)) {
            country = COUNTRIES.get(NameKeys.normalise(v.get(IntakeField.COUNTRY)));
            if (country == null) {
                cell.add(IntakeField.COUNTRY, Messages.get("intake.reason.country"));
            }
        }
        List<ContactMethod> contacts = new ArrayList<>();
        if (v.containsKey(IntakeField.PHONE)) {
            try {
                contacts.add(new ContactMethod(ContactKind.PHONE,
                        RegistrationRules.e164(v.get(IntakeField.PHONE), country == null ? "ZZ" : country), null, true));
            } catch (UserError e) {
                cell.add(IntakeField.PHONE, Messages.get("intake.reason.phone"));
            }
        }
        if (v.containsKey(IntakeField.EMAIL)) {
            contacts.add(new ContactMethod(ContactKind.EMAIL, v.get(IntakeField.EMAIL), null, contacts.isEmpty()));
        }
        LocalDate expiry = null;
        if (v.containsKey(IntakeField.PASSPORT_EXPIRY)) {
            try {
                expiry = LocalDate.parse(isoDate(v.get(IntakeField.PASSPORT_EXPIRY)));
            } catch (DateTimeException e) {
                cell.add(IntakeField.PASSPORT_EXPIRY, Messages.get("intake.reason.date"));
            }
            if (!v.containsKey(IntakeField.PASSPORT_NUMBER)) {
                cell.add(IntakeField.PASSPORT_EXPIRY, Messages.get("intake.reason.expiryWithoutNumber"));
            }
        }
        List<TravelDocument> documents = v.containsKey(IntakeField.PASSPORT_NUMBER)
                ? List.of(new TravelDocument(0, DocumentType.PASSPORT, v.get(IntakeField.PASSPORT_NUMBER), null, null, expiry, false))
                : List.of();
        PurposeOfStay purpose = PurposeOfStay.OTHER;
        if (v.containsKey(IntakeField.PURPOSE)) {
            purpose = PURPOSES.get(NameKeys.normalise(v.get(IntakeField.PURPOSE)));
            if (purpose == null) {
                cell.add(IntakeField.PURPOSE, Messages.get("intake.reason.purpose"));
            }
        }
        if (!v.containsKey(IntakeField.FAMILY_NAME)) {
            cell.add(IntakeField.FAMILY_NAME, Messages.get("intake.reason.required"));
        }
        for (IntakeField f : IntakeField.values()) {
            if (v.getOrDefault(f, "").length() > 200) {
                cell.add(f, Messages.get("intake.reason.tooLong", 200));
            }
        }
        if (issues.size() > before) {
            return;
        }
        Whereabouts where = new Whereabouts(v.get(IntakeField.ADDRESS), null, v.get(IntakeField.DISTRICT),
                v.get(IntakeField.CITY), country, null, null, null, null);
        Registration draft = new Registration(0, 0, v.get(IntakeField.FAMILY_NAME), v.getOrDefault(IntakeField.GIVEN_NAMES, ""),
                v.get(IntakeField.FAMILY_NAME_ORIGINAL), v.get(IntakeField.GIVEN_NAMES_ORIGINAL), List.of(), sex,
                birthDate, v.get(IntakeField.PLACE_OF_BIRTH),
                documents.isEmpty() ? NationalityEvidence.NONE : NationalityEvidence.PASSPORT, List.of(), null, purpose,
                where, contacts, List.of(), documents, List.of(), List.of(), List.of(), null);
        try {
            candidates.add(new IntakeAnalysis.Candidate(row, RegistrationRules.check(draft)));
        } catch (UserError e) {
            IntakeField field = switch (e.key()) {
                case "error.contact.emailInvalid" -> IntakeField.EMAIL;
                case "error.contact.phoneInvalid" -> IntakeField.PHONE;
                case "error.country.invalid" -> IntakeField.COUNTRY;
                case "error.person.birthDate" -> IntakeField.BIRTH_DATE;
                case "error.person.sex" -> IntakeField.SEX;
                case "error.document.numberRequired", "error.document.expiresBeforeIssue" -> IntakeField.PASSPORT_NUMBER;
                default -> IntakeField.FAMILY_NAME;
            };
            cell.add(field, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Cell {
        void add(IntakeField field, String reason);
    }

    /** Possible duplicates: same name and birth date, or same passport number, in the registry or earlier in the file. */
    private void findDuplicates(List<IntakeAnalysis.Candidate> candidates, ColumnMapping mapping, List<IntakeIssue> issues) {
        Map<String, Integer> seenNames = new HashMap<>();
        Map<String, Integer> seenDocuments = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        for (var c : candidates) {
            names.add(NameKeys.searchName(c.registration().familyName(), c.registration().givenNames()));
            c.registration().documents().forEach(d -> documents.add(RegistrationStore.documentKey(d.number())));
        }
        List<IntakeStore.Match> byName = session.database().read(tx -> store.byName(tx, names));
        List<IntakeStore.Match> byDocument = session.database().read(tx -> store.byDocument(tx, documents));
        Map<String, List<IntakeStore.Match>> nameIndex = group(byName);
        Map<String, List<IntakeStore.Match>> documentIndex = group(byDocument);
        String nameColumn = column(mapping, IntakeField.FAMILY_NAME);
        String documentColumn = column(mapping, IntakeField.PASSPORT_NUMBER);
        for (var c : candidates) {
            Registration r = c.registration();
            String shown = r.familyName() + ", " + r.givenNames() + (r.birthDate() == null ? "" : " (" + r.birthDate() + ")");
            if (r.birthDate() != null) {
                String key = NameKeys.searchName(r.familyName(), r.givenNames());
                for (IntakeStore.Match m : nameIndex.getOrDefault(key, List.of())) {
                    if (r.birthDate().equals(m.birthDate())) {
                        issues.add(new IntakeIssue(c.row(), nameColumn, shown, Messages.get("intake.reason.duplicateName", m.personId()),
                                true, m.personId(), 0));
                    }
                }
                Integer earlier = seenNames.putIfAbsent(key + "|" + r.birthDate(), c.row());
                if (earlier != null) {
                    issues.add(new IntakeIssue(c.row(), nameColumn, shown, Messages.get("intake.reason.duplicateRowName", earlier),
                            true, null, earlier));
                }
            }
            for (TravelDocument d : r.documents()) {
                String key = RegistrationStore.documentKey(d.number());
                for (IntakeStore.Match m : documentIndex.getOrDefault(key, List.of())) {
                    issues.add(new IntakeIssue(c.row(), documentColumn, d.number(),
                            Messages.get("intake.reason.duplicateDocument", m.personId()), true, m.personId(), 0));
                }
                Integer earlier = seenDocuments.putIfAbsent(key, c.row());
                if (earlier != null) {
                    issues.add(new IntakeIssue(c.row(), documentColumn, d.number(),
                            Messages.get("intake.reason.duplicateRowDocument", earlier), true, null, earlier));
                }
            }
        }
    }

    private static Map<String, List<IntakeStore.Match>> group(Collection<IntakeStore.Match> matches) {
        Map<String, List<IntakeStore.Match>> index = new HashMap<>();
        matches.forEach(m -> index.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m));
        return index;
    }

    private static String column(ColumnMapping mapping, IntakeField field) {
        return mapping.column(field).orElse(field.key());
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    /** A date cell as ISO 8601: spreadsheet date-times lose a midnight time; text dates must already be ISO. */
    private static String isoDate(String text) {
        String t = text.strip();
        if (t.length() > 10 && t.charAt(10) == 'T' && t.endsWith("T00:00")) {
            return t.substring(0, 10);
        }
        return t;
    }

    /** Normalised country names (English), ISO alpha-2 and alpha-3 codes, to alpha-2. */
    private static Map<String, String> countries() {
        Map<String, String> all = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            all.put(code.toLowerCase(Locale.ROOT), code);
            try {
                all.put(locale.getISO3Country().toLowerCase(Locale.ROOT), code);
            } catch (java.util.MissingResourceException e) {
                // no alpha-3 code
            }
            all.put(NameKeys.normalise(locale.getDisplayCountry(Locale.ENGLISH)), code);
        }
        return Map.copyOf(all);
    }
}
