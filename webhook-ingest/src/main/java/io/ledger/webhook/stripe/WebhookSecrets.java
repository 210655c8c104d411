package io.ledger.webhook.stripe;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stripe.webhook-secret} (env {@code STRIPE_WEBHOOK_SECRET}): one or more signing secrets, comma separated, so a
 * secret can be rotated without downtime; none means every webhook is refused. Never printed, not even by
 * {@link #toString()}.
 *
 * @param webhookSecret the secrets, trimmed, blanks left out
 */
@ConfigurationProperties("stripe")
record WebhookSecrets(@DefaultValue List<String> webhookSecret) {

    WebhookSecrets {
        webhookSecret = webhookSecret.stream()
                .map(String::trim)
                .filter(secret -> !secret.isEmpty())
                .toList();
    }

    @Override
    public String toString() {
        return "WebhookSecrets[" + webhookSecret.size() + " (hidden)]";
    }
}
