package org.consulardesk.map.model;

/** How serious a hotspot is, lowest first (drawn from yellow to dark red). */
public enum Severity {
    ADVISORY, WARNING, SEVERE, EXTREME
}
