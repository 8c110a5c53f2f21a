package org.consulardesk.exchange.service;

import java.util.List;

/**
 * The fixed layout of the description sheet that starts every workbook: labels in column A (part
 * of the exchange format, so in English and never translated), values in column B. Reader and
 * writer share these names.
 */
final class WorkbookLayout {
    static final String FORMAT = "consulardesk-exchange";
    /**
     * The version this build writes. 2 (ADR 0054): registry exports add the "Crises" sheet and STATUS
     * totals. Readers accept every version from {@link #OLDEST_SCHEMA_VERSION} up; newer ones are refused.
     */
    static final int SCHEMA_VERSION = 2;
    static final int OLDEST_SCHEMA_VERSION = 1;
    static final String ABOUT_SHEET = "About";
    static final String TITLE = "ConsularDesk export";

    static final String K_FORMAT = "Format";
    static final String K_SCHEMA = "Schema version";
    static final String K_POST = "Post";
    static final String K_COUNTRY = "Post country";
    static final String K_REGISTRY = "Post registry id";
    static final String K_PROFILE = "Profile";
    static final String K_PROFILE_TITLE = "Profile title";
    static final String K_CREATED_AT = "Created at";
    static final String K_CREATED_BY = "Created by";
    static final String K_FILTERS = "Filters";
    static final String K_HXL = "HXL row";
    static final String K_VERIFY = "How to verify";
    static final String K_SHEETS = "Data sheet";
    static final String K_SHEET = "Sheet";
    static final String K_FINGERPRINT = "Key fingerprint";
    static final String K_PUBLIC_KEY = "Public key";
    static final String K_SIGNATURE = "Signature";

    /** Rows whose column A is one of these are signed (all cells of the row, in order). */
    static final List<String> SIGNED = List.of(K_FORMAT, K_SCHEMA, K_POST, K_COUNTRY, K_REGISTRY, K_PROFILE,
            K_PROFILE_TITLE, K_CREATED_AT, K_CREATED_BY, K_FILTERS, K_HXL, K_SHEET, K_FINGERPRINT, K_PUBLIC_KEY);

    private WorkbookLayout() {
    }
}
