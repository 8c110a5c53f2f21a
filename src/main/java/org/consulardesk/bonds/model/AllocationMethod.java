package org.consulardesk.bonds.model;

/**
 * How an evacuation cost is shared among bonds: an equal share per evacuated worker charged to
 * that worker's bond, or in proportion to the available balances of the bonds concerned.
 */
public enum AllocationMethod {
    PER_HEAD, PROPORTIONAL
}
