package org.consulardesk.etd.model;

/** The fields of a TD3 MRZ that a reader can find wrong; each has a message key {@code etd.mrz.field.NAME}. */
public enum MrzField {
    LINE1,
    LINE2,
    DOCUMENT_CODE,
    ISSUER,
    NAME,
    DOCUMENT_NUMBER,
    NATIONALITY,
    BIRTH_DATE,
    SEX,
    EXPIRY_DATE,
    OPTIONAL_DATA,
    COMPOSITE;

    public String messageKey() {
        return "etd.mrz.field." + name();
    }
}
