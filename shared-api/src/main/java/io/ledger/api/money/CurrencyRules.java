package io.ledger.api.money;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's rules for amounts: which currencies it charges in, how many minor digits each has, and the smallest and
 * largest amount it accepts. Amounts always use the currency's minor unit, as Stripe's API does.
 */
@NullMarked
public final class CurrencyRules {

    /** Stripe accepts amounts of at most eight digits. */
    public static final long MAX_AMOUNT = 99_999_999L;

    private static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF",
            "XPF");

    /** Three-decimal currencies: Stripe requires the last digit to be 0. */
    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    /** Sent with two decimals, but Stripe only charges whole units: the amount must be divisible by 100. */
    private static final Set<String> WHOLE_UNITS_ONLY = Set.of("ISK");

    private static final Set<String> TWO_DECIMAL = Set.of(
            "USD", "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
            "BMD", "BND", "BOB", "BRL", "BSD", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CNY", "COP", "CRC", "CVE",
            "CZK", "DKK", "DOP", "DZD", "EGP", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GIP", "GMD", "GTQ", "GYD",
            "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "ISK", "JMD", "KES", "KGS", "KHR", "KYD", "KZT", "LAK",
            "LBP", "LKR", "LRD", "LSL", "MAD", "MDL", "MKD", "MMK", "MNT", "MOP", "MUR", "MVR", "MWK", "MXN", "MYR",
            "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON",
            "RSD", "RUB", "SAR", "SBD", "SCR", "SEK", "SGD", "SHP", "SOS", "SRD", "SZL", "THB", "TJS", "TOP", "TRY",
            "TTD", "TWD", "TZS", "UAH", "UYU", "UZS", "WST", "XCD", "YER", "ZAR", "ZMW");

    /** Stripe's minimum charge per settlement currency, in minor units (about 0.50 USD each). */
    private static final Map<String, Long> MINIMUM_CHARGE = Map.ofEntries(
            Map.entry("USD", 50L),
            Map.entry("AED", 200L),
            Map.entry("AUD", 50L),
            Map.entry("BGN", 100L),
            Map.entry("BRL", 50L),
            Map.entry("CAD", 50L),
            Map.entry("CHF", 50L),
            Map.entry("CZK", 1_500L),
            Map.entry("DKK", 250L),
            Map.entry("EUR", 50L),
            Map.entry("GBP", 30L),
            Map.entry("HKD", 400L),
            Map.entry("HUF", 17_500L),
            Map.entry("INR", 50L),
            Map.entry("JPY", 50L),
            Map.entry("MXN", 1_000L),
            Map.entry("MYR", 200L),
            Map.entry("NOK", 300L),
            Map.entry("NZD", 50L),
            Map.entry("PLN", 200L),
            Map.entry("RON", 200L),
            Map.entry("SEK", 300L),
            Map.entry("SGD", 50L),
            Map.entry("THB", 1_000L));

    private static final Map<String, Currency> SUPPORTED = Stream.of(ZERO_DECIMAL, THREE_DECIMAL, TWO_DECIMAL)
            .flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableMap(code -> code, Currency::getInstance));

    private CurrencyRules() {}

    /** The currency for a code in either case, if Stripe charges in it. */
    public static Currency currency(@Nullable String code) {
        Currency currency = code == null ? null : SUPPORTED.get(code.toUpperCase(Locale.ROOT));
        if (currency == null) {
            throw new InvalidMoney.UnsupportedCurrency(code);
        }
        return currency;
    }

    public static boolean isSupported(@Nullable String code) {
        return code != null && SUPPORTED.containsKey(code.toUpperCase(Locale.ROOT));
    }

    /** Digits after the decimal point in Stripe's representation of the currency. */
    public static int minorDigits(Currency currency) {
        String code = currency.getCurrencyCode();
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        return THREE_DECIMAL.contains(code) ? 3 : 2;
    }

    /**
     * The smallest amount Stripe moves in the currency, in minor units: every amount is a multiple of it (10 in the
     * three-decimal currencies, 100 in ISK, which Stripe charges in whole units, else 1).
     */
    public static long amountStep(Currency currency) {
        String code = currency.getCurrencyCode();
        if (THREE_DECIMAL.contains(code)) {
            return 10;
        }
        return WHOLE_UNITS_ONLY.contains(code) ? 100 : 1;
    }

    /** Checks an amount that moves money (a charge, a refund, a settlement): positive and expressible. */
    public static void checkAmount(Money money) {
        if (!money.isPositive()) {
            throw new InvalidMoney.InvalidAmount("amount must be a positive integer in the currency's minor unit");
        }
        checkExpressible(money);
    }

    /** Checks an amount that may be zero (a fee), otherwise as {@link #checkAmount}. */
    public static void checkNonNegativeAmount(Money money) {
        if (money.minor() < 0) {
            throw new InvalidMoney.InvalidAmount("amount must not be negative");
        }
        checkExpressible(money);
    }

    /** Checks the amount of a new charge: as {@link #checkAmount}, and at least Stripe's minimum for the currency. */
    public static void checkChargeAmount(Money money) {
        checkAmount(money);
        String code = money.currency().getCurrencyCode();
        long minimum = MINIMUM_CHARGE.getOrDefault(code, 1L);
        if (money.minor() < minimum) {
            throw new InvalidMoney.InvalidAmount("amount must be at least " + new Money(minimum, money.currency()));
        }
    }

    private static void checkExpressible(Money money) {
        if (money.minor() > MAX_AMOUNT) {
            throw new InvalidMoney.InvalidAmount("amount must have at most 8 digits");
        }
        String code = money.currency().getCurrencyCode();
        if (THREE_DECIMAL.contains(code) && money.minor() % 10 != 0) {
            throw new InvalidMoney.InvalidAmount(code + " amounts must end in 0 (Stripe rounds to 0.010)");
        }
        if (WHOLE_UNITS_ONLY.contains(code) && money.minor() % 100 != 0) {
            throw new InvalidMoney.InvalidAmount(code + " amounts must be whole units (divisible by 100)");
        }
    }
}
