package io.ledger.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.payment.Provider;
import io.ledger.command.provider.PaymentProvider;
import io.ledger.command.provider.PaymentRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes a request deterministically slow: wraps the application's simulated {@link PaymentProvider} so that registering a
 * payment for a customer given to {@link #holdNextCreateFor} waits until the test releases it. Everything else passes
 * straight through.
 */
public class ProviderGate implements BeanPostProcessor {

    private final Map<String, Hold> holds = new ConcurrentHashMap<>();

    /** The next {@code createPayment} for this customer blocks (inside its request) until {@link Hold#release()}. */
    public Hold holdNextCreateFor(String customerId) {
        Hold hold = new Hold();
        holds.put(customerId, hold);
        return hold;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof PaymentProvider provider) || provider.kind() != Provider.SIMULATED) {
            // The Stripe provider stays as it is: its tests gate the fake Stripe instead.
            return bean;
        }
        return Proxy.newProxyInstance(
                PaymentProvider.class.getClassLoader(),
                new Class<?>[] {PaymentProvider.class},
                (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof PaymentRequest request) {
                        Hold hold = holds.remove(request.customerId());
                        if (hold != null) {
                            hold.block();
                        }
                    }
                    try {
                        return method.invoke(provider, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** One held call. */
    public static final class Hold {
        private static final Duration LIMIT = Duration.ofSeconds(20);
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private void block() throws InterruptedException {
            entered.countDown();
            if (!released.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never released the held provider call");
            }
        }

        /** Waits until the held call has reached the provider. */
        public void awaitHeld() throws InterruptedException {
            assertThat(entered.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the request reached the provider")
                    .isTrue();
        }

        public void release() {
            released.countDown();
        }
    }
}
