package io.ledger.command.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.ledger.api.payment.Provider;
import io.ledger.command.provider.PaymentProvider;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly one payment provider: Stripe when {@code stripe.secret-key} is set, the simulated one otherwise; the handler
 * of webhook syncs either way, reading Stripe only with a key.
 */
class ProviderSelectionTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            // As in the application: "PT3S" binds to a Duration.
            .withInitializer(
                    app -> app.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance()))
            .withUserConfiguration(providerConfiguration(), StripeConfiguration.class, StripeSyncConfiguration.class)
            .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
            .withBean(TransactionTemplate.class, () -> mock(TransactionTemplate.class))
            .withBean(CommandGateway.class, () -> mock(CommandGateway.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void aSecretKeySelectsStripe() {
        context.withPropertyValues("stripe.secret-key=sk_test_123", "stripe.api-base=http://127.0.0.1:9")
                .run(app -> {
                    assertThat(app).hasSingleBean(PaymentProvider.class);
                    assertThat(app.getBean(PaymentProvider.class).kind()).isEqualTo(Provider.STRIPE);
                    assertThat(app).doesNotHaveBean("simulatedAsyncChargeJob");
                    assertThat(app).hasSingleBean(StripeJanitor.class).hasSingleBean(StripeWorkList.class);
                    assertThat(app).hasSingleBean(StripeApi.class).hasSingleBean(StripeObjectSync.class);
                });
    }

    @Test
    void theOneClientsSettingsAreCheckedAtStart() {
        context.withPropertyValues(
                        "stripe.secret-key=sk_test_123",
                        "stripe.api-base=http://127.0.0.1:9",
                        "stripe.retry.max-attempts=6")
                .run(app -> assertThat(app)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("stripe.retry")
                        .hasMessageContaining("maxAttempts")
                        .hasMessageContaining("must be less than or equal to 5"));
    }

    @Test
    void theSettingsNeverPrintTheKey() {
        context.withPropertyValues("stripe.secret-key=sk_test_51NeverPrinted")
                .run(app -> assertThat(app.getBean(StripeSettings.class).toString())
                        .doesNotContain("sk_test_51NeverPrinted")
                        .contains("apiBase="));
    }

    @Test
    void withoutAKeyTheSimulatedProviderStaysInPlace() {
        context.run(app -> {
            assertThat(app).hasSingleBean(PaymentProvider.class);
            assertThat(app.getBean(PaymentProvider.class).kind()).isEqualTo(Provider.SIMULATED);
            assertThat(app).hasBean("simulatedAsyncChargeJob");
            assertThat(app).doesNotHaveBean(StripeJanitor.class).doesNotHaveBean(StripeWorkList.class);
            assertThat(app).doesNotHaveBean(StripeApi.class).hasSingleBean(StripeObjectSync.class);
        });
    }

    @Test
    void aBlankKeyCountsAsNone() {
        context.withPropertyValues("stripe.secret-key= ")
                .run(app ->
                        assertThat(app.getBean(PaymentProvider.class).kind()).isEqualTo(Provider.SIMULATED));
    }

    /** Package-private in the provider package, as it should stay. */
    private static Class<?> providerConfiguration() {
        try {
            return Class.forName("io.ledger.command.provider.ProviderConfiguration");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
