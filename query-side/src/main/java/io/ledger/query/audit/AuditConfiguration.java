package io.ledger.query.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The audit's signing key and hash chain writer, with their settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuditSettings.class, ChainWriterSettings.class})
class AuditConfiguration {

    @Bean
    DigestSigner digestSigner(AuditSettings settings) {
        return new DigestSigner(settings.signingKey());
    }

    /**
     * Off in the auditor's command line, which only reads. Its settings are bound before it is made, so a bad interval
     * is reported as such before its schedule reads it.
     */
    @Bean
    @ConditionalOnProperty(prefix = "ledger.audit.chain-writer", name = "enabled", matchIfMissing = true)
    ChainWriter chainWriter(
            JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ChainWriterSettings settings) {
        return new ChainWriter(jdbc, transactionManager);
    }
}
