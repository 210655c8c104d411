package io.ledger.app.support;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Webhook settings of every application the tests start: two signing secrets (the second one as during a rotation),
 * the webhook module's Stripe reads pointed at {@link StripeApiStub} (the command side keeps the simulated provider),
 * no backoff between attempts, and the inbox worker off: tests run it themselves, as a restarted application would.
 */
public class StripeApiStubEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String SECRET = "whsec_test_current0000000000000000";
    public static final String PREVIOUS_SECRET = "whsec_test_previous000000000000000";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "ledgerTestWebhooks",
                        Map.of(
                                "stripe.webhook-secret", SECRET + "," + PREVIOUS_SECRET,
                                "ledger.webhook.stripe.secret-key", "sk_test_webhook_reads",
                                "ledger.webhook.stripe.api-base",
                                        StripeApiStub.shared().base(),
                                "ledger.webhook.stripe.max-network-retries", "0",
                                "ledger.webhook.worker.enabled", "false",
                                "ledger.webhook.initial-backoff", "PT0S",
                                "ledger.webhook.max-body-size", "64KB")));
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 2;
    }
}
