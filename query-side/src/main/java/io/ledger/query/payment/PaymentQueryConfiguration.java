package io.ledger.query.payment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The payment queries' settings, bound and checked at start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuerySettings.class)
class PaymentQueryConfiguration {}
