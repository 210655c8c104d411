package io.ledger.app.audit;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Under the auditor's command line ({@code ledger.audit.cli=true}) every processor is a subscribing one: nothing is
 * published in that process, so no projection handles an event or claims a token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.audit", name = "cli", havingValue = "true")
class AuditCliConfiguration {

    @Bean
    ConfigurerModule subscribingProcessorsOnly() {
        return configurer -> configurer.eventProcessing().usingSubscribingEventProcessors();
    }
}
