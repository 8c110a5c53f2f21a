package org.consulardesk.bonds.model;

/** What a bond may pay for (seed guideline 8: evacuation costs; lost assets and property; outstanding wages). */
public enum Coverage {
    EVACUATION, REPATRIATION, LOST_PROPERTY, OUTSTANDING_WAGES, OTHER_COSTS
}
