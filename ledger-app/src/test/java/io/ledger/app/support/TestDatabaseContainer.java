package io.ledger.app.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A PostgreSQL container for the tests, only when {@link TestDatabase#useContainer()} chose one. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseContainer {

    @Bean
    @ServiceConnection
    @Conditional(ContainerChosen.class)
    PostgreSQLContainer postgres() {
        return new PostgreSQLContainer("postgres:15");
    }

    static class ContainerChosen implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return TestDatabase.useContainer();
        }
    }
}
