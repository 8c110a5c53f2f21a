package org.consulardesk.registry.model;

/** How the registry list is ordered; relevance puts whole-name prefix matches first. */
public enum SearchSort {
    RELEVANCE, NAME, CITY, BIRTH_DATE
}
