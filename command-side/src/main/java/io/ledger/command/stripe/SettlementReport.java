package io.ledger.command.stripe;

import java.time.Instant;
import java.util.Currency;

/** A charge a payout paid out: its PaymentIntent, gross, Stripe's fee and the net, in minor units of {@code currency}. */
record SettlementReport(
        String payoutId, String intentId, long gross, long fee, long net, Currency currency, Instant settledAt) {}
