package org.consulardesk.registry.model;

/**
 * Registrants aggregated in one cell of a latitude/longitude grid: how many, and where their mean
 * point lies (clusters are drawn there, not at the cell corner).
 */
public record LocationCell(long row, long column, int count, double latitude, double longitude) {
}
