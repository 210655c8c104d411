package io.ledger.app.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;

/** One operation of the description, with the method and path it answers. */
record Call(HttpMethod method, String path, Operation operation) {

    /**
     * Whether the idempotency filter stores this call's answers by {@code Idempotency-Key}: every POST under
     * {@code /api} but Stripe's webhook receipt, which Stripe's event id deduplicates, as the command side's filter
     * does.
     */
    boolean storesAnswersByKey() {
        return method == HttpMethod.POST && path.startsWith("/api/") && !path.equals("/api/webhooks/stripe");
    }

    /** Stripe's webhooks carry their signature instead of a token and are not rate limited. */
    boolean isPublic() {
        return CallerScopes.scopesFor(method, path).isEmpty();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
