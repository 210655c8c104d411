package io.ledger.command.simulation;

import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import java.util.Currency;

/**
 * What the simulated provider charges, after Stripe's standard pricing in the US: 2.9% of a settled payment plus 0.30
 * of the currency's unit (none in a zero-decimal currency), and 15.00 for a dispute. Exact integer arithmetic in the
 * currency's minor unit, rounded down to an amount the currency can move ({@link CurrencyRules#amountStep}); a fee
 * never exceeds what it is taken from.
 */
final class SimulatedFees {

    /** 2.9%, in thousandths. */
    private static final long PER_MILLE = 29;
    /** 0.30 of the unit, in hundredths of it. */
    private static final long FIXED_HUNDREDTHS = 30;

    private static final long DISPUTE_FEE_UNITS = 15;

    private SimulatedFees() {}

    /** The fee taken from a settlement of {@code gross}: 2.9% (rounded half up) plus 0.30, at most the gross. */
    static Money settlement(Money gross) {
        Currency currency = gross.currency();
        long percentage = (Math.multiplyExact(gross.minor(), PER_MILLE) + 500) / 1000;
        long fixed = FIXED_HUNDREDTHS * unit(currency) / 100;
        long fee = Math.min(gross.minor(), Math.addExact(percentage, fixed));
        return new Money(roundedDown(fee, currency), currency);
    }

    /** The fee withdrawn with a dispute: 15.00 in the payment's currency. */
    static Money dispute(Currency currency) {
        return new Money(roundedDown(DISPUTE_FEE_UNITS * unit(currency), currency), currency);
    }

    /** One unit of the currency in its minor unit: 100 cents, 1 yen, 1,000 fils. */
    private static long unit(Currency currency) {
        long unit = 1;
        for (int digit = 0; digit < CurrencyRules.minorDigits(currency); digit++) {
            unit *= 10;
        }
        return unit;
    }

    private static long roundedDown(long minor, Currency currency) {
        long step = CurrencyRules.amountStep(currency);
        return minor / step * step;
    }
}
