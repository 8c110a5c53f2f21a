package org.consulardesk.registry.model;

public enum ConsentChannel {
    IN_PERSON, PHONE, WRITTEN, ONLINE_FORM
}
