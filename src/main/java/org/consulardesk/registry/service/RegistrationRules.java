package org.consulardesk.registry.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.Employment;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.TravelDocument;

/**
 * What a registration must satisfy before it is saved, and the clean form it is saved in (phones
 * in E.164). Messages name the field and the value's problem, never the person.
 */
public final class RegistrationRules {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    static final int MAX_SECTOR = 60;
    static final int MAX_WORKPLACE = 200;

    private RegistrationRules() {
    }

    /** Checks and normalises; throws a UserError naming the first problem. */
    public static Registration check(Registration r) {
        if (r.familyName() == null || r.familyName().isBlank()) {
            throw new UserError("error.person.familyNameRequired");
        }
        if (r.givenNames() == null) {
            throw new UserError("error.person.givenNamesRequired");
        }
        if ("FMX".indexOf(r.sex()) < 0) {
            throw new UserError("error.person.sex", String.valueOf(r.sex()));
        }
        if (r.purpose() == null) {
            throw new UserError("error.person.purposeRequired");
        }
        if (r.birthDate() != null && !r.birthDate().isBlank() && !PartialDate.isValid(r.birthDate())) {
            throw new UserError("error.person.birthDate", r.birthDate());
        }
        var w = r.whereabouts();
        if (w.countryCode() != null && !w.countryCode().isBlank() && !w.countryCode().matches("[A-Z]{2}")) {
            throw new UserError("error.country.invalid", w.countryCode());
        }
        if (w.arrivalDate() != null && w.plannedDeparture() != null && w.plannedDeparture().isBefore(w.arrivalDate())) {
            throw new UserError("error.person.departureBeforeArrival");
        }
        for (TravelDocument d : r.documents()) {
            if (d.number() == null || d.number().isBlank()) {
                throw new UserError("error.document.numberRequired");
            }
            if (d.issuedOn() != null && d.expiresOn() != null && d.expiresOn().isBefore(d.issuedOn())) {
                throw new UserError("error.document.expiresBeforeIssue", d.number());
            }
        }
        for (Employment e : r.employments()) {
            checkEmployment(e);
        }
        String region = w.countryCode() == null || w.countryCode().isBlank() ? "ZZ" : w.countryCode();
        List<ContactMethod> contacts = new ArrayList<>();
        for (ContactMethod c : r.contacts()) {
            contacts.add(normalise(c, region));
        }
        return new Registration(r.id(), r.version(), r.familyName().strip(), r.givenNames().strip(), r.familyNameOriginal(),
                r.givenNamesOriginal(), r.aliases().stream().filter(a -> !a.isBlank()).map(String::strip).toList(), r.sex(),
                r.birthDate() == null || r.birthDate().isBlank() ? null : r.birthDate(), r.placeOfBirth(),
                r.nationalityEvidence(), r.languages(), r.notes(), r.purpose(), w, contacts, r.emergencyContacts(),
                r.documents(), r.employments(), r.vulnerabilities(), r.consents(), r.householdId());
    }

    /** An employment names at least an employer, an agency, a sector or a workplace; it cannot end before it starts. */
    static void checkEmployment(Employment e) {
        if (e.employerId() == null && e.agencyId() == null && blank(e.sector()) && blank(e.workplace())) {
            throw new UserError("error.employment.empty");
        }
        if (e.sector() != null && e.sector().strip().length() > MAX_SECTOR) {
            throw new UserError("error.employment.sectorTooLong", MAX_SECTOR);
        }
        if (e.workplace() != null && e.workplace().strip().length() > MAX_WORKPLACE) {
            throw new UserError("error.employment.workplaceTooLong", MAX_WORKPLACE);
        }
        if (e.contractStart() != null && e.contractEnd() != null && e.contractEnd().isBefore(e.contractStart())) {
            throw new UserError("error.employment.endBeforeStart", e.contractStart(), e.contractEnd());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * A phone number in E.164. Numbers without a country prefix are read as numbers of the host
     * country (where a registrant's local SIM is).
     */
    public static String e164(String phone, String defaultRegion) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(phone, defaultRegion);
            if (!PHONES.isValidNumber(number)) {
                throw new UserError("error.contact.phoneInvalid", phone);
            }
            return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new UserError("error.contact.phoneInvalid", phone);
        }
    }

    private static ContactMethod normalise(ContactMethod c, String region) {
        String value = c.value() == null ? "" : c.value().strip();
        if (value.isEmpty()) {
            throw new UserError("error.contact.empty");
        }
        return switch (c.kind()) {
            case PHONE -> new ContactMethod(ContactKind.PHONE, e164(value, region), null, c.preferred());
            case EMAIL -> {
                if (!value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    throw new UserError("error.contact.emailInvalid", value);
                }
                yield new ContactMethod(ContactKind.EMAIL, value.toLowerCase(Locale.ROOT), null, c.preferred());
            }
            case MESSAGING -> new ContactMethod(ContactKind.MESSAGING, value, c.app(), c.preferred());
        };
    }

    /** Whether {@link #check} would accept the registration (for generated data). */
    public static boolean isValid(Registration r) {
        try {
            check(r);
            return true;
        } catch (org.consulardesk.core.UserError e) {
            return false;
        }
    }
}
