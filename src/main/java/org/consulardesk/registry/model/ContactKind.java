package org.consulardesk.registry.model;

public enum ContactKind {
    PHONE, EMAIL, MESSAGING
}
