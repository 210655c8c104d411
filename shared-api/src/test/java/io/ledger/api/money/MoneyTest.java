package io.ledger.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void plusAddsMinorUnitsExactly() {
        assertThat(new Money(1999, USD).plus(new Money(1, USD))).isEqualTo(new Money(2000, USD));
        assertThat(new Money(10, USD).plus(new Money(-25, USD))).isEqualTo(new Money(-15, USD));
    }

    @Test
    void minusSubtractsMinorUnitsExactly() {
        assertThat(new Money(2000, USD).minus(new Money(1, USD))).isEqualTo(new Money(1999, USD));
        assertThat(new Money(0, USD).minus(new Money(50, USD))).isEqualTo(new Money(-50, USD));
    }

    @Test
    void plusThatWouldOverflowThrowsInsteadOfWrappingAround() {
        Money max = new Money(Long.MAX_VALUE, USD);

        assertThatThrownBy(() -> max.plus(new Money(1, USD))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void minusThatWouldOverflowThrowsInsteadOfWrappingAround() {
        Money min = new Money(Long.MIN_VALUE, USD);

        assertThatThrownBy(() -> min.minus(new Money(1, USD))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void arithmeticAcrossCurrenciesIsRejected() {
        Money dollars = new Money(100, USD);
        Money euros = new Money(100, EUR);

        assertThatThrownBy(() -> dollars.plus(euros)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dollars.minus(euros)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dollars.isGreaterThan(euros)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparisonIsWithinOneCurrency() {
        assertThat(new Money(2, USD).isGreaterThan(new Money(1, USD))).isTrue();
        assertThat(new Money(1, USD).isGreaterThan(new Money(1, USD))).isFalse();
        assertThat(new Money(0, USD).isZero()).isTrue();
        assertThat(new Money(1, USD).isPositive()).isTrue();
        assertThat(new Money(-1, USD).isPositive()).isFalse();
    }

    @Test
    void aCurrencyIsRequired() {
        assertThatThrownBy(() -> new Money(100, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void ofParsesTheCodeInEitherCase() {
        assertThat(Money.of(1999, "usd")).isEqualTo(new Money(1999, USD));
        assertThat(Money.of(1999, "USD")).isEqualTo(new Money(1999, USD));
    }

    @Test
    void ofRejectsACurrencyStripeDoesNotChargeIn() {
        assertThatThrownBy(() -> Money.of(1999, "XYZ")).isInstanceOf(InvalidMoney.UnsupportedCurrency.class);
    }

    @Test
    void currencyCodeIsLowercaseAsTheContractWritesIt() {
        assertThat(new Money(1999, USD).currencyCode()).isEqualTo("usd");
        assertThat(Money.of(500, "JPY").currencyCode()).isEqualTo("jpy");
        assertThat(new Money(1999, USD)).hasToString("1999 usd");
    }

    @Test
    void zeroHasNoMinorUnits() {
        assertThat(Money.zero(EUR)).isEqualTo(new Money(0, EUR));
    }

    @Test
    void serializesAsMinorAndUppercaseCurrencyOnly() {
        JsonNode node = json.readTree(json.writeValueAsString(new Money(1999, USD)));

        assertThat(node.propertyNames()).containsExactlyInAnyOrder("minor", "currency");
        assertThat(node.get("minor").isIntegralNumber()).isTrue();
        assertThat(node.get("minor").asLong()).isEqualTo(1999);
        assertThat(node.get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void serializedFormIsExactlyMinorAndCurrency() {
        assertThat(json.writeValueAsString(new Money(1999, USD))).isEqualTo("{\"minor\":1999,\"currency\":\"USD\"}");
    }

    @Test
    void deserializesWhatItSerializes() {
        Money money = Money.of(123_450, "KWD");

        assertThat(json.readValue(json.writeValueAsString(money), Money.class)).isEqualTo(money);
    }
}
