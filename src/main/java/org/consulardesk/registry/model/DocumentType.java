package org.consulardesk.registry.model;

public enum DocumentType {
    PASSPORT, NATIONAL_ID, RESIDENCE_PERMIT, WORK_PERMIT, BIRTH_CERTIFICATE, EMERGENCY_TRAVEL_DOCUMENT, OTHER
}
