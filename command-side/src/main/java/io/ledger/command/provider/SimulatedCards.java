package io.ledger.command.provider;

import io.ledger.api.customer.Card;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated provider's test payment methods as cards, after Stripe's test cards: brand, last four digits and an
 * expiry. {@code pm_card_expired} is the ledger's own (Stripe has no saved test card whose expiry is over): a Visa that
 * expired in December 2024, saved as expired and declined with {@code expired_card} when charged.
 */
final class SimulatedCards {

    static final String AMEX = "pm_card_amex";
    static final String EXPIRED = "pm_card_expired";

    private static final Map<String, Card> CARDS = Map.of(
            SimulatedPaymentProvider.VISA,
            new Card("visa", "4242", 12, 2034),
            SimulatedPaymentProvider.MASTERCARD,
            new Card("mastercard", "4444", 12, 2034),
            AMEX,
            new Card("amex", "0005", 12, 2034),
            SimulatedPaymentProvider.DECLINED,
            new Card("visa", "0002", 12, 2034),
            SimulatedPaymentProvider.INSUFFICIENT_FUNDS,
            new Card("visa", "9995", 12, 2034),
            SimulatedPaymentProvider.AUTHENTICATION_REQUIRED,
            new Card("visa", "3184", 12, 2034),
            SimulatedPaymentProvider.PROCESSING,
            new Card("visa", "0077", 12, 2034),
            EXPIRED,
            new Card("visa", "0069", 12, 2024));

    private SimulatedCards() {}

    static Optional<Card> of(String paymentMethod) {
        return Optional.ofNullable(CARDS.get(paymentMethod));
    }
}
