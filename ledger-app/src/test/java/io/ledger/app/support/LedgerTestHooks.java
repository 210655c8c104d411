package io.ledger.app.support;

import io.ledger.app.security.TestTokens;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test-only hooks into the running application; each is inert unless a test triggers it. */
@TestConfiguration(proxyBeanMethods = false)
public class LedgerTestHooks {

    /**
     * The test client calls as an admin, with a token the application accepts (signed with its own secret), so that
     * tests of what a call does need no token of their own; tests of who may call replace or remove it
     * ({@link LedgerApi#as}, {@link LedgerApi#anonymous}).
     */
    @Bean
    RestTestClientBuilderCustomizer adminToken(Environment environment) {
        String token = TestTokens.adminFor(environment);
        return builder -> builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

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
