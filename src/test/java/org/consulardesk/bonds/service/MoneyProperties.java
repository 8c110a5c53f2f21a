package org.consulardesk.bonds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.consulardesk.bonds.model.Money;

/** {@link Money} as jqwik properties (ADR 0048): currencies never mix, a counter-entry nets to zero. */
class MoneyProperties {
    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("USD", "EUR", "KES", "JPY", "KWD");
    }

    @Property(tries = 200)
    void amountsOfTwoCurrenciesNeverAddUp(@ForAll("currencies") String a, @ForAll("currencies") String b,
                                          @ForAll @BigRange(min = "0", max = "1000000") @Scale(0) BigDecimal x) {
        Money m = new Money(x, java.util.Currency.getInstance(a));
        Money n = new Money(x, java.util.Currency.getInstance(b));
        if (a.equals(b)) {
            assertThat(m.plus(n).amount()).isEqualByComparingTo(x.add(x));
        } else {
            assertThatThrownBy(() -> m.plus(n)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> m.compareTo(n)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 200)
    void aCounterEntryNetsToZero(@ForAll("currencies") String c, @ForAll @BigRange(min = "-1000000", max = "1000000")
            @Scale(0) BigDecimal x) {
        Money m = new Money(x, java.util.Currency.getInstance(c));
        assertThat(m.plus(m.negate()).isZero()).isTrue();
        assertThat(m.negate().negate()).isEqualTo(m);
    }
}
