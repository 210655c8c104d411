package io.ledger.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Stripe's currency rules, as a table: https://docs.stripe.com/currencies. */
class CurrencyRulesTest {

    @ParameterizedTest(name = "{0} has {1} minor digits")
    @CsvSource({
        // zero-decimal
        "BIF, 0",
        "CLP, 0",
        "DJF, 0",
        "GNF, 0",
        "JPY, 0",
        "KMF, 0",
        "KRW, 0",
        "MGA, 0",
        "PYG, 0",
        "RWF, 0",
        "UGX, 0",
        "VND, 0",
        "VUV, 0",
        "XAF, 0",
        "XOF, 0",
        "XPF, 0",
        // three-decimal
        "BHD, 3",
        "JOD, 3",
        "KWD, 3",
        "OMR, 3",
        "TND, 3",
        // two-decimal, including the special cases Stripe still writes with two decimals
        "USD, 2",
        "EUR, 2",
        "GBP, 2",
        "CHF, 2",
        "MXN, 2",
        "ISK, 2",
        "HUF, 2",
        "TWD, 2"
    })
    void minorDigitsFollowStripe(String code, int digits) {
        assertThat(CurrencyRules.minorDigits(CurrencyRules.currency(code))).isEqualTo(digits);
    }

    @ParameterizedTest(name = "{0} amounts are multiples of {1}")
    @CsvSource({"USD, 1", "EUR, 1", "HUF, 1", "JPY, 1", "KRW, 1", "KWD, 10", "BHD, 10", "TND, 10", "ISK, 100"})
    void everyAmountIsAMultipleOfTheCurrencysStep(String code, long step) {
        Currency currency = CurrencyRules.currency(code);
        assertThat(CurrencyRules.amountStep(currency)).isEqualTo(step);
        assertThatCode(() -> CurrencyRules.checkAmount(new Money(step * 7, currency)))
                .doesNotThrowAnyException();
        if (step > 1) {
            assertThatThrownBy(() -> CurrencyRules.checkAmount(new Money(step * 7 + 1, currency)))
                    .isInstanceOf(InvalidMoney.class);
        }
    }

    @ParameterizedTest(name = "{0} {1} is accepted")
    @CsvSource({
        "KWD, 1230",
        "BHD, 10",
        "JOD, 99999990",
        "OMR, 5000",
        "TND, 120",
        "ISK, 100",
        "ISK, 50000",
        "ISK, 99999900",
        "JPY, 1",
        "KRW, 99999999",
        "USD, 1",
        "USD, 99999999"
    })
    void amountsExpressibleInTheCurrencyAreAccepted(String code, long minor) {
        assertThatCode(() -> CurrencyRules.checkAmount(Money.of(minor, code))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} {1} is rejected")
    @CsvSource({
        // three-decimal amounts must end in 0
        "KWD, 1235",
        "BHD, 1",
        "JOD, 99999999",
        "OMR, 5005",
        "TND, 129",
        // ISK only in whole units
        "ISK, 150",
        "ISK, 1",
        "ISK, 99999999",
        // at most eight digits
        "USD, 100000000",
        "JPY, 100000000",
        "KWD, 100000000",
        "USD, 9223372036854775807",
        // positive
        "USD, 0",
        "USD, -1",
        "JPY, -100"
    })
    void amountsNotExpressibleInTheCurrencyAreRejected(String code, long minor) {
        Money money = Money.of(minor, code);

        assertThatThrownBy(() -> CurrencyRules.checkAmount(money))
                .isInstanceOfSatisfying(
                        InvalidMoney.InvalidAmount.class,
                        e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void eightDigitsIsTheLimit() {
        assertThatCode(() -> CurrencyRules.checkChargeAmount(Money.of(99_999_999, "USD")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CurrencyRules.checkChargeAmount(Money.of(100_000_000, "USD")))
                .isInstanceOf(InvalidMoney.InvalidAmount.class);
        assertThat(CurrencyRules.MAX_AMOUNT).isEqualTo(99_999_999L);
    }

    @ParameterizedTest(name = "fee {0} {1}: {2}")
    @CsvSource({
        "USD, 0, true", "USD, 1, true", "USD, -1, false",
        "KWD, 0, true", "KWD, 10, true", "KWD, 5, false",
        "ISK, 0, true", "ISK, 100, true", "ISK, 50, false",
        "USD, 99999999, true", "USD, 100000000, false"
    })
    void nonNegativeAmountsMayBeZeroButMustOtherwiseBeExpressible(String code, long minor, boolean accepted) {
        Money money = Money.of(minor, code);

        if (accepted) {
            assertThatCode(() -> CurrencyRules.checkNonNegativeAmount(money)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CurrencyRules.checkNonNegativeAmount(money))
                    .isInstanceOf(InvalidMoney.InvalidAmount.class);
        }
    }

    @ParameterizedTest(name = "the minimum charge in {0} is {1}")
    @CsvSource({
        "USD, 50", "AED, 200", "AUD, 50", "BGN, 100", "BRL, 50", "CAD, 50", "CHF, 50", "CZK, 1500",
        "DKK, 250", "EUR, 50", "GBP, 30", "HKD, 400", "HUF, 17500", "INR, 50", "JPY, 50", "MXN, 1000",
        "MYR, 200", "NOK, 300", "NZD, 50", "PLN, 200", "RON, 200", "SEK, 300", "SGD, 50", "THB, 1000"
    })
    void chargesBelowStripesMinimumAreRejected(String code, long minimum) {
        assertThatCode(() -> CurrencyRules.checkChargeAmount(Money.of(minimum, code)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CurrencyRules.checkChargeAmount(Money.of(minimum - 1, code)))
                .isInstanceOfSatisfying(
                        InvalidMoney.InvalidAmount.class,
                        e -> assertThat(e.getMessage()).contains(String.valueOf(minimum)));
    }

    @ParameterizedTest(name = "{0} {1} may be charged")
    @CsvSource({"KRW, 1", "COP, 1", "KWD, 10", "ISK, 100"})
    void currenciesWithoutAListedMinimumOnlyNeedAnExpressiblePositiveAmount(String code, long minor) {
        assertThatCode(() -> CurrencyRules.checkChargeAmount(Money.of(minor, code)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "charging {0} {1} is rejected")
    @CsvSource({"KWD, 15", "ISK, 250", "USD, 0", "JPY, -50", "GBP, 100000000"})
    void chargesMustAlsoBeExpressible(String code, long minor) {
        assertThatThrownBy(() -> CurrencyRules.checkChargeAmount(Money.of(minor, code)))
                .isInstanceOf(InvalidMoney.InvalidAmount.class);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"usd, USD", "USD, USD", "Usd, USD", "uSd, USD", "jpy, JPY", "kwd, KWD", "isk, ISK"})
    void codesAreParsedInEitherCase(String code, String expected) {
        assertThat(CurrencyRules.currency(code)).isEqualTo(Currency.getInstance(expected));
        assertThat(CurrencyRules.isSupported(code)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is unsupported")
    @NullAndEmptySource
    @ValueSource(strings = {"XYZ", "xyz", "US", "USDX", " usd", "usd ", "XAU", "XXX", "€"})
    void unknownCodesAreRejected(String code) {
        assertThat(CurrencyRules.isSupported(code)).isFalse();
        assertThatThrownBy(() -> CurrencyRules.currency(code))
                .isInstanceOfSatisfying(
                        InvalidMoney.UnsupportedCurrency.class,
                        e -> assertThat(e.field()).isEqualTo("currency"));
    }
}
