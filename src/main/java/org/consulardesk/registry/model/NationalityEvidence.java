package org.consulardesk.registry.model;

/** What shows the person is a national (seed guideline 3: a registry match can stand in for lost papers). */
public enum NationalityEvidence {
    PASSPORT, NATIONAL_ID, BIRTH_CERTIFICATE, CONSULAR_RECORD, DECLARATION, NONE
}
