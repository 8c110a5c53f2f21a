package org.consulardesk.registry.model;

import java.util.List;

/**
 * A citizen's whole registration as the person form edits it. Restricted details (migration
 * status, health, detention) are not part of it: they come only through an audited reveal.
 *
 * @param id        0 for a registration not saved yet
 * @param version   the row version read; saving checks it so two workstations cannot overwrite each other
 * @param birthDate ISO 8601, possibly partial ({@code 1984} or {@code 1984-07})
 * @param languages ISO 639 codes, most preferred first
 */
public record Registration(long id, int version, String familyName, String givenNames, String familyNameOriginal,
                           String givenNamesOriginal, List<String> aliases, char sex, String birthDate,
                           String placeOfBirth, NationalityEvidence nationalityEvidence, List<String> languages,
                           String notes, PurposeOfStay purpose, Whereabouts whereabouts, List<ContactMethod> contacts,
                           List<EmergencyContact> emergencyContacts, List<TravelDocument> documents,
                           List<Employment> employments, List<Vulnerability> vulnerabilities, List<Consent> consents,
                           Long householdId) {
    public Registration {
        aliases = List.copyOf(aliases);
        languages = List.copyOf(languages);
        contacts = List.copyOf(contacts);
        emergencyContacts = List.copyOf(emergencyContacts);
        documents = List.copyOf(documents);
        employments = List.copyOf(employments);
        vulnerabilities = List.copyOf(vulnerabilities);
        consents = List.copyOf(consents);
        whereabouts = whereabouts == null ? Whereabouts.NONE : whereabouts;
    }

    /** An empty registration for the form's "new" command. */
    public static Registration blank() {
        return new Registration(0, 0, "", "", null, null, List.of(), 'X', null, null, NationalityEvidence.NONE,
                List.of(), null, PurposeOfStay.OTHER, Whereabouts.NONE, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null);
    }
}
