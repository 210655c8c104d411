package io.ledger.app.database;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Static: a bean post-processor must exist before the beans it processes. */
    @Bean
    @ConditionalOnProperty(prefix = "ledger.datasource", name = "create-database", matchIfMissing = true)
    static DatabaseCreator databaseCreator() {
        return new DatabaseCreator();
    }
}
