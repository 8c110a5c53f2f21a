package org.consulardesk.exercise.service;

import java.util.List;
import java.util.SplittableRandom;
import org.consulardesk.core.UserError;
import org.consulardesk.registry.model.ContactKind;
import org.consulardesk.registry.model.ContactMethod;
import org.consulardesk.registry.model.Registration;
import org.consulardesk.registry.model.TravelDocument;
import org.consulardesk.registry.model.Whereabouts;
import org.consulardesk.registry.service.RegistrationRules;
import org.consulardesk.registry.service.RegistrationService;
import org.consulardesk.security.service.Session;

/**
 * A handful of realistic near-duplicates of sample registrants, the same for the same seed, so the
 * duplicates screen of a training registry has work to show. Added after {@link SampleData} (whose
 * output stays the same), each through {@link RegistrationService}: a second registration at another
 * post visit with a typo in the name and the same passport; one with the same phone and a name
 * spelled differently; one with the same date of birth and a sound-alike family name only.
 */
public final class SampleDuplicates {
    private SampleDuplicates() {
    }

    /** Adds {@code count} near-duplicates of persons among ids 1..{@code persons}; returns how many were added. */
    public static int add(Session session, int persons, int count, long seed) {
        RegistrationService registrations = new RegistrationService(session);
        SplittableRandom random = new SplittableRandom(seed * 7919 + 17);
        int added = 0;
        for (int attempt = 0; added < count && attempt < count * 20 && persons > 0; attempt++) {
            long id = 1 + random.nextInt(persons);
            Registration source;
            try {
                source = registrations.get(id);
            } catch (UserError e) {
                continue;
            }
            Registration copy = variant(source, added % 3);
            // Only persons the person form could save (a few generated phones fail libphonenumber's
            // checks), so that a trainee can merge the pair.
            if (copy != null && RegistrationRules.isValid(source) && RegistrationRules.isValid(copy)) {
                registrations.save(copy);
                added++;
            }
        }
        return added;
    }

    static Registration variant(Registration s, int kind) {
        boolean fullDate = s.birthDate() != null && s.birthDate().length() == 10;
        String phone = s.contacts().stream().filter(c -> c.kind() == ContactKind.PHONE).map(ContactMethod::value).findFirst()
                .orElse(null);
        TravelDocument passport = s.documents().stream().findFirst().orElse(null);
        Whereabouts w = s.whereabouts();
        switch (kind) {
            case 0 -> {
                // Registered again at a drive: given name mistyped, same passport typed with a space, newer address.
                if (!fullDate || passport == null || s.givenNames().length() < 4) {
                    return null;
                }
                String number = passport.number().length() > 2 ? passport.number().substring(0, 2) + " " + passport.number().substring(2)
                        : passport.number();
                return copy(s, s.familyName(), swapLetters(s.givenNames()), s.birthDate(),
                        new Whereabouts(null, null, null, w.city(), w.countryCode(), null, null, null, null), List.of(),
                        List.of(new TravelDocument(0, passport.type(), number, passport.issuingAuthority(), passport.issuedOn(),
                                passport.expiresOn(), false)));
            }
            case 1 -> {
                // Same phone, family name with a doubled letter, only the year of birth known.
                if (phone == null || s.familyName().length() < 4 || s.birthDate() == null) {
                    return null;
                }
                return copy(s, doubleLetter(s.familyName()), s.givenNames(), s.birthDate().substring(0, 4), w,
                        List.of(new ContactMethod(ContactKind.PHONE, phone, null, true)), List.of());
            }
            default -> {
                // Same date of birth, a vowel heard differently in the family name, no numbers in common.
                String family = otherVowel(s.familyName());
                if (!fullDate || family == null) {
                    return null;
                }
                return copy(s, family, s.givenNames(), s.birthDate(), w, List.of(), List.of());
            }
        }
    }

    private static Registration copy(Registration s, String family, String given, String born, Whereabouts where,
                                     List<ContactMethod> contacts, List<TravelDocument> documents) {
        return new Registration(0, 0, family, given, null, null, List.of(), s.sex(), born, s.placeOfBirth(),
                s.nationalityEvidence(), s.languages(), null, s.purpose(), where, contacts, List.of(), documents, List.of(),
                List.of(), List.of(), null);
    }

    /** "Achieng" → "Acheing": two letters in the middle swapped. */
    static String swapLetters(String name) {
        char[] c = name.toCharArray();
        int i = Math.max(1, c.length / 2 - 1);
        if (i + 1 < c.length && Character.isLetter(c[i]) && Character.isLetter(c[i + 1]) && c[i] != c[i + 1]) {
            char t = c[i];
            c[i] = c[i + 1];
            c[i + 1] = t;
            return new String(c);
        }
        return name.substring(0, name.length() - 1);
    }

    /** "Kamau" → "Kammau". */
    static String doubleLetter(String name) {
        int i = Math.max(1, name.length() / 2);
        return name.substring(0, i) + name.charAt(i - 1) + name.substring(i);
    }

    /** The last vowel but a first letter changed ("Otieno" → "Otiena"); null if there is none. */
    static String otherVowel(String name) {
        String vowels = "aeiou";
        for (int i = name.length() - 1; i > 0; i--) {
            int v = vowels.indexOf(name.charAt(i));
            if (v >= 0) {
                return name.substring(0, i) + vowels.charAt((v + 1) % vowels.length()) + name.substring(i + 1);
            }
        }
        return null;
    }

}
