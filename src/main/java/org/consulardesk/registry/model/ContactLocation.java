package org.consulardesk.registry.model;

/** Where an emergency contact lives: in Utopia (home), in the host country, or elsewhere. */
public enum ContactLocation {
    HOME, HOST, OTHER
}
