package io.ledger.command.checkout;

import java.util.Map;
import java.util.Optional;

/**
 * Stripe's test card numbers, as the simulated checkout page takes them, mapped to the simulated provider's test
 * payment methods. The number itself goes no further: it is never stored, logged or put in an event.
 */
final class TestCards {

    private static final Map<String, String> METHODS = Map.of(
            "4242424242424242", "pm_card_visa",
            "5555555555554444", "pm_card_mastercard",
            "4000000000000002", "pm_card_chargeDeclined",
            "4000000000009995", "pm_card_insufficientFunds",
            "4000002500003155", "pm_card_authenticationRequired",
            "4000002760003184", "pm_card_authenticationRequired");

    private TestCards() {}

    /** The test method of a number typed with or without spaces and dashes; empty for any other number. */
    static Optional<String> method(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        String digits = typed.replace(" ", "").replace("-", "");
        return Optional.ofNullable(METHODS.get(digits));
    }
}
