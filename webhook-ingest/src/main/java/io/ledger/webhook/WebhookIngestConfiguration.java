package io.ledger.webhook;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Stripe webhook ingest: signature check, the inbox, and one command per event that has the command side sync the
 * Stripe object the event names. Off with {@code ledger.webhook-ingest.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.webhook-ingest", name = "enabled", matchIfMissing = true)
@ComponentScan
public class WebhookIngestConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
