package org.consulardesk.registry.model;

public record EmergencyContact(String fullName, String relationship, String phone, String email, ContactLocation located) {
}
