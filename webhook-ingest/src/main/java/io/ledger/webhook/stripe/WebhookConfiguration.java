package io.ledger.webhook.stripe;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The webhook settings, bound and checked at start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WebhookSettings.class, WebhookSecrets.class})
class WebhookConfiguration {}
