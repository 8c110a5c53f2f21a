package org.consulardesk.registry.model;

/** Why a citizen is in the host country. */
public enum PurposeOfStay {
    WORKER, STUDENT, RESIDENT, TOURIST, OTHER
}
