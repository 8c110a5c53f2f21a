package org.consulardesk.bonds.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one ISO 4217 currency, at that currency's number of decimals. Amounts of different
 * currencies are never added: {@link #plus} refuses them, so a conversion is always explicit.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(digits(currency), RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Rounds (half-even) to the currency's decimals: only for results of a conversion or a division. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(digits(currency), RoundingMode.HALF_EVEN), currency);
    }

    /** True when {@code amount} has no more decimals than the currency allows. */
    public static boolean fits(BigDecimal amount, Currency currency) {
        return amount.stripTrailingZeros().scale() <= digits(currency);
    }

    public static int digits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    public Money plus(Money other) {
        requireSame(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSame(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money abs() {
        return new Money(amount.abs(), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public String code() {
        return currency.getCurrencyCode();
    }

    private void requireSame(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currencies differ: " + currency + " and " + other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSame(other);
        return amount.compareTo(other.amount);
    }

    /** "1234.50 USD": plain digits, no grouping, for files and logs of the ledger. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
