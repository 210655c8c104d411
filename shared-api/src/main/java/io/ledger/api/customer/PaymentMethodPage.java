package io.ledger.api.customer;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A customer's saved payment methods, the default first: always one page. */
public record PaymentMethodPage(
        List<PaymentMethodView> data,
        boolean hasMore,
        @Nullable String nextCursor) {

    public static PaymentMethodPage of(List<PaymentMethodView> methods) {
        return new PaymentMethodPage(List.copyOf(methods), false, null);
    }
}
