package org.consulardesk.bonds.model;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An entry an officer asks to post. {@code amount} is positive; the kind gives the sign. When
 * {@code currency} differs from the bond's, {@code rate} (bond currency per unit of {@code currency})
 * must be given and is recorded with the entry.
 */
public record EntryRequest(EntryKind kind, BigDecimal amount, Currency currency, BigDecimal rate, Long personId,
                           String memo) {

    public static EntryRequest of(EntryKind kind, String amount, String currency, String memo) {
        return new EntryRequest(kind, new BigDecimal(amount), Currency.getInstance(currency), null, null, memo);
    }

    public EntryRequest withRate(BigDecimal rate) {
        return new EntryRequest(kind, amount, currency, rate, personId, memo);
    }

    public EntryRequest forPerson(Long person) {
        return new EntryRequest(kind, amount, currency, rate, person, memo);
    }
}
