package io.ledger.command.provider;

import java.time.Duration;

/**
 * As many provider calls as the ledger allows at once are under way, and none finished within the short wait for a
 * place: this call was never sent. Unlike other {@link ProviderUnavailable}s its outcome is known (nothing happened at
 * the provider), so a confirm or refund refused this way is answered 503 and recorded nowhere, rather than recorded
 * as an outcome the janitor must find out.
 */
public class ProviderSaturated extends ProviderUnavailable {

    public ProviderSaturated(String operation, int concurrentCalls, Duration retryAfter) {
        super(operation, "all " + concurrentCalls + " places for concurrent provider calls are taken", retryAfter);
    }

    @Override
    public String detail() {
        return "The payment provider is answering slowly and the ledger is making as many calls to it as it allows;"
                + " nothing was recorded. Retry after Retry-After seconds with the same Idempotency-Key.";
    }
}
