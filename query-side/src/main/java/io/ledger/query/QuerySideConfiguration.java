package io.ledger.query;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The query side: projections, read models and their HTTP APIs. Off with {@code ledger.query-side.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.query-side", name = "enabled", matchIfMissing = true)
@ComponentScan
public class QuerySideConfiguration {}
