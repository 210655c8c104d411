package io.ledger.webhook.stripe;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The webhook module's settings. {@code stripe.webhook-secret} (env {@code STRIPE_WEBHOOK_SECRET}) holds one or more
 * signing secrets, comma separated, so a secret can be rotated without downtime; none means every webhook is refused.
 */
@Component
class WebhookSettings {

    final List<String> secrets;
    final long maxBodyBytes;
    final Duration tolerance;
    final Duration futureTolerance;
    final int maxAttempts;
    final Duration initialBackoff;
    final Duration maxBackoff;
    final int batchSize;

    WebhookSettings(
            @Value("${stripe.webhook-secret:}") String secrets,
            @Value("${ledger.webhook.max-body-size:512KB}") DataSize maxBodySize,
            @Value("${ledger.webhook.tolerance:PT5M}") Duration tolerance,
            @Value("${ledger.webhook.future-tolerance:PT1M}") Duration futureTolerance,
            @Value("${ledger.webhook.max-attempts:8}") int maxAttempts,
            @Value("${ledger.webhook.initial-backoff:PT10S}") Duration initialBackoff,
            @Value("${ledger.webhook.max-backoff:PT1H}") Duration maxBackoff,
            @Value("${ledger.webhook.batch-size:20}") int batchSize) {
        this.secrets = Arrays.stream(secrets.split(","))
                .map(String::trim)
                .filter(secret -> !secret.isEmpty())
                .toList();
        this.maxBodyBytes = maxBodySize.toBytes();
        this.tolerance = tolerance;
        this.futureTolerance = futureTolerance;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.batchSize = batchSize;
    }

    /** How long to wait after the {@code attempts}-th failure: doubling from the initial backoff, capped. */
    Duration backoff(int attempts) {
        Duration delay = initialBackoff;
        for (int i = 1; i < attempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
