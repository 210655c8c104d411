package io.ledger.app.support;

import io.ledger.app.LedgerApplication;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application talking to Stripe through {@link StripeApiStub} (the one {@code stripe.*} configuration:
 * Stripe is the provider, and webhook syncs read Stripe's objects as they stand), on a database of its own so that
 * its projections and janitor see only its payments. Every test class carrying it shares one application context.
 * Retries are a few milliseconds apart, and the circuit breaker does not open on the failures the tests provoke.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            TestDatabaseEnvironmentPostProcessor.OWN_DATABASE + "=stripe_webhooks",
            "stripe.secret-key=sk_test_webhook_reads",
            "stripe.api-base=${" + StripeApiStubEnvironmentPostProcessor.STRIPE_API_STUB + "}",
            "stripe.retry.initial-backoff=PT0.01S",
            "stripe.retry.max-backoff=PT0.05S",
            "stripe.circuit-breaker.sliding-window-size=1000",
            "stripe.circuit-breaker.minimum-number-of-calls=1000"
        })
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
public @interface StripeWebhookIntegrationTest {}
