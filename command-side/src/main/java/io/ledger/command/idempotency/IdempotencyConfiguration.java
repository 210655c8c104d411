package io.ledger.command.idempotency;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencySettings.class)
class IdempotencyConfiguration {

    static final int IDEMPOTENCY_FILTER_ORDER = 0;

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc) {
        return new IdempotencyStore(jdbc);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store, TransactionTemplate transaction, JsonMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, transaction, json));
        // Every POST under /api but Stripe's webhook receipt, which the filter leaves alone itself.
        registration.addUrlPatterns("/api/*");
        // After the request-id filter (replays and problems carry X-Request-Id) and after the security filters (-100):
        // keys belong to the authenticated caller, and a refused request stores nothing.
        registration.setOrder(IDEMPOTENCY_FILTER_ORDER);
        return registration;
    }

    @Bean
    IdempotencyPurgeJob idempotencyPurgeJob(IdempotencyStore store, IdempotencySettings settings) {
        return new IdempotencyPurgeJob(store, settings.retention());
    }
}
