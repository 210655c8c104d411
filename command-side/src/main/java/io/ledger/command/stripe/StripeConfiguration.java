package io.ledger.command.stripe;

import com.stripe.StripeClient;
import io.ledger.command.provider.StripeKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Selects Stripe as the payment provider when {@code stripe.secret-key} is set. {@code stripe.api-base} (env
 * {@code STRIPE_API_BASE}) points the client elsewhere (a stub in tests); {@code stripe.max-network-retries} bounds
 * stripe-java's own retries (connection errors, 409, 5xx, and answers
 * marked {@code Stripe-Should-Retry: true}, which is how Stripe marks a retryable 429); they reuse the request's
 * idempotency key.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(StripeKey.Configured.class)
class StripeConfiguration {

    @Bean
    StripePaymentProvider stripePaymentProvider(
            @Value("${stripe.secret-key}") String secretKey,
            @Value("${stripe.api-base:https://api.stripe.com}") String apiBase,
            @Value("${stripe.max-network-retries:2}") int maxNetworkRetries) {
        return new StripePaymentProvider(client(secretKey, apiBase, maxNetworkRetries));
    }

    static StripeClient client(String secretKey, String apiBase, int maxNetworkRetries) {
        return StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase)
                .setMaxNetworkRetries(maxNetworkRetries)
                .build();
    }
}
