package io.ledger.query.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The audit's signing key and hash chain writer, with their settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
class AuditConfiguration {

    /** Bound before any bean here is made, so a bad setting is reported as such before the writer's schedule reads it. */
    private final AuditSettings settings;

    AuditConfiguration(AuditSettings settings) {
        this.settings = settings;
    }

    @Bean
    DigestSigner digestSigner() {
        return new DigestSigner(settings.signingKey());
    }

    /** Off in the auditor's command line, which only reads. */
    @Bean
    @ConditionalOnProperty(prefix = "ledger.audit.chain-writer", name = "enabled", matchIfMissing = true)
    ChainWriter chainWriter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ChainWriter(jdbc, transactionManager);
    }
}
