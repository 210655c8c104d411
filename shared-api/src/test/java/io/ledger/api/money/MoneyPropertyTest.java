package io.ledger.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class MoneyPropertyTest {

    private static final long HALF = Long.MAX_VALUE / 2;

    @Property
    void plusThenMinusReturnsTheOriginal(
            @ForAll @LongRange(min = -HALF, max = HALF) long amount,
            @ForAll @LongRange(min = -HALF, max = HALF) long other,
            @ForAll("supportedCurrencies") Currency currency) {
        Money original = new Money(amount, currency);
        Money delta = new Money(other, currency);

        assertThat(original.plus(delta).minus(delta)).isEqualTo(original);
    }

    @Property
    void plusIsExactOrThrows(
            @ForAll long amount, @ForAll long other, @ForAll("supportedCurrencies") Currency currency) {
        BigInteger exact = BigInteger.valueOf(amount).add(BigInteger.valueOf(other));
        Money left = new Money(amount, currency);
        Money right = new Money(other, currency);

        if (exact.bitLength() < Long.SIZE) {
            assertThat(left.plus(right)).isEqualTo(new Money(exact.longValueExact(), currency));
        } else {
            assertThatThrownBy(() -> left.plus(right)).isInstanceOf(ArithmeticException.class);
        }
    }

    @Provide
    Arbitrary<Currency> supportedCurrencies() {
        return Arbitraries.of(Currency.getAvailableCurrencies().stream()
                .filter(currency -> CurrencyRules.isSupported(currency.getCurrencyCode()))
                .toList());
    }
}
