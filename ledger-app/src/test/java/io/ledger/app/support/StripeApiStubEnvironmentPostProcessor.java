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
 * no backoff between attempts, and the inbox worker off (tests run it themselves, as a restarted application would).
 * {@value #STRIPE_API_STUB} is the address of {@link StripeApiStub}, for the applications that talk to Stripe through
 * it ({@link StripeWebhookIntegrationTest}); the others keep the simulated provider and no Stripe key.
 */
public class StripeApiStubEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String SECRET = "whsec_test_current0000000000000000";
    public static final String PREVIOUS_SECRET = "whsec_test_previous000000000000000";
    public static final String STRIPE_API_STUB = "ledger.test.stripe-api-stub";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "ledgerTestWebhooks",
                        Map.of(
                                "stripe.webhook-secret",
                                SECRET + "," + PREVIOUS_SECRET,
                                STRIPE_API_STUB,
                                StripeApiStub.shared().base(),
                                "ledger.webhook.worker.enabled",
                                "false",
                                "ledger.webhook.initial-backoff",
                                "PT0S",
                                "ledger.webhook.max-body-size",
                                "64KB")));
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 2;
    }
}
