package org.consulardesk.exchange.model;

/** Persons for one value of one dimension, summed over the current imports of all posts (or of one). */
public record ConsolidatedTotal(String dimension, String value, long persons) {
}
