package org.consulardesk.registry.model;

/** A registrant's id with the normalised name the registry lists by ({@code person.search_name}; "" when none). */
public record NameKey(long id, String sortName) {
}
