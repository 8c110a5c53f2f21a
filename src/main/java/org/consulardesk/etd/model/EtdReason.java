package org.consulardesk.etd.model;

/** Why the applicant has no passport to travel on (consultation on emergency travel documents). */
public enum EtdReason {
    LOST, STOLEN, CONFISCATED, DESTROYED, EXPIRED, NEVER_HAD
}
