package io.ledger.api.payment;

import java.util.List;

/** The disputes of one payment, oldest first (at Stripe a charge is disputed at most once). */
public record PaymentDisputes(List<DisputeView> data) {

    public PaymentDisputes {
        data = List.copyOf(data);
    }
}
