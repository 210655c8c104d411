package io.ledger.api.payment;

import org.jspecify.annotations.Nullable;

/**
 * Ask for one payment as the read model has it. With {@code minVersion}, the answer waits briefly until the read model
 * has caught up with that many events of the payment (read-your-writes after a command). With {@code onlyCustomer}, a
 * payment of another customer is answered as if it did not exist. Answered with an optional {@link PaymentView}.
 */
public record FindPaymentQuery(
        String paymentId, long minVersion, @Nullable String onlyCustomer) {}
