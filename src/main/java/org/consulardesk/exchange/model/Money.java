package org.consulardesk.exchange.model;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount and its ISO 4217 currency code; never a {@code double}. */
public record Money(BigDecimal amount, String currency) {
    public Money {
        Objects.requireNonNull(amount, "amount");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code");
        }
    }
}
