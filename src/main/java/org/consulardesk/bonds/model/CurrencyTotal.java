package org.consulardesk.bonds.model;

/**
 * Bonds of one currency added up (never across currencies): how many, their face amounts, posted
 * balances and debits waiting for approval.
 */
public record CurrencyTotal(java.util.Currency currency, int bonds, Money faceAmount, Money balance, Money pendingDebits) {

    public static CurrencyTotal zero(java.util.Currency currency) {
        return new CurrencyTotal(currency, 0, Money.zero(currency), Money.zero(currency), Money.zero(currency));
    }

    public CurrencyTotal plus(BondOverview o) {
        return new CurrencyTotal(currency, bonds + 1, faceAmount.plus(o.bond().faceAmount()), balance.plus(o.balance()),
                pendingDebits.plus(o.pendingDebits()));
    }
}
