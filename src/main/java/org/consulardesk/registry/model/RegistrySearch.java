package org.consulardesk.registry.model;

/**
 * What the registry list is asked for: typed text (names, document number or phone) and filters.
 * Null or blank means "any".
 *
 * @param expiringWithinDays a travel document expires between today and today + N days
 * @param consentPurpose     the person has an active consent for this purpose
 */
public record RegistrySearch(String text, String city, String district, VulnerabilityCode vulnerability,
                             PurposeOfStay purpose, Integer expiringWithinDays, ConsentPurpose consentPurpose,
                             SearchSort sort, boolean descending) {
    public RegistrySearch {
        sort = sort == null ? SearchSort.RELEVANCE : sort;
    }

    public static RegistrySearch text(String text) {
        return new RegistrySearch(text, null, null, null, null, null, null, SearchSort.RELEVANCE, false);
    }

    public RegistrySearch withText(String t) {
        return new RegistrySearch(t, city, district, vulnerability, purpose, expiringWithinDays, consentPurpose, sort, descending);
    }

    public RegistrySearch withSort(SearchSort s, boolean desc) {
        return new RegistrySearch(text, city, district, vulnerability, purpose, expiringWithinDays, consentPurpose, s, desc);
    }
}
