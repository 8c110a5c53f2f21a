package org.consulardesk.bonds.model;

/** How the bond is held. */
public enum Instrument {
    CASH_DEPOSIT, BANK_GUARANTEE, INSURANCE_POLICY, ESCROW
}
