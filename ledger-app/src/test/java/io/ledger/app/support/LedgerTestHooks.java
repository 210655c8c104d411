package io.ledger.app.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test-only hooks into the running application; each is inert unless a test triggers it. */
@TestConfiguration(proxyBeanMethods = false)
public class LedgerTestHooks {

    @Bean
    static ProviderGate providerGate() {
        return new ProviderGate();
    }

    @Bean
    TransactionProbe transactionProbe() {
        return new TransactionProbe();
    }

    @Bean
    CommitCrasher commitCrasher(JdbcClient jdbc) {
        return new CommitCrasher(jdbc);
    }

    /** Inside the idempotency filter (order 0, after the security filters), so inside its transaction. */
    @Bean
    FilterRegistrationBean<CommitCrasher> commitCrasherRegistration(CommitCrasher crasher) {
        FilterRegistrationBean<CommitCrasher> registration = new FilterRegistrationBean<>(crasher);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(10);
        return registration;
    }
}
