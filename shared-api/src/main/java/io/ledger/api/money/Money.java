package io.ledger.api.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.NullMarked;

/**
 * An exact amount in a currency's minor unit (cents for USD, yen for JPY, fils for KWD). Arithmetic is exact and only
 * ever within one currency.
 */
@NullMarked
public record Money(long minor, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /** Parses the currency code in either case; rejects currencies Stripe does not charge in. */
    public static Money of(long minor, String currencyCode) {
        return new Money(minor, CurrencyRules.currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return minor > other.minor;
    }

    @JsonIgnore
    public boolean isPositive() {
        return minor > 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return minor == 0;
    }

    public boolean hasCurrency(Currency other) {
        return currency.equals(other);
    }

    /** The code as the HTTP contract writes it: lowercase ISO 4217. */
    public String currencyCode() {
        return currency.getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currencies differ: " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return minor + " " + currencyCode();
    }
}
