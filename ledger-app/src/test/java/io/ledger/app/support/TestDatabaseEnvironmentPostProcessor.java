package io.ledger.app.support;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every application started by the tests at this run's fresh database (see {@link TestDatabase}), above any
 * other configuration. The application creates the database on start and Flyway migrates it. With no server named and
 * no Docker engine the tests fail here rather than touch the application's own default database. An application whose
 * tests set {@value #OWN_DATABASE} gets a database of its own, named with that suffix (its projections then compete
 * with no other application's for their tokens).
 */
public class TestDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The suffix of an application's own database (test property), e.g. {@code webhooks}. */
    public static final String OWN_DATABASE = "ledger.test.own-database";

    private static final String USER = "postgres";
    private static final Set<String> dropsScheduled = new HashSet<>();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // A test run keeps several applications open at once (the shared ones and a class's own), on a server other
        // runs share: each pool opens connections as its application needs them rather than all twenty at start.
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("ledgerTestPool", Map.of("spring.datasource.hikari.minimum-idle", "2")));
        if (TestDatabase.useContainer()) {
            return; // TestDatabaseContainer's @ServiceConnection supplies the database
        }
        String serverUrl = environment.getProperty(TestDatabase.URL_PROPERTY);
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new IllegalStateException("No database for the tests: set " + TestDatabase.URL_PROPERTY
                    + " (or LEDGER_TEST_DB_URL) to a PostgreSQL server, or start a Docker engine");
        }
        String suffix = environment.getProperty(OWN_DATABASE);
        String database = suffix == null || suffix.isBlank() ? TestDatabase.NAME : TestDatabase.NAME + "_" + suffix;
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "ledgerTestDatabase",
                        Map.of(
                                "spring.datasource.url",
                                TestDatabase.withDatabase(serverUrl, database),
                                "spring.datasource.username",
                                USER)));
        scheduleDrop(serverUrl, database, environment.getProperty("spring.datasource.password", ""));
    }

    private static synchronized void scheduleDrop(String serverUrl, String database, String password) {
        if (dropsScheduled.add(database)) {
            TestDatabase.dropAtExit(serverUrl, database, USER, password);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
