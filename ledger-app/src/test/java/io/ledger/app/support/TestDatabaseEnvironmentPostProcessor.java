package io.ledger.app.support;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every application started by the tests at this run's fresh database (see {@link TestDatabase}), above any
 * other configuration. The application creates the database on start and Flyway migrates it. With no server named and
 * no Docker engine the tests fail here rather than touch the application's own default database.
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String USER = "postgres";
    private static boolean dropScheduled;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (TestDatabase.useContainer()) {
            return; // TestDatabaseContainer's @ServiceConnection supplies the database
        }
        String serverUrl = environment.getProperty(TestDatabase.URL_PROPERTY);
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new IllegalStateException("No database for the tests: set " + TestDatabase.URL_PROPERTY
                    + " (or LEDGER_TEST_DB_URL) to a PostgreSQL server, or start a Docker engine");
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "ledgerTestDatabase",
                        Map.of(
                                "spring.datasource.url",
                                TestDatabase.withDatabase(serverUrl, TestDatabase.NAME),
                                "spring.datasource.username",
                                USER)));
        scheduleDrop(serverUrl, environment.getProperty("spring.datasource.password", ""));
    }

    private static synchronized void scheduleDrop(String serverUrl, String password) {
        if (!dropScheduled) {
            dropScheduled = true;
            TestDatabase.dropAtExit(serverUrl, USER, password);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
