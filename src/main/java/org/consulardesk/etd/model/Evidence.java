package org.consulardesk.etd.model;

/** Evidence of identity and nationality the officer has seen (seed guideline 3). */
public enum Evidence {
    EXPIRED_PASSPORT, NATIONAL_ID, BIRTH_CERTIFICATE, REGISTRY_MATCH, INTERVIEW, WITNESS, HQ_CONFIRMATION
}
